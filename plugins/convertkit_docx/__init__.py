"""Built-in plugin ``docx``: Word documents (python-docx) with East Asian typography."""
from __future__ import annotations

import convertkit
from convertkit.registry import Option, WriterSpec, lazy


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="docx", write=lazy("convertkit_docx.writer:write_docx"), extension="docx", binary=True,
        description="Word: Heading 1 per headline, named news styles, 宋体/黑体/楷体 East Asian fonts, A4",
        options=(Option("docx-toc", "add a table of contents: the headlines and subheads, linked (update the "
                        "field in Word for page numbers)"),
                 Option("docx-page", "page size: A4 with GB/T 9704 margins (the default) or US Letter", str,
                        default="a4", choices=("a4", "letter")))))
