"""Built-in plugin ``json``: the document model's versioned JSON form, read and written."""
from __future__ import annotations

import convertkit
from convertkit.registry import ReaderSpec, WriterSpec


def _read(text, ctx):
    from convertkit.errors import ConversionError
    from convertkit.jsonform import loads

    try:
        return loads(text, warn=ctx.warn)
    except ConversionError as exc:  # an input fault: name the input
        raise ConversionError(f"{ctx.source_name}: {exc}" if ctx.source_name else str(exc)) from None


def _write(doc, ctx):
    from convertkit.jsonform import dumps

    return dumps(doc)


@convertkit.hookimpl
def convertkit_register_readers(registry):
    registry.add(ReaderSpec(name="json", read=_read, extensions=("json",),
                            description="convertkit's JSON document model (convertkit-api-version)"))


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(name="json", write=_write, extension="json", binary=False,
                            description="convertkit's JSON document model, with source line ranges"))


@convertkit.hookimpl
def convertkit_detect_format(text, name):
    head = text[:4096].lstrip()
    if head.startswith("{") and '"convertkit-api-version"' in head:
        return "json"
    return None
