"""PDF front end, step 1: the glyphs of each page of a PDF, with their boxes and sizes.

Read with pypdfium2 (Apache-2.0/BSD; the optional extra ``convertkit[pdf]``). A glyph's
size is the height of its loose box (the font's ascent to descent, scaled by the text
matrix): newspaper PDFs often set every font at size 1 and scale the matrix, so the nominal
font size says nothing. Spaces and line breaks that pdfium makes up are left out: in
Chinese, words have no spaces, and where Latin words need one the layout step decides from
the gap.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import NamedTuple

from convertkit.errors import ConversionError

MAX_PAGES = 2000  # a newspaper issue is a few dozen pages; more is a book or a hostile file
MAX_GLYPHS = 200_000  # per page: a broadsheet page holds about 10,000


class Glyph(NamedTuple):
    """One printed character: its box in PDF points (y grows upwards) and its size (a
    tuple: a page makes ten thousand of them)."""

    ch: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    base: float  # the baseline: where the glyph's origin lies (one line's glyphs share it)


@dataclass(frozen=True)
class PageGlyphs:
    """The glyphs of one page, in content order, and the page's width and height."""

    number: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]


def _pdfium():
    try:
        import pypdfium2
        import pypdfium2.raw
    except ImportError:
        raise ConversionError("reading PDF needs pypdfium2: pip install 'convertkit[pdf]'") from None
    return pypdfium2, pypdfium2.raw


def read_glyphs(data: bytes, name: str = "input") -> list[PageGlyphs]:
    """The glyphs of every page of the PDF ``data``. A PDF that pdfium cannot open
    (truncated, encrypted, not a PDF) or that has no text layer is a one-line error."""
    pdfium, raw = _pdfium()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ConversionError(f"{name}: not a PDF this reader can open ({_why(exc)})") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise ConversionError(f"{name}: {len(pdf)} pages; this reader reads at most {MAX_PAGES}")
        pages = []
        for k in range(len(pdf)):
            try:
                pages.append(_page(pdf, k, raw, name))
            except pdfium.PdfiumError as exc:
                raise ConversionError(f"{name}: page {k + 1} of the PDF cannot be read ({_why(exc)})") from None
    finally:
        pdf.close()
    if not any(p.glyphs for p in pages):
        raise ConversionError(f"{name}: the PDF has no text layer (a scan?); this reader does not do OCR")
    return pages


def _why(exc: Exception) -> str:
    """pdfium's reason, as a few words (\"Failed to load document (PDFium: Data format error).\")."""
    return str(exc).rstrip(".").rsplit(":", 1)[-1].strip(" ()") or "unreadable"


def _page(pdf, k: int, raw, name: str) -> PageGlyphs:
    page = pdf[k]
    try:
        width, height = page.get_size()
        text = page.get_textpage()
        try:
            n = text.count_chars()
            if n > MAX_GLYPHS:
                raise ConversionError(f"{name}: page {k + 1} holds {n} characters; at most {MAX_GLYPHS} are read")
            glyphs = []
            box = raw.FS_RECTF()
            ox, oy = ctypes.c_double(), ctypes.c_double()
            pbox, pox, poy, handle = ctypes.byref(box), ctypes.byref(ox), ctypes.byref(oy), text.raw
            for i in range(n):
                ch = chr(raw.FPDFText_GetUnicode(handle, i))
                # pdfium's own spaces and line breaks are "generated": whitespace either way
                if ch.isspace() or not ch.isprintable() or raw.FPDFText_IsGenerated(handle, i):
                    continue
                raw.FPDFText_GetLooseCharBox(handle, i, pbox)
                raw.FPDFText_GetCharOrigin(handle, i, pox, poy)
                size = box.top - box.bottom
                if size <= 0:
                    continue
                glyphs.append(Glyph(ch, box.left, box.bottom, box.right, box.top, round(size, 1), oy.value))
        finally:
            text.close()
    finally:
        page.close()
    return PageGlyphs(k + 1, width, height, tuple(glyphs))
