"""Built-in plugin ``html``: one standalone HTML5 file with the CJK stylesheet inlined."""
from __future__ import annotations

import convertkit
from convertkit.registry import WriterSpec


def _write(doc, ctx):
    from .writer import write_html

    return write_html(doc, ctx)


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="html", write=_write, extension="html", binary=False,
        description="standalone HTML5 with the CJK stylesheet, lang set, articles as <article>"))
