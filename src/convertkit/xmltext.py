"""Text that XML can hold. XML 1.0 forbids most C0 controls, lone surrogates and
U+FFFE/U+FFFF; every XML-based writer drops them and reports how many it dropped."""
from __future__ import annotations

import re

ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class XmlCleaner:
    """Drops characters XML cannot hold and counts them (for one warning per output)."""

    def __init__(self) -> None:
        self.dropped = 0

    def __call__(self, s: str) -> str:
        out, n = ILLEGAL_XML.subn("", s)
        self.dropped += n
        return out

    def report(self, ctx) -> None:
        if self.dropped:
            ctx.warn(f"dropped {self.dropped} character(s) that XML cannot hold (control characters, "
                     "lone surrogates, U+FFFE/U+FFFF)")


def safe_parser():
    """An lxml parser for XML that comes from input (a TEI/HTML/EPUB/DOCX reader, or a plugin):
    no entity expansion, no DTD loading, no network, no huge trees. Use it for every
    ``etree.fromstring(data, safe_parser())`` of untrusted bytes."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=False)
