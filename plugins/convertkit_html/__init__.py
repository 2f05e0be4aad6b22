"""Built-in plugin ``html``: one standalone HTML5 file with the CJK stylesheet inlined."""
from __future__ import annotations

import convertkit
from convertkit.registry import WriterSpec, lazy


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="html", write=lazy("convertkit_html.writer:write_html"), extension="html", binary=False,
        description="standalone HTML5 with the CJK stylesheet, lang set, articles as <article>"))
