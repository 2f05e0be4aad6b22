"""PDF front end, step 3: the reading order of a page's blocks.

Recursive XY cut: a page is cut across where no block spans the gap (bands, read top to
bottom), else down where no block spans it (columns, read left to right), and each part
is cut again. A newspaper page is a guillotine layout of rectangular modules, so the cuts
follow its modules, and inside a module its headline band, then its columns. The rules
drawn on the page (hairlines between modules) mark the modules' edges; boxes inside an
article are insets its columns go on around. Heads set inset or vertically are then put
before the text they head.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lines import Line, has_sentence_punct
from .names import byline_line
from .pdfglyphs import Rule
from .pdflines import HEAD_SIZE, HEADLINE_SIZE, Box, PdfBlock, ruled_apart, same_size, within

CUT_GAP = 0.3  # ems of the body size: the narrowest gap the XY cut splits at
HEAD_SPACE = 4.0  # ems: the most space set between a head and the text it heads
NEAR = 3.0  # ems from a gap across: blocks that close are beside it


@dataclass(frozen=True)
class Grid:
    """What the XY cut measures a page by: the body size, the width of one column of text
    and the rules drawn on the page."""

    body: float
    column: float
    rules: tuple[Rule, ...] = ()
    insets: frozenset[int] = frozenset()  # id() of the blocks boxed inside an article
    frames: tuple[Box, ...] = ()  # the boxes drawn round them


def reading_order(blocks: list[PdfBlock], body: float, rules: tuple[Rule, ...] = ()) -> list[PdfBlock]:
    """The blocks in reading order, by recursive XY cuts (see the module docstring).

    A cut across is taken only at a module's edge: under heads alone, where the block
    right above it or right below it spans columns (a headline, a lead set across), or
    where a rule drawn in the gap runs across most of the part (the hairline between two
    modules). Subheads of one article set at one height in all its columns leave a gap
    across too, and the article's columns must still be read one after the other. The
    rules that count are lone strokes and the sides of a box that holds a headline (a
    boxed article); what another box holds (a pull quote, a subhead, a picture's caption)
    is an inset in an article, whose columns go on around it, and no edge.

    Where a part can only be cut down, the cut chosen is the one beside which the widest
    part holds modules stacked one over another: a rail or a column set beside two modules
    stacked one over the other is split off first, so that the modules are read one after
    the other (the top one's columns, then the bottom one's), not column by column through
    both. When no cut down opens such a cut, the part is cut at every gap: its columns,
    left to right."""
    boxes = _boxes(blocks, rules, body)
    return _order(blocks, Grid(body, column_width(blocks, body),
                               rules=tuple(r for r in rules if r.box is None or boxes.get(r.box) is None),
                               insets=frozenset(id(b) for inside in boxes.values() if inside for b in inside),
                               frames=tuple(box for box, inside in boxes.items() if inside)))


def insets(blocks: list[PdfBlock], rules: tuple[Rule, ...], body: float) -> list[PdfBlock]:
    """The blocks set in a box inside an article (a pull quote, a boxed subhead, a caption):
    the boxes drawn on the page that hold no headline."""
    return [b for inside in inset_boxes(blocks, rules, body) for b in inside]


def inset_boxes(blocks: list[PdfBlock], rules: tuple[Rule, ...], body: float) -> list[list[PdfBlock]]:
    """The blocks of each box inside an article (see :func:`insets`), box by box."""
    return [inside for inside in _boxes(blocks, rules, body).values() if inside]


def _boxes(blocks: list[PdfBlock], rules: tuple[Rule, ...], body: float) -> dict[tuple, list[PdfBlock] | None]:
    """Each box drawn on the page: the blocks inside it, or None when one of them is a
    headline (a boxed article, whose sides part it from the modules around it)."""
    out: dict[tuple, list[PdfBlock] | None] = {}
    for box in {r.box for r in rules if r.box}:
        inside = [b for b in blocks if within(b.box, box)]
        out[box] = None if any(b.size >= HEADLINE_SIZE * body for b in inside) else inside
    return out


def _order(blocks: list[PdfBlock], grid: Grid) -> list[PdfBlock]:
    if len(blocks) <= 1:
        return list(blocks)
    gap = CUT_GAP * grid.body
    bands = _module_bands(blocks, gap, grid)
    if len(bands) > 1:
        return [b for band in bands for b in _order(band, grid)]
    columns = _cut(blocks, _down, gap)
    if len(columns) == 1:
        return _column_major(blocks, grid)
    at = _ruled_down(columns, grid)
    if at:
        left = [b for col in columns[:at] for b in col]
        right = [b for col in columns[at:] for b in col]
        return _order(left, grid) + _order(right, grid)
    best = 0.0
    for k in range(1, len(columns)):
        for side in (columns[:k], columns[k:]):
            flat = [b for col in side for b in col]
            if len(_module_bands(flat, gap, grid)) > 1:
                width = max(b.box[2] for b in flat) - min(b.box[0] for b in flat)
                if width > best:
                    best, at = width, k
    if at:
        left = [b for col in columns[:at] for b in col]
        right = [b for col in columns[at:] for b in col]
        return _order(left, grid) + _order(right, grid)
    return [b for col in columns for b in _order(col, grid)]


def _ruled_down(columns: list[list[PdfBlock]], grid: Grid) -> int:
    """Where to cut ``columns`` down first: at the gap with the longest rule drawn down it,
    running over half their height or more (the hairline by a rail or between two stacks of
    modules); 0 when there is none."""
    top = max(b.box[3] for col in columns for b in col)
    bottom = min(b.box[1] for col in columns for b in col)
    best, at = 0.5 * (top - bottom), 0
    for k in range(1, len(columns)):
        x0 = max(b.box[2] for b in columns[k - 1])
        x1 = min(b.box[0] for b in columns[k])
        for r in grid.rules:
            if not r.across and x0 - 0.5 * grid.body <= r.x0 <= x1 + 0.5 * grid.body:
                run = min(r.y1, top) - max(r.y0, bottom)
                if run >= best:
                    best, at = run, k
    return at


def _column_major(blocks: list[PdfBlock], grid: Grid) -> list[PdfBlock]:
    """Blocks that no cut separates (a banner inset into the foot of an article's columns):
    column by column, each top to bottom. The columns are the runs of body text, by where
    they start across (starts within half a column of each other make one column). A block
    that lies across a column's edge (a banner, a headline, a kicker over two columns, a
    boxed subhead) is read in the column where it starts: before the first block set under
    it there or in a later column, else last. What a box holds (``grid.insets``) is set into
    the columns and shows none of their edges (a boxed subhead, centred)."""
    column, body = grid.column, grid.body
    text = [b for b in blocks if same_size(b.size, body) and b.box[2] - b.box[0] <= 1.5 * column
            and id(b) not in grid.insets]
    if not text:
        return sorted(blocks, key=lambda b: -b.box[3])
    starts = sorted(b.box[0] for b in text)
    edges = [starts[0]] + [x for p, x in zip(starts, starts[1:]) if x - p > 0.5 * column]
    spans = [(e, max(b.box[2] for b in text if e <= b.box[0] and (k + 1 == len(edges) or b.box[0] < edges[k + 1])))
             for k, e in enumerate(edges)]

    def column_of(b: PdfBlock) -> int | None:
        for k, (x0, x1) in enumerate(spans):
            if b.box[0] >= x0 - 0.5 * body and b.box[2] <= x1 + 0.5 * body:
                return k
        return None

    def starts_in(b: PdfBlock) -> int:
        return max((k for k, (x0, _) in enumerate(spans) if b.box[0] >= x0 - 0.5 * body), default=0)

    index = {id(b): column_of(b) for b in blocks}
    out = sorted((b for b in blocks if index[id(b)] is not None), key=lambda b: (index[id(b)], -b.box[3]))
    for w in sorted((b for b in blocks if index[id(b)] is None), key=lambda b: b.box[3]):
        index[id(w)] = starts_in(w)
        at = next((k for k, b in enumerate(out) if index[id(b)] >= index[id(w)] and b.box[3] < w.box[1]
                   and b.box[0] < w.box[2] and b.box[2] > w.box[0]), len(out))
        out.insert(at, w)
    return out


def _module_bands(blocks: list[PdfBlock], gap: float, grid: Grid) -> list[list[PdfBlock]]:
    """``blocks`` cut across at modules' edges only: under heads alone (a headline, its
    byline: no text of the body's size above the gap, and one stack of them, not two
    modules' headlines side by side), under a block wider than a column
    (by half: a headline, a lead set across; not under two headlines side by side, whose
    modules are cut apart down first), over a head that wide (again not beside another
    module's headline), or where a rule
    in the gap runs across half the part or more; "under" and
    "over" within NEAR ems of the gap. (A box set
    across two columns inside an article, a pull quote, is no edge: the columns go on
    under it.)"""
    body, column = grid.body, grid.column
    bands = _cut(blocks, _across, gap)
    left, right = min(b.box[0] for b in blocks), max(b.box[2] for b in blocks)
    out = [bands[0]]
    for band in bands[1:]:
        bottom = min(b.box[1] for b in out[-1])  # the gap's edges
        top = max(b.box[3] for b in band)
        # the blocks by the gap: within NEAR ems of it (a headline under a column's last
        # lines that end a little lower, beside it)
        above = [b for b in out[-1] if b.box[1] <= bottom + NEAR * body]
        below = [b for b in band if b.box[3] >= top - NEAR * body]
        # heads alone, not two modules' headlines side by side (two names may be); a line of
        # a sentence in the body's size (a column's first line over an inset) is no head
        heads_only = not any(same_size(b.size, body) and (len(b.lines) >= 2 or has_sentence_punct(b.lines[0].text))
                             for b in out[-1]) \
            and len(_cut([b for b in out[-1] if b.size >= HEAD_SIZE * body], _down, gap)) <= 1
        # two modules' headlines side by side over the gap (within three NEARs: a headline
        # stands over its subtitle and byline): their modules are cut down first
        beside = len(_cut([b for b in out[-1] if b.size >= HEADLINE_SIZE * body
                           and b.box[1] <= bottom + 3 * NEAR * body], _down, gap)) > 1
        # a headline, or a lead set across; not one with text beside it: another module's
        # (a head's own text is under the gap), or its article's column going on under
        # the gap (a lead set across the columns at its left)
        wide_above = not beside and any(b.box[2] - b.box[0] > 1.5 * column and id(b) not in grid.insets
                                        and not _text_beside(b, out[-1], body) for b in above)
        wide_below = not beside and any(b.box[2] - b.box[0] > 1.5 * column and b.size >= HEAD_SIZE * body
                                        and id(b) not in grid.insets for b in below)
        ruled = any(r.across and top - 0.5 * body <= r.y0 <= bottom + 0.5 * body
                    and min(r.x1, right) - max(r.x0, left) >= 0.5 * (right - left) for r in grid.rules)
        # a lone rule drawn down through the gap, running beside a whole block by the gap
        # on each side of it, parts two stacks of modules: the gap is one stack's edge, not
        # the part's
        crossed = any(not r.across and r.box is None and left < r.x0 < right and r.y1 >= min(b.box[3] for b in above)
                      and r.y0 <= max(b.box[1] for b in below) for r in grid.rules)
        # a box drawn round a subhead and its quote, or round a pull quote, that the gap
        # runs through: the box is read whole, not cut in two
        framed = any(f[3] >= bottom and f[1] <= top and f[0] < right and f[2] > left for f in grid.frames)
        if not crossed and not framed and (heads_only or wide_above or wide_below or ruled):
            out.append(band)
        else:
            out[-1] = out[-1] + band
    return out


def _text_beside(head: PdfBlock, blocks: list[PdfBlock], body: float) -> bool:
    """Whether some text of ``blocks`` stands beside ``head`` (clear of it across) and
    reaches lower than its top: another module's columns going on at its side."""
    x0, _, x1, top = head.box
    return any(same_size(b.size, body) and (b.box[0] >= x1 or b.box[2] <= x0) and b.box[1] < top for b in blocks)


def _across(b: PdfBlock) -> tuple[float, float]:
    return (-b.box[3], -b.box[1])  # top to bottom


def _down(b: PdfBlock) -> tuple[float, float]:
    return (b.box[0], b.box[2])  # left to right


def _cut(blocks: list[PdfBlock], span, gap: float) -> list[list[PdfBlock]]:
    """``blocks`` split where, along one axis, no block covers a gap of ``gap`` or more;
    ``span(block)`` is its (start, end) on that axis, growing in reading direction."""
    ordered = sorted(blocks, key=lambda b: span(b))
    parts: list[list[PdfBlock]] = [[]]
    reach = None
    for b in ordered:
        start, end = span(b)
        if reach is not None and start > reach + gap:
            parts.append([])
        parts[-1].append(b)
        reach = end if reach is None else max(reach, end)
    return parts


def column_width(blocks: list[PdfBlock], body: float) -> float:
    """The width of one column of text: the median width of the blocks of three lines or
    more set in the body's size (infinite when there are none)."""
    widths = sorted(b.box[2] - b.box[0] for b in blocks if same_size(b.size, body) and len(b.lines) >= 3)
    return widths[len(widths) // 2] if widths else float("inf")


def _opens_area(box: Box, blocks: list[PdfBlock], rules: tuple[Rule, ...]) -> bool:
    """Whether nothing of ``blocks`` stands over ``box`` short of a lone rule drawn across
    between them: it opens the page's area (under its folio) or a module's (under the rule
    over it; a box's side frames an inset)."""
    lone = [r for r in rules if r.across and r.box is None]
    return not any(b.box[1] >= box[3] and b.box[0] < box[2] and b.box[2] > box[0] and not ruled_apart(b.box, box, lone)
                   for b in blocks)


def _columns_start(heads: Box, blocks: list[PdfBlock], body: float) -> float:
    """Where the columns set under ``heads`` start across (the heads may be centred over
    them): the columns right under them, and those level with them to their left, each a
    gutter (under half a column) from the next; the heads' left edge when none is under."""
    text = [b for b in blocks if same_size(b.size, body)]
    below = [b for b in text if 0 <= heads[1] - b.box[3] <= HEAD_SPACE * body and b.box[0] < heads[2] and b.box[2] > heads[0]]
    if not below:
        return heads[0]
    left, level = min(b.box[0] for b in below), max(b.box[3] for b in below)
    while True:
        nxt = [b for b in text if abs(b.box[3] - level) <= body and 0 <= left - b.box[2] <= 0.5 * (b.box[2] - b.box[0])]
        if not nxt:
            return left
        left = min(b.box[0] for b in nxt)


def inset_heads_first(order: list[PdfBlock], body: float, rules: tuple[Rule, ...] = ()) -> list[PdfBlock]:
    """``order`` with each headline set inset beside the first column of its own text moved
    before that column, with the heads read next to it (a kicker over it, its subtitle and
    byline under it). A module opens at its top left: text that starts level with the
    heads' top (within three ems), in the column right at their left (less than a column's
    width from them, or a gutter from the columns set under them: the heads may be centred
    over their columns) with no lone rule drawn down between them, is the start of the
    headline's article, not the end of another one (whose column would run on from higher
    up); so is such text that starts higher than the heads and goes on beside them, when
    both open the page's area or their module's, with nothing over them short of a rule
    drawn across (a headline set lower than the top of the column beside it, under a label).
    Text level with the heads at their left with nothing standing between is theirs however
    far: they are centred over columns their text fills only in part, or not at all. The heads
    read with a headline are those set right under it (HEAD_SPACE ems), down to its byline:
    another module's stand lower, a head set under the byline heads a column of the text (a
    byline ends the title), and a line in the body's size that holds a sentence's
    punctuation is a column's, not a head or byline (:func:`_text_line`)."""
    out = list(order)
    for h in [b for b in order if b.size >= HEADLINE_SIZE * body and not any(ln.vertical for ln in b.lines)]:
        at = out.index(h)
        hx0, _, hx1, _ = h.box

        def with_head(b: PdfBlock) -> bool:  # a short block set over or under the headline
            return len(b.lines) <= 2 and min(b.box[2], hx1) - max(b.box[0], hx0) > 0

        start, end = at, at + 1
        while start > 0 and with_head(out[start - 1]) and not same_size(out[start - 1].size, body):
            start -= 1
        while end < len(out) and with_head(out[end]) and out[end].box[3] <= h.box[1] + body \
                and out[end - 1].box[1] - out[end].box[3] <= HEAD_SPACE * body and not _text_line(out[end], body) \
                and not (end - 1 > at and _byline(out[end - 1])):
            end += 1  # (set right under the one before: another module's heads stand lower)
        group = out[start:end]
        x0 = min(b.box[0] for b in group)
        top = max(b.box[3] for b in group)
        heads = (x0, min(b.box[1] for b in group), max(b.box[2] for b in group), top)
        under = _columns_start(heads, order, body)

        def opens_module(t: PdfBlock) -> bool:
            width = t.box[2] - t.box[0]
            # (or however far, with nothing standing between: the heads are centred over
            # columns their text fills only in part, or not at all)
            next_to = 0 <= x0 - t.box[2] <= width or 0 <= under - t.box[2] <= 0.5 * width or \
                t.box[2] <= x0 and not _between(t.box[2], x0, heads[1], top, order)
            level = abs(t.box[3] - top) <= 3 * body or (
                t.box[3] > top > t.box[1] and _opens_area(t.box, order, rules) and _opens_area(heads, order, rules))
            return same_size(t.size, body) and len(t.lines) >= 3 and next_to and level \
                and not rule_between(t.box[2], x0, h.box[1], top, rules, body)

        first = next((k for k, t in enumerate(out[:start]) if opens_module(t)), None)
        if first is not None:
            out = out[:first] + group + out[first:start] + out[end:]
    return out


def _byline(b: PdfBlock) -> bool:
    """Whether ``b`` is a byline: one line, a reporter's credit and names or names alone."""
    return len(b.lines) == 1 and byline_line(Line.read(0, b.lines[0].text))


def _text_line(b: PdfBlock, body: float) -> bool:
    """Whether ``b`` is set in the body's size and holds a sentence's punctuation: a
    column's line, never a head or byline read with a headline (中华民族伟大复兴的必由之路。,
    the last line of a paragraph set right under a byline)."""
    return same_size(b.size, body) and any(has_sentence_punct(ln.text) for ln in b.lines)


def _between(x0: float, x1: float, y0: float, y1: float, blocks: list[PdfBlock]) -> bool:
    """Whether a block stands between ``x0`` and ``x1`` beside the heights ``y0``-``y1``."""
    return any(b.box[0] >= x0 and b.box[2] <= x1 and b.box[1] < y1 and b.box[3] > y0 for b in blocks)


def rule_between(x0: float, x1: float, y0: float, y1: float, rules: tuple[Rule, ...], body: float) -> bool:
    """Whether a lone rule is drawn down between ``x0`` and ``x1`` (half an em either side)
    beside the heights ``y0``-``y1``: the edge between two modules (a box's sides frame an
    inset, not a module)."""
    return any(not r.across and r.box is None and x0 - 0.5 * body <= r.x0 <= x1 + 0.5 * body
               and r.y0 < y1 and r.y1 > y0 for r in rules)


def _ruled_over(x0: float, x1: float, top: float, rules: tuple[Rule, ...], body: float) -> bool:
    """Whether a rule drawn across runs over the whole of ``x0``..``x1`` within three ems
    above ``top``: the top edge of one module."""
    return any(r.across and r.box is None and r.x0 <= x0 + body and r.x1 >= x1 - body
               and 0 <= r.y0 - top <= 3 * body for r in rules)


def _module_left_of(v: PdfBlock, blocks: list[PdfBlock], body: float, column: float,
                    rules: tuple[Rule, ...]) -> list[PdfBlock]:
    """The columns of text at the left of the vertical head ``v`` whose tops stand level
    with its top, from it leftwards until a lone rule drawn down (a box's sides frame an
    inset, not a module) or a gap wider than a column, unless the module's top rule runs
    over both (a picture, or white space, in the module). A column may open with a line over
    a picture, or with a boxed subhead: what stands level is any block smaller than a headline."""
    vx0, vy0, _, vtop = v.box
    level = sorted((b for b in blocks if b.size < HEADLINE_SIZE * body and b.box[2] <= vx0
                    and abs(b.box[3] - vtop) <= 3 * body and b.box[1] < vtop and b.box[3] > vy0),
                   key=lambda b: -b.box[2])
    module: list[PdfBlock] = []
    edge = vx0
    for b in level:
        if rule_between(b.box[2], edge, vy0, vtop, rules, body) or \
                (edge - b.box[2] > column and not _ruled_over(b.box[0], v.box[2], max(b.box[3], vtop), rules, body)):
            break
        module.append(b)
        edge = b.box[0]
    return module


def vertical_first(order: list[PdfBlock], body: float, rules: tuple[Rule, ...] = ()) -> list[PdfBlock]:
    """``order`` with each block set vertically (a headline, a byline) moved before the
    text it heads: vertical Chinese is read from the right, so a headline set down the right
    edge of its module comes before the text at its left. That text is the module's columns
    at its left whose tops stand level with its top (within three ems: one module's columns
    start at one height), up to a rule drawn down between them; the headline goes before
    the first of them read. With no such columns, it goes before the first block of text it
    stands beside (at its height, less than a column to its left, no lone rule drawn
    between), else before the text set right under it (a head atop its column). A vertical
    block set
    right beside another (a byline by its headline) goes with it; they keep right-to-left
    order."""
    vertical = [b for b in order if any(ln.vertical for ln in b.lines)]
    if not vertical:
        return order
    rest = [b for b in order if not any(ln.vertical for ln in b.lines)]
    column = column_width(order, body)
    before: dict[int, list[PdfBlock]] = {}
    placed: list[tuple[PdfBlock, int]] = []
    for v in sorted(vertical, key=lambda b: -b.box[2]):  # from the right
        vx0, vy0, vx1, vy1 = v.box
        # set right beside a vertical block already placed (a byline by its headline): with it
        at = next((k for w, k in placed if 0 <= w.box[0] - vx1 <= 2 * body and w.box[1] < vy1 and w.box[3] > vy0),
                  None)
        if at is None:
            module = _module_left_of(v, rest, body, column, rules)
            at = min((rest.index(b) for b in module), default=None)
        if at is None:  # beside it, on its side of any rule drawn down
            at = next((k for k, b in enumerate(rest)
                       if b.box[0] < vx1 and b.box[2] >= vx0 - column and b.box[1] < vy1 and b.box[3] > vy0
                       and not rule_between(b.box[2], vx0, vy0, vy1, rules, body)), None)
        if at is None:  # set atop its column: the text right under it (a head's space under it)
            at = next((k for k, b in enumerate(rest) if min(b.box[2], vx1) > max(b.box[0], vx0)
                       and 0 <= vy0 - b.box[3] <= HEAD_SPACE * body), len(rest))
        placed.append((v, at))
        before.setdefault(at, []).append(v)
    out: list[PdfBlock] = []
    for k in range(len(rest) + 1):
        out.extend(sorted(before.get(k, []), key=lambda b: -b.box[2]))
        if k < len(rest):
            out.append(rest[k])
    return out
