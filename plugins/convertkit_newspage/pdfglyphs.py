"""PDF front end, step 1: the glyphs of each page of a PDF, with their boxes and sizes, and
the rules drawn on it.

Read with pypdfium2 (Apache-2.0/BSD; the optional extra ``convertkit[pdf]``). A glyph's
size is the height of its loose box (the font's ascent to descent, scaled by the text
matrix): newspaper PDFs often set every font at size 1 and scale the matrix, so the nominal
font size says nothing. Spaces and line breaks that pdfium makes up are left out: in
Chinese, words have no spaces, and where Latin words need one the layout step decides from
the gap.

Rules are the straight strokes of the page's paths, across or down, two ems long or more:
the hairlines a newspaper draws between its modules and around its boxes. They are a hint
to the layout step, so a page with too many paths simply gives no more of them.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Callable, NamedTuple

from convertkit.errors import ConversionError

MAX_PAGES = 2000  # a newspaper issue is a few dozen pages; more is a book or a hostile file
MAX_GLYPHS = 200_000  # per page: a broadsheet page holds about 10,000
MAX_SEGMENTS = 50_000  # path segments read per page for rules: a page's rules and boxes make a few hundred
RULE_MIN = 20.0  # points: a shorter stroke is part of a drawing, not a rule
RULE_SLANT = 1.0  # points: how far a rule's two ends may stray from one height (or one x)


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
    face: str = ""  # the font's name, without a subset's tag (FZHTK--GBK1-0: 方正黑体)


class Rule(NamedTuple):
    """A straight stroke across (``y0 == y1``) or down (``x0 == x1``), in PDF points;
    ``box`` is the rectangle (x0, y0, x1, y1) it is a side of, if it is one, and ``panel``
    whether that rectangle is filled, not stroked (a tinted panel)."""

    x0: float
    y0: float
    x1: float
    y1: float
    box: tuple[float, float, float, float] | None = None
    panel: bool = False

    @property
    def across(self) -> bool:
        return self.y0 == self.y1


@dataclass(frozen=True)
class PageGlyphs:
    """The glyphs of one page, in content order, the rules drawn on it, and the page's
    width and height."""

    number: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...] = ()


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
            calls = _GlyphCalls.of(raw)
            box, ox, oy = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
            pbox, pox, poy = ctypes.addressof(box), ctypes.addressof(ox), ctypes.addressof(oy)
            handle = ctypes.cast(text.raw, ctypes.c_void_p).value
            name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
            # the whole text in one call (a call per character costs as much again); pdfium
            # gives one code point per character, so the i-th is character i's
            chars = text.get_text_range(0, n)
            if len(chars) != n:
                chars = "".join(chr(raw.FPDFText_GetUnicode(text.raw, i)) for i in range(n))
            # a text object is set in one font: its face is asked once per object. Its loose
            # boxes stand at its origins' height less the font's descent, so a glyph whose
            # box stands where the one before it in the object stood shares its baseline
            # (only a change of height, or set vertically, needs its origin asked)
            faces: dict[int, str] = {}
            last: tuple[int, float] = (0, 0.0)  # the object and loose bottom of the last origin asked
            for i, ch in enumerate(chars):
                # the spaces and line breaks pdfium makes up ("generated" characters) are
                # whitespace, left out with the page's own
                if ch.isspace() or not ch.isprintable():
                    continue
                calls.loose_box(handle, i, pbox)
                left, bottom, right, top = box.left, box.bottom, box.right, box.top
                if top <= bottom:
                    continue
                obj = calls.text_object(handle, i)
                if (obj, bottom) != last:
                    calls.origin(handle, i, pox, poy)
                    last = (obj, bottom)
                face = faces.get(obj)
                if face is None:
                    raw.FPDFText_GetFontInfo(text.raw, i, name, 128, ctypes.byref(flags))
                    face = faces[obj] = _face(name.value)
                glyphs.append(Glyph(ch, left, bottom, right, top, round(top - bottom, 1), oy.value, face))
        finally:
            text.close()
        rules = _rules(page, raw)
    finally:
        page.close()
    return PageGlyphs(k + 1, width, height, tuple(glyphs), rules)


def _address_call(raw, name: str, restype, *argtypes):
    """pdfium's ``name`` called with plain addresses (``c_void_p``) for its handles and
    out-parameters: a third of the time of pypdfium2's typed binding, for the calls made
    once per glyph. A handle it returns is an int (a dict key; pypdfium2's pointer objects
    compare by identity)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)


