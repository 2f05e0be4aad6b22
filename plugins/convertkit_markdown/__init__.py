"""Built-in plugin ``markdown``: CommonMark with the metadata as YAML front matter."""
from __future__ import annotations

import convertkit
from convertkit.registry import WriterSpec


def _write(doc, ctx):
    from .writer import write_markdown

    return write_markdown(doc, ctx)


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="markdown", write=_write, extension="md", binary=False,
        description="CommonMark: # headlines, ## subheads, > pull quotes, YAML front matter"))
