"""The TEI ``<facsimile>`` of a document read from printed pages (PDF input): a
``<surface>`` per page and a ``<zone>`` per printed block of each element, which the
element's ``@facs`` points at (``<p facs="#z12-20 #z21-24">`` for a paragraph that runs on
into the next column). Zones are in points from the page's top-left corner, as the
model's :class:`~convertkit.model.Zone` boxes are."""
from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from convertkit.model import Document, Span


class Facsimile:
    """The zones of one document, made as the writer asks for them."""

    def __init__(self, doc: Document) -> None:
        self.surfaces = doc.surfaces
        self.by_line = {z.line: z for z in doc.zones}
        self.zones: dict[str, tuple[int, tuple[float, float, float, float]]] = {}  # id -> page, box

    def __bool__(self) -> bool:
        return bool(self.surfaces and self.by_line)

    def pointer(self, lines: Iterable[int]) -> str:
        """``@facs`` for an element printed on ``lines``: one zone per printed block they
        fall in (the union of their boxes), in reading order; empty when none is known."""
        groups: dict[tuple[int, int], list] = {}
        for no in sorted(set(lines)):
            z = self.by_line.get(no)
            if z is not None:
                groups.setdefault((z.page, z.group), []).append(z)
        refs = []
        for (page, _), zs in groups.items():
            zid = f"z{zs[0].line}-{zs[-1].line}"
            self.zones[zid] = (page, (min(z.box[0] for z in zs), min(z.box[1] for z in zs),
                                      max(z.box[2] for z in zs), max(z.box[3] for z in zs)))
            refs.append("#" + zid)
        return " ".join(refs)

    def element(self, make) -> etree._Element:
        """``<facsimile>``: each page a ``<surface>`` holding the zones made on it, in the
        order of their first line. ``make(parent, tag, **attrs)`` makes an element."""
        fac = make(None, "facsimile")
        for s in self.surfaces:
            surface = make(fac, "surface", n=str(s.page), ulx="0", uly="0", lrx=_num(s.width), lry=_num(s.height))
            for zid, (page, box) in sorted(self.zones.items(), key=lambda kv: int(kv[0][1:].split("-")[0])):
                if page == s.page:
                    make(surface, "zone", xml_id=zid, ulx=_num(box[0]), uly=_num(box[1]), lrx=_num(box[2]),
                         lry=_num(box[3]))
        return fac


def span_lines(span: Span | None) -> range:
    return range(span.start, span.end + 1) if span is not None else range(0)


def _num(x: float) -> str:
    """A coordinate as TEI writes it: a decimal, without a trailing .0."""
    return f"{x:.1f}".rstrip("0").rstrip(".")
