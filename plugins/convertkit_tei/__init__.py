"""Built-in plugin ``tei``: TEI P5 XML (lxml), valid against tei_all and convertkit's own subset."""
from __future__ import annotations

import convertkit
from convertkit.registry import Option, WriterSpec, lazy


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="tei", write=lazy("convertkit_tei.writer:write_tei"), extension="tei.xml", binary=False,
        description="TEI P5 XML: articles as div[@type=article], furniture in the header",
        options=(Option("tei-lines", "diplomatic: keep source line and column breaks as <lb n=…/> and <cb/>"),)))
