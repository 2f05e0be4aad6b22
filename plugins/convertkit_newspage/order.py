"""Reading order: one global assembly of the page's column breaks.

pdftotext prints a page's text blocks in an order of its own: a sentence cut at the foot of
a column may go on in a block printed several blocks later (past other articles), or
earlier (a column's tail printed under the byline, before the column's head). Every text
block that leaves a sentence open at its end (an *open end*) is a row; every text block that
takes a sentence up at its start (an *open start*: its first line fills the column, where a
paragraph's first line is indented) is a column. Each possible join gets a score:

- ``natural``: the block printed right after it (pdftotext is right most of the time);
- ``words``: the language across the join (the log frequency of the word the join completes,
  :mod:`.lexicon`, plus the longest run across the join the page prints elsewhere,
  :class:`PageText`): a column break falls anywhere, often inside a word or a phrase the
  article repeats;
- ``measure``: both blocks set to the same column width (a hard limit of one em, and a
  penalty inside it);
- ``distance``: a small cost per block between them;
- ``affinity``: the words the two blocks share (an article's blocks share its vocabulary);
- a quotation the join closes, a block printed where an article opens, a block printed next
  that opens as a paragraph does (:class:`Evidence` lists the terms).

The weights are fitted to generated pages (the constants below say how), not set by hand.

The joins chosen are those that maximise the page's total score, each block joined at most
once at either end (an assignment, solved exactly), none running in a circle (the join of
a circle whose loss the page's total feels least is forbidden and the rest chosen again).
Every decision is recorded with its score and the runner-up for ``--explain``. The blocks
then go in print order, each chosen join pulling the continuation (with the blocks it
already runs on into) up or down after the block it continues; a block that opens an
enumeration's next point (二是…) goes after the point before it (:mod:`.pointorder`); on a
page that sets space between its paragraphs, a continuation also carries the blocks printed
after it, the rest of its column (:func:`carried`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import lexicon
from .assignment import Join, Vocabulary, best_chains, follow
from .lines import (AUTHOR_START_RE, DATELINE_RE, ENUM_RE, closes_unopened, em_width, ends_sentence,
                    starts_inside)
from .pieces import (Kind, Piece, closes_article, ends_mid_sentence, measure, opens_news_item, opens_paragraph,
                     starts_mid_sentence, text_of)
from .pointorder import point_links
from .rules import Explain, Stage, register

register(Stage.ORDER, {
    "order-join": "a block that leaves a sentence open goes on in the block the page's best assignment gives it",
    "order-natural": "a block that leaves a sentence open goes on in the block printed next",
    "order-open": "a block that leaves a sentence open finds no continuation: left as printed",
    "order-under-byline": "a byline stands over its text: a chain of blocks that goes on in the text printed in "
                          "a byline's own block is read there, wherever its first block is printed",
    "order-carried": "where a page sets space between its paragraphs, each paragraph is a block and a column's "
                     "blocks are printed one after another: the block printed after a continuation is read "
                     "after it, wherever the continuation goes",
})

# The weights of a join's score. Each term states a principle (the comments); the weights
# are fitted, not guessed: by maximum likelihood (each cut sentence's candidates a
# conditional logit, the true continuation labelled) on generated development pages, seeds
# 700-1299, then by a coordinate search on those pages' whole-page figures (char accuracy,
# titles_full, paragraph recall), and checked on seeds 1-60 and 1420-1619, which took no
# part in the fit. The opener penalty alone was held at 1.5 or more: the fit wants none,
# and a real page (rmrb-001) reads an article's first block as another's column without it.
# ``python benchmarks/order_weights.py`` refits the logit and prints its accuracy.
BASE = 2.2  # any allowed join beats leaving a sentence open
NATURAL = 3.4  # the block printed next (unless it opens with a paragraph's indented line)
INDENT_PENALTY = 3.5  # the block printed next opens as a paragraph does: weak print-order evidence
LEXICON_WEIGHT = 0.56  # per unit of log frequency of the word completed across the join
PAGE_RUN_WEIGHT = 0.65  # per character of the longest run across the join the page prints elsewhere
MEASURE_PENALTY = 0.08  # per em of difference in column width (at most MAX_MEASURE_GAP)
#: the most two measures of one column differ by: punctuation set at half or full width
#: moves a line's measured width by half an em each way
MAX_MEASURE_GAP = 1.5
#: a sentence never runs on into a block set this many ems wider or narrower, even the one
#: printed next: the measure changes where another article (or a lede across columns) is set
WIDE_GAP = 3.0
DISTANCE_COST = 0.13  # per block printed between the two
AFFINITY_WEIGHT = 18.7  # per unit of the two blocks' shared vocabulary (:class:`.Vocabulary`)
#: a block printed where an article opens (right after a closer, or under a head or byline in
#: one block) goes on with another block's sentence only on evidence worth this much
OPENER_PENALTY = 1.5
#: a block that opens with a paragraph's last line (讨。) finishes a sentence begun elsewhere:
#: with no word across the join to say which, it still may, on this much less evidence
#: (chosen on development pages' whole-page figures: 0.5 to 4 tried)
LAST_LINE_PENALTY = 2.0
QUOTE_WEIGHT = 5.3  # a quotation closed across the join (or, against it, closed where none was left open)
#: a continuation carries the blocks printed after it only where the assignment chose it
#: clearly: the page's best total score falls by this much where the join is forbidden
#: (:func:`regret`; 1, 2 and 3 tried on the development pages, session 59)
CARRY_MARGIN = 1.0
#: a page sets space between its paragraphs where fewer than this share of its text blocks
#: (four lines or more) hold a paragraph's end before their last line
APART_SHARE = 0.25
SHORT_FILL = 0.75  # ems from the page's column a short block's line may be and fill it
#: a first line this many ems short of its column may be an indent or a full line set with
#: its punctuation at full width: it takes up a sentence on a word across the join only
WORD_CUT_SHORT = 1.5
#: a first line is full, however short, when what it lacks is no more than this many ems
#: beyond the width of the run of digits or Latin letters opening the next line
RUN_SLACK = 0.5
_RUN_START = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%]*")


@dataclass(frozen=True)
class Evidence:
    """What speaks for and against one candidate join: the terms of its score."""

    natural: bool  # the block printed next
    indent: bool  # ... which opens as a paragraph does
    lex: float  # the lexicon's word across the join (:func:`.lexicon.join_score`)
    run: float  # the longest run across the join the page prints elsewhere (:meth:`PageText.continuity`)
    gap: float  # ems between the two blocks' measures
    distance: int  # blocks printed between the two
    affinity: float  # the vocabulary the two blocks share (:meth:`.Vocabulary.affinity`)
    opener: bool  # the block that would take the sentence up is printed where an article opens
    quotes: int  # quotations closed across the join, less those closed where none was left open
    last_line: bool = False  # ... opens with a paragraph's last line, and no word runs across the join

    def score(self) -> float:
        # a cut sentence seldom goes on in an indented paragraph opening: print order's word
        # for it counts for little
        return (BASE + (NATURAL if self.natural and not self.indent else 0.0)
                - (INDENT_PENALTY if self.indent else 0.0) + LEXICON_WEIGHT * self.lex
                + PAGE_RUN_WEIGHT * self.run - MEASURE_PENALTY * self.gap - DISTANCE_COST * self.distance
                + AFFINITY_WEIGHT * self.affinity - (OPENER_PENALTY if self.opener else 0.0)
                + QUOTE_WEIGHT * self.quotes - (LAST_LINE_PENALTY if self.last_line else 0.0))


def open_end(p: Piece) -> bool:
    return p.kind is Kind.TEXT and ends_mid_sentence(p)


def under_a_head(pieces: list[Piece], j: int) -> bool:
    """Text printed in one block under a head or byline whose first line fills the column
    (no paragraph indent): pdftotext put a column's continuation under another article's
    head, so it may take up a sentence left open elsewhere."""
    p = pieces[j]
    if p.kind is not Kind.TEXT or p.starts_block or len(p.lines) < 3 or not j or \
            pieces[j - 1].kind not in (Kind.HEAD, Kind.BYLINE):
        return False
    return starts_mid_sentence(replace(p, starts_block=True))


@dataclass(frozen=True)
class Openings:
    """Which blocks may take up a sentence left open elsewhere (:func:`candidates`)."""

    starts: tuple[int, ...]  # the blocks that may go on with another block's sentence
    dated: frozenset[int]  # blocks opening with a dateline: a news item, no continuation
    closing: frozenset[int]  # blocks closing a bracket or quotation they never opened, however short
    last_lines: frozenset[int]  # blocks opening with a paragraph's last line: best on words
    word_cut: frozenset[int]  # blocks opening with a line an indent short: on a word across only
    openers: frozenset[int]  # blocks printed where an article opens: on strong evidence only
    widths: tuple[float, ...]  # each block's measure (the page's column for short ones)
    column: float  # the page's usual column width (ems)


def openings(pieces: list[Piece]) -> Openings:
    """The blocks of the page that may take up a sentence left open elsewhere."""
    widths = [measure(p.lines[:8]) if p.kind is Kind.TEXT else 0.0 for p in pieces]
    # a block that opens with a dateline (本报讯, 新华社…电) or the reporter's credit that
    # follows one (（记者 …）) opens a news item: it takes up no sentence left open
    # elsewhere; a block whose first line closes a bracket, quotation or title it never
    # opened (究中心特聘研究员）, 平台”等) takes up one, however short (it shows no measure)
    dated = {j for j, p in enumerate(pieces) if opens_news_item(p)}
    closing = {j for j, p in enumerate(pieces) if p.kind is Kind.TEXT and closes_unopened_mark(p.lines[0].text)}
    # a line alone that opens on a particle following what it belongs to (的工作将在…) goes
    # on with a sentence begun elsewhere: it shows no measure, and takes one up however
    # short, as a block that closes a quotation does (a longer block shows its measure)
    following = {j for j, p in enumerate(pieces) if p.kind is Kind.TEXT and p.starts_block and len(p.lines) == 1
                 and lexicon.opens_on_follower(p.lines[0].text)}
    closing |= following
    # a block of one or two lines shows no measure of its own: one whose first line fills
    # the page's usual column (no paragraph indent) starts in mid-paragraph too
    column = _page_column(pieces, widths)
    short = {j for j, p in enumerate(pieces) if p.kind is Kind.TEXT and len(p.lines) < 3 and p.starts_block
             and column and not ENUM_RE.match("".join(p.lines[0].text.split()))
             and abs(p.lines[0].width - column) <= SHORT_FILL}
    # a block whose first line ends a sentence and is shorter than any indented first line
    # is the last line of a paragraph begun elsewhere (讨。, 度融合。): it takes up a
    # sentence, best on the evidence of the words the join completes
    last_lines = {j for j, p in enumerate(pieces) if p.kind is Kind.TEXT and p.starts_block and column
                  and ends_sentence(p.lines[0].text) and p.lines[0].width < column - 3.0
                  and not (DATELINE_RE.match(p.lines[0].text) or AUTHOR_START_RE.match(p.lines[0].text))
                  and not starts_mid_sentence(p) and j not in short and j not in closing}
    for j in short | last_lines:
        widths[j] = column
    starts = [j for j, p in enumerate(pieces)
              if (starts_mid_sentence(p) or under_a_head(pieces, j) or j in closing or j in short or j in last_lines)
              and j not in dated]
    # a block whose first line is a little short of its column (WORD_CUT_SHORT ems at most)
    # opens a paragraph, or goes on with a word a column break cut (获⏎得感: punctuation
    # set at half or full width moves a line's width by as much): a paragraph opens no
    # word's second half, so it may take up a sentence where the lexicon reads a word across.
    # So may text printed in one block under a head or byline (pdftotext put a column's
    # continuation under another article's head: 支持各⏎县（市、区）…, its brackets set full),
    # and a block's first line short only by the number opening its second (:func:`run_pushed_down`)
    taken = set(starts)
    word_cut = {j for j, p in enumerate(pieces) if j not in taken and j not in dated
                and p.kind is Kind.TEXT and len(p.lines) >= 3
                and (p.starts_block or (j > 0 and pieces[j - 1].kind in (Kind.HEAD, Kind.BYLINE)))
                and not (ENUM_RE.match(p.lines[0].text) or AUTHOR_START_RE.match(p.lines[0].text))
                and (p.lines[0].width >= widths[j] - WORD_CUT_SHORT
                     or p.starts_block and run_pushed_down(p, widths[j]))}
    starts = sorted(taken | word_cut)
    # where an article opens: under a head, or right after a closer (（作者…）, a sign-off)
    # (not one that closes a quotation or bracket it never opened: no article opens so)
    openers = {j for j in starts if j not in closing and (not pieces[j].starts_block
               or (j and pieces[j - 1].kind is Kind.TEXT and closes_article(pieces[j - 1])))}
    return Openings(tuple(starts), frozenset(dated), frozenset(closing), frozenset(last_lines), frozenset(word_cut),
                    frozenset(openers), tuple(widths), column)


def run_pushed_down(p: Piece, column: float) -> bool:
    """Whether ``p``'s first line is short of its ``column`` only because the run of digits
    or Latin letters that opens its second line (1999年, 3C) did not fit in what was left of
    it: type never breaks such a run, so the line is a full one."""
    if len(p.lines) < 2:
        return False
    run = _RUN_START.match(p.lines[1].text)
    return run is not None and len(run.group()) >= 2 and \
        column - p.lines[0].width <= em_width(run.group()) + RUN_SLACK


def candidates(pieces: list[Piece], evidence: dict[tuple[int, int], Evidence] | None = None) -> list[Join]:
    """Every allowed join on the page, scored; each join's :class:`Evidence` put in
    ``evidence`` (keyed by its end and start) when a dict is given."""
    tails = [measure(p.lines[-8:]) if p.kind is Kind.TEXT else 0.0 for p in pieces]
    o = openings(pieces)
    starts, dated, closing, last_lines, openers, widths = \
        o.starts, o.dated, o.closing, o.last_lines, o.openers, o.widths
    # a block that closes a quotation (bracket, title) it never opened (…制高点。”) goes on
    # with one that left it open (表示：“广东…), and with no other
    texts = [text_of(p) if p.kind is Kind.TEXT else "" for p in pieces]
    left_open = [{op for op, cl in MARKS if _left_open(t, op, cl)} for t in texts]
    closes = [{op for op, cl in MARKS if starts_inside(t, op, cl)} for t in texts]
    start_set = set(starts)
    ends = [i for i, p in enumerate(pieces) if open_end(p)]
    vocab = Vocabulary(pieces, sorted(set(ends) | start_set | {i + 1 for i in ends if i + 1 < len(pieces)}))
    page = PageText(pieces, texts)

    joins: list[Join] = []
    for i in ends:
        p = pieces[i]
        nxt = i + 1 if i + 1 < len(pieces) else None
        # a block of three lines shows its column's measure; a shorter one only when its last
        # line is letter-spaced (justified lines fill the column), or fills the page's usual
        # column (taken as its measure)
        fills = len(p.lines) < 3 and o.column and abs(p.lines[-1].width - o.column) <= SHORT_FILL
        if fills:
            tails[i] = o.column
        known = len(p.lines) >= 3 or p.lines[-1].spaced or fills
        # a block too short to show its measure goes on where a word runs on across the
        # join (行⏎动): the words stand in for the measure
        options = set(starts) if known else \
            {j for j in starts if lexicon.join_score(p.lines[-1].text, pieces[j].lines[0].text)}
        if nxt is not None and pieces[nxt].kind is Kind.TEXT:
            options.add(nxt)  # the block printed next, short ones included
        options.discard(i)
        for j in sorted(options):
            natural = j == nxt
            if (natural or j in closing) and (len(pieces[j].lines) < 3 or not known):
                gap = 0.0  # printed next, or closing a bracket, and too short to measure
            elif len(p.lines) >= 3 or fills:
                gap = abs(tails[i] - widths[j])
            else:  # one justified line, maybe a paragraph's indented first
                line = p.lines[-1].width
                gap = 0.0 if widths[j] - 2.75 <= line <= widths[j] + 0.5 else MAX_MEASURE_GAP + 1
            if gap > MAX_MEASURE_GAP and not natural or gap > WIDE_GAP:
                continue
            indent = natural and (j not in start_set or j in o.word_cut) and (opens_paragraph(pieces[j]) or j in dated)
            lex = lexicon.join_score(p.lines[-1].text, pieces[j].lines[0].text)
            run = page.continuity(p.lines[-1].text, pieces[j].lines[0].text)
            words = lex + PAGE_WEIGHT * run
            if j in o.word_cut and not natural and not lex:
                continue
            quotes = sum(1 if mark in left_open[i] else -1 for mark in closes[j])
            found = Evidence(natural, indent, lex, run, gap, abs(j - i) - 1, vocab.affinity(i, j), j in openers, quotes,
                             j in last_lines and not natural and not words)
            if evidence is not None:
                evidence[(i, j)] = found
            joins.append(Join(i, j, found.score(), natural, words))
    return joins


MARKS = (("“", "”"), ("（", "）"), ("《", "》"))  # quotation, bracket, title


def _left_open(text: str, opening: str, closing: str) -> bool:
    """Whether ``text`` ends inside a quotation (bracket, title) it opened (“…)."""
    return text.rfind(opening) > text.rfind(closing)


def closes_unopened_mark(line: str) -> bool:
    """Whether a line closes a bracket, quotation or title it never opened (研究员）,
    …平台”等模式): it is the middle of a sentence begun before it."""
    return closes_unopened(line) or starts_inside(line, "“", "”") or starts_inside(line, "《", "》")


def _page_column(pieces: list[Piece], widths: list[float]) -> float:
    """The page's usual column width in ems: the median of the ``widths`` (measures) of its
    text blocks of three lines or more (0 when there are none)."""
    found = sorted(w for p, w in zip(pieces, widths) if p.kind is Kind.TEXT and len(p.lines) >= 3)
    return found[len(found) // 2] if found else 0.0


def page_column(pieces: list[Piece]) -> float:
    """The page's usual column width in ems (see :func:`_page_column`)."""
    return _page_column(pieces, [measure(p.lines[:8]) if p.kind is Kind.TEXT else 0.0 for p in pieces])


