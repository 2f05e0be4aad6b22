"""Built-in plugin ``tei``: TEI P5 XML (lxml), valid against tei_all and convertkit's own subset."""
from __future__ import annotations

import convertkit
from convertkit.registry import WriterSpec


def _write(doc, ctx):
    from .writer import write_tei

    return write_tei(doc, ctx)


@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(
        name="tei", write=_write, extension="tei.xml", binary=False,
        description="TEI P5 XML: articles as div[@type=article], furniture in the header"))
