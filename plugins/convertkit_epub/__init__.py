"""Built-in plugin ``epub``: EPUB 3 (ebooklib) for phones, Apple Books, calibre and Thorium."""
from __future__ import annotations

import convertkit
from convertkit.registry import Option, WriterSpec, lazy


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="epub", write=lazy("convertkit_epub.writer:write_epub"), extension="epub", binary=True,
        description="EPUB 3: one content document per article, nested table of contents, CJK stylesheet",
        options=(Option("epub-vertical", "vertical writing (vertical-rl) with right-to-left page progression"),)))