class PageText:
    """The page's own text as a language model: a column break cuts a phrase the page
    prints whole elsewhere (中国特色社⏎会主义, 供给侧结构性⏎改革): the longer the run
    across a join that the page holds elsewhere, the likelier the join."""

    def __init__(self, pieces: list[Piece], texts: list[str] | None = None) -> None:
        """``texts``: the pieces' :func:`.text_of`, when the caller has them."""
        if texts is None:
            texts = [text_of(p) if p.kind is Kind.TEXT else "" for p in pieces]
        self.text = "\n".join(t for p, t in zip(pieces, texts) if p.kind is Kind.TEXT)

    def continuity(self, left: str, right: str) -> float:
        """The longest run across the join of ``left`` (a line's end) and ``right`` (the
        next line's start) found on the page, less two (a run of two is chance), in
        characters: 0 to 2 * (RUN - 1) - 2."""
        tail, head = "".join(left.split())[-(RUN - 1):], "".join(right.split())[:RUN - 1]
        if not tail or not head:
            return 0.0
        text, best = self.text, 2
        # every such run holds the two characters at the join: find each place the page
        # prints them and see how far the run reaches either way
        at = text.find(tail[-1] + head[0])
        while at >= 0:
            a = 1
            while a < len(tail) and at - a >= 0 and text[at - a] == tail[-1 - a]:
                a += 1
            b = 1
            while b < len(head) and at + 1 + b < len(text) and text[at + 1 + b] == head[b]:
                b += 1
            best = max(best, a + b)
            at = text.find(tail[-1] + head[0], at + 1)
        return float(best - 2)


