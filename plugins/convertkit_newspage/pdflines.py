"""PDF front end, step 2: a page's glyphs as lines and blocks.

- **Lines.** Glyphs on one baseline make a row, cut into lines at gaps wider than
  letter-spacing ever makes (a column's gutter) and where the size jumps. Glyphs stacked top
  to bottom at one x make a vertical line (a headline set vertically). No space is ever put
  between two CJK glyphs; Latin words keep the space their gap shows.
- **Blocks.** A line joins the block whose last line is right above it (within the leading
  of its size), overlapping it across, in the same size: a column of one text, a headline, a
  subhead. A line's size is its Chinese glyphs' (digits and Latin letters come from another
  font), and each line says whether it is set indented (a paragraph's first line).

Reading order is :mod:`.pdforder`'s.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from convertkit.cjk import CJK_TABLE

from .lines import ends_sentence
from .pdfglyphs import Glyph, Rule

LETTER_GAP = 1.0  # ems: wider gaps between two glyphs of one baseline are a gutter
SAME_SIZE = 0.15  # relative difference of two sizes still read as one
LEADING = 1.0  # ems: the widest gap between two lines of one block
HEAD_SIZE = 1.25  # times the body size: type this large is a head's
HEADLINE_SIZE = 1.8  # times the body size: a head this large is a headline (opens an article)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points


@dataclass(frozen=True)
class PdfLine:
    """Glyphs read as one line; ``vertical`` when set top to bottom."""

    glyphs: tuple[Glyph, ...]
    vertical: bool = False

    @cached_property
    def main_glyphs(self) -> tuple[Glyph, ...]:
        """The line's Chinese glyphs (all of them, when it has none): digits and Latin
        letters are often set in another font, whose box is larger or smaller."""
        return tuple(g for g in self.glyphs if CJK_TABLE[g.ch]) or self.glyphs

    @cached_property
    def size(self) -> float:
        """The median size of :attr:`main_glyphs`."""
        return _median_size(self.main_glyphs)

    @cached_property
    def box(self) -> tuple[float, float, float, float]:
        _, x0s, y0s, x1s, y1s, *_ = zip(*self.glyphs)
        return min(x0s), min(y0s), max(x1s), max(y1s)

    @cached_property
    def text(self) -> str:
        """The glyphs' text: a space only between Latin words or numbers set apart."""
        return self.spaced(cjk=False)

    def spaced(self, cjk: bool = True) -> str:
        """The text with a space wherever the glyphs are set a quarter of their size apart
        or more; with ``cjk`` false, only where neither side is CJK."""
        glyphs = self.glyphs
        if self.vertical:
            return "".join(g.ch for g in glyphs)
        out = [glyphs[0].ch]
        for prev, g in zip(glyphs, glyphs[1:]):
            if g.x0 - prev.x1 > 0.25 * g.size and (cjk or not (CJK_TABLE[prev.ch] or CJK_TABLE[g.ch])):
                out.append(" ")
            out.append(g.ch)
        return "".join(out)


@dataclass(frozen=True)
class PdfBlock:
    """Lines of one size, one under another: a column of text, a headline, a subhead."""

    lines: tuple[PdfLine, ...]

    @cached_property
    def box(self) -> tuple[float, float, float, float]:
        boxes = [ln.box for ln in self.lines]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))

    @cached_property
    def size(self) -> float:
        """The median size of its lines' :attr:`PdfLine.main_glyphs`."""
        return _median_size([g for ln in self.lines for g in ln.main_glyphs])

    @cached_property
    def face(self) -> str:
        """The face most of its lines' :attr:`PdfLine.main_glyphs` are set in."""
        return main_face(g for ln in self.lines for g in ln.main_glyphs)


def main_face(glyphs) -> str:
    """The face most of ``glyphs`` are set in, their Chinese ones first (digits and Latin
    letters come from another font)."""
    glyphs = list(glyphs)
    faces = Counter(g.face for g in glyphs if CJK_TABLE[g.ch]) or Counter(g.face for g in glyphs)
    return faces.most_common(1)[0][0] if faces else ""


