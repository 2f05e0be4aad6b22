"""Built-in plugin ``text``: the generic plain-text reader and the plain-text writer.

The text reader needs no detection hook: it reads what no magic, no detection hook and no
reader's file extension claimed."""
from __future__ import annotations

import convertkit
from convertkit.registry import Option, ReaderSpec, WriterSpec, lazy


@convertkit.hookimpl
def convertkit_register_readers(registry):
    registry.add(ReaderSpec(
        name="text", read=lazy("convertkit_text.reader:read_text"), extensions=("txt",),
        description="plain text: paragraphs are blank-line separated blocks, CJK-aware line joining"))


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="txt", write=lazy("convertkit_text.writer:write_text"), extension="txt", binary=False,
        description="plain text: headlines, bylines, one paragraph per line",
        options=(Option("columns", "wrap plain text at N display columns (wide characters count 2)", int),)))