RUN = 5  # characters each side of a join that the page text is searched for
PAGE_WEIGHT = 2.0  # a run's characters beyond two, in a join's ``words``: a run of four counts as a common word


def assemble(pieces: list[Piece], explain: Explain) -> list[Piece]:
    """The pieces in reading order: the best global set of joins, then print order with
    each continuation put after the block it continues."""
    joins = candidates(pieces)
    chosen = best_chains(joins)
    succ = {jn.end: jn.start for jn in chosen}
    pred = {jn.start: jn.end for jn in chosen}
    if explain.record:
        _explain(pieces, joins, chosen, explain)
    out: list[Piece] = []
    done = [False] * len(pieces)

    def chain(k: int) -> None:
        while k is not None and not done[k]:
            done[k] = True
            out.append(pieces[k])
            k = succ.get(k)

    # a byline stands over its text: a chain that goes on in the text printed in a
    # byline's own block is read there, wherever its first block is printed (unless that
    # block is itself printed under a byline)
    anchor: dict[int, int] = {}
    for k in range(1, len(pieces)):
        if k in pred and pieces[k - 1].kind is Kind.BYLINE and pieces[k - 1].block == pieces[k].block:
            h = follow(pred, k)[-1]
            if not (h and pieces[h - 1].kind is Kind.BYLINE):
                anchor.setdefault(h, k)
    # an enumeration's numbers say what a block that opens a point follows (:mod:`.pointorder`)
    supported = {(jn.end, jn.start) for jn in chosen if jn.words > 0}
    for e, k in point_links(pieces, succ, pred, supported, explain):
        succ[e], pred[k] = k, e
    for q, k in carried(pieces, joins, chosen, succ, pred, set(anchor)):
        succ[q], pred[k] = k, q
        explain("order-carried", (pieces[k].lines[0].no, pieces[k].lines[-1].no),
                f"printed right after line {pieces[q].lines[-1].no}, which is read elsewhere: goes on after it")
    at_anchor = {k: h for h, k in anchor.items()}
    # a head printed over the first block of such a chain, in its block, heads that text: it
    # is read where the text is (left at its print place, it would stand over whatever is
    # read next, a headline printed after it most often, as its kicker)
    over = {h: h - 1 for h in anchor
            if h and pieces[h - 1].kind is Kind.HEAD and pieces[h - 1].block == pieces[h].block}
    for h, k in anchor.items():
        explain("order-under-byline", (pieces[h].lines[0].no, pieces[h].lines[-1].no),
                f"the chain this block begins goes on under the byline at line {pieces[k - 1].lines[0].no}: "
                f"read there" + (", with the head printed over it" if h in over else ""))
    for k in range(len(pieces)):
        if done[k] or k in over.values():
            continue
        if k in at_anchor:
            head = over.get(at_anchor[k])
            if head is not None:
                done[head] = True
                out.append(pieces[head])
            chain(at_anchor[k])
        elif k not in pred and k not in anchor:
            chain(k)
    for k in range(len(pieces)):  # links that closed a loop (points, carried blocks): print order breaks it
        if not done[k]:
            chain(k)
    return out