def _median_size(glyphs) -> float:
    sizes = sorted(g.size for g in glyphs)
    return sizes[len(sizes) // 2]


def same_size(a: float, b: float) -> bool:
    """Sizes of one text: within SAME_SIZE of each other."""
    return abs(a - b) <= SAME_SIZE * max(a, b)


def near_size(a: float, b: float) -> bool:
    """Sizes one line may mix: another font's digits beside CJK (10.7 and 9 points)."""
    return abs(a - b) <= 0.4 * min(a, b)


def lines_of(glyphs: tuple[Glyph, ...], body: float) -> list[PdfLine]:
    """The glyphs as lines (see the module docstring). PDFs draw lines in any order and in
    pieces, so lines are found by geometry: glyphs whose baselines lie at one height make a
    row, and a row is cut into lines at gaps wider than letter-spacing and where the size
    jumps (a vertical headline's glyph beside body lines)."""
    # one line's glyphs share their baseline exactly (another font's digits too), while
    # their boxes' centres differ from glyph to glyph: glyphs on one baseline go together,
    # and a baseline joins the row just above it when within a quarter of the smaller size
    # (a PDF's rounding). Size does not choose the row (a head's glyphs vary in box height,
    # and a body line in another column may stand at its baseline): the cut into lines
    # parts glyphs of other sizes and columns
    by_base: dict[float, list[Glyph]] = {}
    for g in glyphs:
        by_base.setdefault(round(g.base, 1), []).append(g)
    rows: list[tuple[float, float, list[Glyph]]] = []  # (baseline, smallest size, glyphs), highest first
    for base in sorted(by_base, reverse=True):
        members = by_base[base]
        size = min(g.size for g in members)
        if rows and rows[-1][0] - base <= 0.25 * min(size, rows[-1][1]):
            rows[-1][2].extend(members)
        else:
            rows.append((base, size, members))
    lines: list[PdfLine] = []
    for _, _, members in rows:
        members.sort(key=lambda g: g.x0)
        cur = [members[0]]
        for k, g in enumerate(members[1:], 1):
            p = cur[-1]
            if (g.x0 - p.x1 > LETTER_GAP * max(p.size, g.size) and not _inside_brackets(cur, members, k)) \
                    or not near_size(g.size, p.size):
                lines.append(PdfLine(tuple(cur)))
                cur = [g]
            else:
                cur.append(g)
        lines.append(PdfLine(tuple(cur)))
    return _vertical(lines, body)


_BRACKETS = {"（": "）", "《": "》"}


def _inside_brackets(cur: list[Glyph], members: list[Glyph], k: int) -> bool:
    """Whether the gap before ``members[k]`` lies inside brackets: the line so far leaves a
    （ or 《 open, and the glyphs after the gap close it within a dozen, no more than two
    ems on. A space set inside a title (《共担时代责任 共促全球发展》) or a sign-off set
    letter-spaced (（苏 讯）) is no gutter; a gutter is wider (and the next column's line
    may well close a bracket the line left open)."""
    p, g = cur[-1], members[k]
    if g.x0 - p.x1 > 2 * g.size:
        return False
    depth: dict[str, int] = {}
    for x in cur:
        if x.ch in _BRACKETS:
            depth[x.ch] = depth.get(x.ch, 0) + 1
        for o, c in _BRACKETS.items():
            if x.ch == c and depth.get(o):
                depth[o] -= 1
    after = "".join(x.ch for x in members[k:k + 12])
    return any(n > 0 and _BRACKETS[o] in after for o, n in depth.items())


def _vertical(lines: list[PdfLine], body: float) -> list[PdfLine]:
    """Glyphs alone on their line, stacked top to bottom at one x (a headline or a byline
    set vertically), read as one vertical line: each within SET_SOLID ems of the one above,
    or two or more set apart at one even step of up to SPACED ems (a name letter-spaced
    down the column: 夏 春 涛, 蒙 娃). A vertical headline's top glyph may stand on the baseline of
    a horizontal one beside it: it is taken off that line when a glyph alone stands right
    under it and the line's next glyph is set apart from it."""
    while True:  # a glyph split off one line may be the one under another line's glyph
        split = [part for ln in lines for part in _stack_top_apart(ln, lines)]
        if len(split) == len(lines):
            break
        lines = split
    alone = sorted((ln.glyphs[0] for ln in lines if len(ln.glyphs) == 1), key=lambda g: g.x0 + g.x1)
    rest = [ln for ln in lines if len(ln.glyphs) > 1]
    columns: list[list[Glyph]] = []
    for g in alone:  # glyphs whose centres lie at one x
        if columns and (g.x0 + g.x1) - (columns[-1][0].x0 + columns[-1][0].x1) <= 0.5 * g.size:
            columns[-1].append(g)
        else:
            columns.append([g])
    out = list(rest)
    for col in columns:
        col.sort(key=lambda g: -g.y1)
        stack = [col[0]]
        for g in col[1:]:
            p = stack[-1]
            if near_size(p.size, g.size) and -0.3 * g.size <= p.y0 - g.y1 <= SPACED * g.size:
                stack.append(g)
                continue
            out.extend(_stacks(stack))
            stack = [g]
        out.extend(_stacks(stack))
    return out


def _stack_top_apart(line: PdfLine, lines: list[PdfLine]) -> tuple[PdfLine, ...]:
    """``line`` with its first or last glyph split off when that glyph tops a vertical
    line: a glyph alone on its line stands right under it (at its x, within SET_SOLID ems,
    or touching it) while the line's next glyph is set a quarter em or more apart from it."""
    g = line.glyphs
    if len(g) < 3 or line.vertical:
        return (line,)

    def tops_stack(top: Glyph) -> bool:
        return any(len(o.glyphs) == 1 and abs((o.glyphs[0].x0 + o.glyphs[0].x1) - (top.x0 + top.x1)) <= 0.5 * top.size
                   and near_size(o.glyphs[0].size, top.size) and -0.3 * top.size <= top.y0 - o.glyphs[0].y1 <= SET_SOLID * top.size
                   for o in lines)

    if g[1].x0 - g[0].x1 >= 0.25 * g[0].size and tops_stack(g[0]):
        return (PdfLine(g[:1]), PdfLine(g[1:]))
    if g[-1].x0 - g[-2].x1 >= 0.25 * g[-1].size and tops_stack(g[-1]):
        return (PdfLine(g[:-1]), PdfLine(g[-1:]))
    return (line,)


SET_SOLID = 0.8  # ems between two glyphs of a vertical line set solid
SPACED = 1.5  # ems between the glyphs of a vertical line set letter-spaced


def _stacks(stack: list[Glyph]) -> list[PdfLine]:
    """A column of glyphs, each at most SPACED ems under the one before, as vertical lines:
    runs set solid (SET_SOLID ems apart at most), or the whole column when its glyphs stand
    at one even step (letter-spacing: a name of two characters, or more), else each glyph
    alone."""
    gaps = [p.y0 - g.y1 for p, g in zip(stack, stack[1:])]
    if len(stack) >= 2 and max(gaps) - min(gaps) <= 0.2 * stack[0].size:
        return [PdfLine(tuple(stack), vertical=True)]
    out: list[PdfLine] = []
    run = [stack[0]]
    for gap, g in zip(gaps, stack[1:]):
        if gap <= SET_SOLID * g.size:
            run.append(g)
        else:
            out.append(PdfLine(tuple(run), vertical=len(run) > 1))
            run = [g]
    out.append(PdfLine(tuple(run), vertical=len(run) > 1))
    return out


def blocks_of(lines: list[PdfLine], rules: tuple[Rule, ...] = ()) -> list[PdfBlock]:
    """The lines as blocks (see the module docstring). ``rules``: the rules drawn on the
    page. A line set inside a drawn box joins no line outside it (a pull quote in a box
    beside a column whose type is nearly its size), and a rule drawn across between two
    lines parts them (the folio over a headline set nearly its size)."""
    frames = tuple(sorted({r.box for r in rules if r.box}))
    across = [r for r in rules if r.across]
    framed = {id(ln): _frame(ln.box, frames) for ln in lines}
    order = sorted(lines, key=lambda ln: (-ln.box[3], ln.box[0]))
    blocks: list[list[PdfLine]] = []
    measures: list[tuple[float, float]] = []  # each block's measure so far: its lines' left and right
    # lines come top down, so a block whose last line lies more than a leading of the
    # page's largest type above the line at hand takes no further line: it is closed
    reach = LEADING * max((ln.size for ln in lines), default=0.0)
    open_: list[int] = []
    for ln in order:
        x0, _, x1, top = ln.box
        open_ = [k for k in open_ if blocks[k][-1].box[1] - top <= reach]
        best, best_gap = None, None
        for k in open_:
            last = blocks[k][-1]
            gap = last.box[1] - top
            if not -0.3 * ln.size <= gap <= LEADING * ln.size or last.vertical or ln.vertical \
                    or not same_size(last.size, ln.size) or framed[id(last)] != framed[id(ln)]:
                continue
            lx0, lx1 = measures[k]
            if min(x1, lx1) - max(x0, lx0) < 0.5 * min(x1 - x0, lx1 - lx0):
                continue  # not under the block: another column
            # a line reaching two ems past the measure of three lines or more starts a block
            # of its own: a column that widens under an inset (its paragraphs are measured
            # apart); so does a line set three ems in under two lines or more set flush
            # left, with text at its left: a column under a lead set across columns (text
            # wraps round a picture with nothing at its left; a sign-off is set right in
            # brackets closed on its line; a headline's lines are centred)
            wider = len(blocks[k]) >= 3 and (x1 > lx1 + 2 * ln.size or x0 < lx0 - 2 * ln.size)
            inner = len(blocks[k]) >= 2 and x0 > lx0 + 3 * ln.size and not _signoff_set_right(ln.text) \
                and all(b.box[0] <= lx0 + 3 * b.size for b in blocks[k]) and _text_at_left(ln, lx0, lines)
            if not wider and not inner and (best_gap is None or gap < best_gap) \
                    and not _after_paragraph_end(last, (lx0, lx1), ln) and not ruled_apart(last.box, ln.box, across):
                best, best_gap = k, gap
        if best is None:
            open_.append(len(blocks))
            blocks.append([ln])
            measures.append((x0, x1))
        else:
            blocks[best].append(ln)
            measures[best] = (min(measures[best][0], x0), max(measures[best][1], x1))
    return [PdfBlock(tuple(b)) for b in blocks]


def within(box: Box, frame: Box) -> bool:
    """Whether ``box`` lies wholly inside ``frame``."""
    return frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1] and box[3] <= frame[3]


