"""Built-in plugin ``markdown``: CommonMark with the metadata as YAML front matter."""
from __future__ import annotations

import convertkit
from convertkit.registry import WriterSpec, lazy


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="markdown", write=lazy("convertkit_markdown.writer:write_markdown"), extension="md", binary=False,
        description="CommonMark: # headlines, ## subheads, > pull quotes, YAML front matter"))