def paragraphs_apart(pieces: list[Piece]) -> bool:
    """Whether the page sets space between its paragraphs: pdftotext then prints each
    paragraph as a block of its own, so few text blocks hold a paragraph's end (a line that
    ends a sentence two ems or more short of the block's measure) before their last line.
    Where paragraphs run on in their column, a block is a column's piece and holds several."""
    body = [p for p in pieces if p.kind is Kind.TEXT and len(p.lines) >= 4]
    inner = sum(1 for p in body
                if any(ends_sentence(ln.text) and ln.width < measure(p.lines) - 2.0 for ln in p.lines[:-1]))
    return bool(body) and inner < APART_SHARE * len(body)


def carried(pieces: list[Piece], joins: list[Join], chosen: list[Join], succ: dict[int, int],
            pred: dict[int, int], anchored: set[int]) -> list[tuple[int, int]]:
    """The links (q, k) by which a block k printed right after a continuation q (or after a
    block carried so) is read after it, on a page that sets its paragraphs apart: its column's
    next paragraph. Only where q ends its sentence and closes no article, shows its measure
    (two lines: a continuation's first line is a full one; a single line is its paragraph's
    last, and may be a stray printed apart from its column), and was chosen clearly
    (:data:`CARRY_MARGIN`); k is text that nothing else goes on into, opens no news item
    (dateline) and is no chain a byline anchors (:func:`assemble`), or a head printed in q's
    own block under its last paragraph (:func:`_head_under`), which carries the text printed
    after it in turn: a subhead stands under the paragraph over it in the column."""
    if not paragraphs_apart(pieces):
        return []
    moving = {jn.start for jn in chosen
              if not jn.natural and regret(joins, chosen, jn) >= CARRY_MARGIN and not _past_heads_only(pieces, jn)}
    links: list[tuple[int, int]] = []
    before = dict(pred)
    for k in range(1, len(pieces)):
        q = k - 1
        carrier = q in moving and q not in succ and (len(pieces[q].lines) >= 2 or pieces[q].kind is Kind.HEAD) \
            and not closes_article(pieces[q])
        follower = k not in before and k not in anchored and not DATELINE_RE.match(pieces[k].lines[0].text) and (
            pieces[k].kind is Kind.TEXT and pieces[k].starts_block
            or _head_under(pieces[q], pieces[k]))
        if not (carrier and follower):
            continue
        if k in follow(before, q):  # k is read before q already
            continue
        links.append((q, k))
        before[k] = q
        moving.add(k)
    return links