def _frame(box: Box, frames: tuple[Box, ...]) -> Box | None:
    """The smallest of ``frames`` that ``box`` lies wholly inside, or None."""
    inside = [f for f in frames if within(box, f)]
    return min(inside, key=lambda f: (f[2] - f[0]) * (f[3] - f[1]), default=None)


def _signoff_set_right(text: str) -> bool:
    """A bracketed run closed on its own line (（苏讯）): a sign-off, set right."""
    t = text.strip()
    return t.startswith(("（", "(")) and t.endswith(("）", ")"))


def _text_at_left(line: PdfLine, left: float, lines: list[PdfLine]) -> bool:
    """Whether another line stands at the left of ``line``, at its height, right of ``left``."""
    x0, y0, _, y1 = line.box
    return any(o is not line and left <= o.box[2] <= x0 and o.box[1] < y1 and o.box[3] > y0 for o in lines)


def ruled_apart(upper: Box, lower: Box, across: list[Rule]) -> bool:
    """Whether a rule of ``across`` (rules drawn across) runs between the box ``upper`` and
    the box ``lower`` under it, where the two stand one over the other."""
    x0, x1 = max(upper[0], lower[0]), min(upper[2], lower[2])
    return any(lower[3] <= r.y0 <= upper[1] and r.x0 < x1 and r.x1 > x0 for r in across)


