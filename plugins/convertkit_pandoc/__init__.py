"""Built-in plugin ``pandoc-json``: pandoc's JSON AST, so that pandoc can take it anywhere."""
from __future__ import annotations

import convertkit
from convertkit.registry import Option, WriterSpec, lazy


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="pandoc-json", write=lazy("convertkit_pandoc.writer:write_pandoc_json"), extension="pandoc.json", binary=False,
        description="pandoc's JSON AST (pandoc -f json): articles as Divs, headlines as level-1 headers",
        options=(Option("pandoc-api-version",
                        "pandoc-api-version to declare, e.g. 1.23.1 (default: what the installed pandoc "
                        "writes, else 1.23.1)", str),)))