class _GlyphCalls(NamedTuple):
    """The calls made once per glyph, taking and giving plain addresses."""

    loose_box: Callable  # (text page, index, FS_RECTF*) -> ok
    text_object: Callable  # (text page, index) -> the glyph's text object
    origin: Callable  # (text page, index, double* x, double* y) -> ok

    @classmethod
    def of(cls, raw) -> "_GlyphCalls":
        V, I = ctypes.c_void_p, ctypes.c_int
        return cls(_address_call(raw, "FPDFText_GetLooseCharBox", I, V, I, V),
                   _address_call(raw, "FPDFText_GetTextObject", V, V, I),
                   _address_call(raw, "FPDFText_GetCharOrigin", I, V, I, V, V))


def _face(name: bytes) -> str:
    """A font's name without the tag of an embedded subset (HLUZTF+FZBSK--GBK1-0)."""
    text = name.decode("latin-1")
    tag, plus, rest = text.partition("+")
    return rest if plus and len(tag) == 6 and tag.isupper() else text


Matrix = tuple[float, float, float, float, float, float]


def _times(m: Matrix, n: Matrix) -> Matrix:
    """``m`` applied first, then ``n`` (PDF matrices: a b c d e f)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _rules(page, raw) -> tuple[Rule, ...]:
    """The page's rules: the straight segments of its paths (in forms too) that run across
    or down, RULE_MIN points or longer, each side of a rectangle one."""
    found: list[Rule] = []
    budget = [MAX_SEGMENTS]
    matrix = raw.FS_MATRIX()
    point_x, point_y = ctypes.c_float(), ctypes.c_float()

    def objects(count, get, parent, outer: Matrix, depth: int) -> None:
        for i in range(count(parent)):
            obj = get(parent, i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
                continue
            if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
                continue
            m = _times((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                if depth < 8:
                    objects(raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj, m, depth + 1)
            else:
                strokes(obj, m)
            if budget[0] <= 0:
                return

    def strokes(obj, m: Matrix) -> None:
        n = raw.FPDFPath_CountSegments(obj)
        budget[0] -= max(n, 0)
        if n <= 0 or budget[0] < 0:
            return
        a, b, c, d, e, f = m
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
        panel = bool(fill.value) and not stroke.value
        subpath: list[tuple[float, float] | None] = []  # its points; None after a curve
        for j in range(n):
            seg = raw.FPDFPath_GetPathSegment(obj, j)
            if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(point_x), ctypes.byref(point_y)):
                continue
            pt = (a * point_x.value + c * point_y.value + e, b * point_x.value + d * point_y.value + f)
            kind = raw.FPDFPathSegment_GetType(seg)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                _add_subpath(found, subpath, False, panel)
                subpath = [pt]
            else:
                subpath.append(pt if kind == raw.FPDF_SEGMENT_LINETO else None)
                if raw.FPDFPathSegment_GetClose(seg):
                    _add_subpath(found, subpath, True, panel)
                    subpath = []
        _add_subpath(found, subpath, False, panel)

    objects(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page.raw, (1, 0, 0, 1, 0, 0), 0)
    return tuple(sorted(set(found)))


def _add_subpath(found: list[Rule], points: list, closed: bool, panel: bool) -> None:
    """The rules among a subpath's straight segments (a ``None`` point ends a curve: the
    segment into it is no rule); a closed subpath of four sides across and down is a box,
    and its sides say so (and whether the path is only filled: a panel)."""
    if closed and points and points[-1] != points[0]:
        points = points + [points[0]]
    sides = [_rule(p, q) for p, q in zip(points, points[1:]) if p is not None and q is not None]
    if closed and len(points) == 5 and None not in points and all(sides):
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = (round(min(xs), 1), round(min(ys), 1), round(max(xs), 1), round(max(ys), 1))
        sides = [r._replace(box=box, panel=panel) for r in sides]
    found.extend(r for r in sides if r is not None)


def _rule(p: tuple[float, float], q: tuple[float, float]) -> Rule | None:
    (x0, y0), (x1, y1) = sorted((p, q))
    if abs(y1 - y0) <= RULE_SLANT and x1 - x0 >= RULE_MIN:
        y = round((y0 + y1) / 2, 1)
        return Rule(round(x0, 1), y, round(x1, 1), y)
    if abs(x1 - x0) <= RULE_SLANT and abs(y1 - y0) >= RULE_MIN:
        x = round((x0 + x1) / 2, 1)
        return Rule(x, round(min(y0, y1), 1), x, round(max(y0, y1), 1))
    return None