def _after_paragraph_end(last: PdfLine, measure: tuple[float, float], ln: PdfLine) -> bool:
    """Whether ``ln`` cannot go on a block whose ``last`` line ended a paragraph: it ends a
    sentence, set flush left and stopping two ems or more short of the block's measure (a
    line cut short by an inset beside it ends mid-sentence). The line after a
    paragraph's end opens the next one across the whole measure (an indent of two ems at
    most), so a line that starts further in or stops short belongs to other text: a column
    set under a lead paragraph that spans several columns. A line in brackets set at the
    right (（作者为…）, a sign-off) is the exception: it closes the text above."""
    lx0, lx1 = measure
    x0, _, x1, _ = last.box
    size = ln.size
    if not (x1 < lx1 - 2 * size and x0 <= lx0 + size and ends_sentence(last.text)):
        return False
    if ln.text.startswith(("（", "(")) and ln.box[2] >= lx1 - 2 * size:
        return False
    return ln.box[0] > lx0 + 3 * size or ln.box[2] < lx1 - size


INDENT = (1.0, 3.5)  # ems in from a block's left edge: a paragraph's first line (set two ems in)


def indents(block: PdfBlock) -> list[bool | None]:
    """For each line of ``block``, whether it is set indented as a paragraph's first line
    (Chinese paragraphs open two ems in) or flush, going on with the paragraph; None where
    the block does not show it: a block of one line, a vertical line, a line set further in
    (a sign-off set right, a centred line) or a block whose lines start at no common edge."""
    lines = block.lines
    if len(lines) < 2 or any(ln.vertical for ln in lines):
        return [None] * len(lines)
    left = min(ln.box[0] for ln in lines)
    out: list[bool | None] = []
    for ln in lines:
        step = (ln.box[0] - left) / ln.size
        out.append(False if step < INDENT[0] else True if step <= INDENT[1] else None)
    if all(o is not False for o in out):  # no line at the edge: the edge is unknown
        return [None] * len(lines)
    return out