def _head_under(above: Piece, head: Piece) -> bool:
    """Whether ``head`` was printed in one block with the text ``above`` it, under the end of
    its last paragraph: it stands under that paragraph in its column."""
    return head.kind is Kind.HEAD and above.kind is Kind.TEXT and head.block == above.block \
        and not ends_mid_sentence(above)


def _past_heads_only(pieces: list[Piece], jn: Join) -> bool:
    """Whether a join passes over nothing but heads, bylines and pull quotes printed between
    its blocks: a head set inside the column, which leaves the column's blocks in print order."""
    return jn.end < jn.start and all(pieces[x].kind is not Kind.TEXT for x in range(jn.end + 1, jn.start))


def regret(joins: list[Join], chosen: list[Join], jn: Join) -> float:
    """How clearly the page's best assignment ``chosen`` chose join ``jn``: what its total
    score loses where ``jn`` is forbidden and every other block joined anew. Not the score
    less the open block's runner-up: another open block may hold that one by a better join."""
    rest = [j for j in joins if (j.end, j.start) != (jn.end, jn.start)]
    return sum(j.score for j in chosen) - sum(j.score for j in best_chains(rest))


def runners_up(joins: list[Join], chosen: list[Join]) -> dict[int, Join]:
    """Each open block's best candidate join that the assignment did not choose."""
    picked = set(chosen)
    out: dict[int, Join] = {}
    for jn in sorted(joins, key=lambda jn: -jn.score):
        if jn not in picked:
            out.setdefault(jn.end, jn)
    return out


def _explain(pieces: list[Piece], joins: list[Join], chosen: list[Join], explain: Explain) -> None:
    taken = {jn.end: jn for jn in chosen}
    runners = runners_up(joins, chosen)
    for end in sorted({jn.end for jn in joins}):
        pick, other = taken.get(end), runners.get(end)
        runner = (f"; runner-up line {pieces[other.start].lines[0].no} ({other.score:.2f})"
                  if other else "; no other candidate")
        cut = pieces[end].lines[-1].no
        if pick is None:
            explain("order-open", cut, f"the sentence cut at line {cut} goes on nowhere on this page{runner}")
        elif not pick.natural:
            explain("order-join", (pieces[pick.start].lines[0].no, pieces[pick.start].lines[-1].no),
                    f"continues the sentence cut at line {cut}: score {pick.score:.2f} "
                    f"(words {pick.words:.1f}){runner}; forbidden, the page's best total falls by "
                    f"{regret(joins, chosen, pick):.2f}")
        elif other:
            explain("order-natural", cut, f"the block printed next continues line {cut}: score "
                    f"{pick.score:.2f}{runner}")
