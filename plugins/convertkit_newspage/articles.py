"""Stage 5, articles: the pieces, in reading order, cut into articles by their openers
(a headline, byline or dateline) and closers (a sign-off, an author line). :mod:`.regroup`,
:mod:`.items` and :mod:`.sectionsapart` then mend them by their words."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from .lines import (AUTHOR_START_RE, CREDIT_OPEN_RE, DATELINE_RE, NEWS_LEDE_RE, SIGNOFF_RE, Line, Record,
                    ends_sentence, inline_text, section_number, spaceless_text)
from .names import name_shaped, name_fragment, spells_byline
from .order import WIDE_GAP, PageText, page_column
from .pieces import Kind, Piece, measure, text_of
from .rules import Explain, Stage, register
from . import lexicon, titles

register(Stage.ARTICLES, {
    "after-banner": "a campaign banner stands over articles: what follows it starts one",
    "opener-headline-byline": "a headline over a byline opens an article",
    "headline-after-body": "a headline between a closer and the next opener belongs to the item before it, "
                           "unless it takes up clearly more of the words of the text after it",
    "headline-inset": "a head inside a dateline item without a headline, taking up its words, is its inset headline",
    "headline-new-topic": "a subhead is about part of its article and shares its words: a head none of whose "
                          "words the article's text so far takes up, over text that takes up most of them, "
                          "opens a new article",
    "opener-headline": "a headline opens an article",
    "subtitle-after-byline": "a —— line is a subtitle, never a subhead: under a byline it joins the headlines over it",
    "subhead": "a short unpunctuated line inside an article is a subhead",
    "headline-stack": "headlines stacked apart from their articles go to the articles whose words they take up",
    "name-completed": "a character alone completes the name another one alone began; so do several where "
                      "together they spell a byline",
    "name-begun": "a character alone begins a second name of the byline",
    "byline-after-author-line": "a name right after an author line is that article's byline",
    "byline-after-untitled": "a name right after the end of an untitled article is its byline",
    "opener-byline": "a byline opens an article",
    "opener-dateline": "a dateline (本报讯, 新华社…电) opens an article",
    "opener-credit": "text that opens with a reporter's credit (（记者 …）, which follows a dateline) opens an article",
    "untitled-article": "text after a closer, with no opener, starts an untitled article",
    "measure-change": "text set in the page's column does not go on across columns: a block set more than "
                      "three ems wider than an article's column text, after a sentence's end, starts another; "
                      "so does column text after an article set across columns that shares almost none of its "
                      "words (a lede across columns shares its article's)",
    "closer-signoff": "a sign-off (（鄂 文）) closes its article",
    "closer-author": "an author line (（作者为…）) closes its article",
})


PAGE_LINES = 800  # how far (in lines) a headline printed apart may be from its article


class Draft(Record):
    """An article while it is being assembled (``head_sizes``: lines per printed block of
    ``heads``; ``parts_of``: the article it was cut from, with the others cut from it, when
    its headlines cut one apart)."""

    _compared = ("heads", "head_sizes", "byline", "dateline", "dateline_line", "body", "signoff", "signoff_line",
                 "closed", "closed_by_author")
    __slots__ = _compared + ("parts_of",)

    def __init__(self, heads: list[Line] | None = None, head_sizes: list[int] | None = None,
                 byline: list[Line] | None = None) -> None:
        self.heads: list[Line] = heads if heads is not None else []
        self.head_sizes: list[int] = head_sizes if head_sizes is not None else []
        self.byline: list[Line] = byline if byline is not None else []
        self.dateline, self.dateline_line = "", 0
        self.body: list[Piece] = []
        self.signoff, self.signoff_line = "", 0
        self.closed = self.closed_by_author = False
        self.parts_of: Draft | None = None  # the article this one was cut from by its headlines

    def take_head(self, piece: Piece | None, lines: list[Line]) -> None:
        """Take out head ``lines`` printed in this article: a printed block of its heads
        (``piece`` None) or the head ``piece`` of its body."""
        if piece is None:
            at = self.heads.index(lines[0])
            del self.heads[at:at + len(lines)]
            starts = [sum(self.head_sizes[:b]) for b in range(len(self.head_sizes))]
            del self.head_sizes[starts.index(at)]
        else:
            self.body.remove(piece)


def has_opener(d: Draft) -> bool:
    """Whether ``d`` opens as an article does: with a head, a byline or a dateline (text
    with none is a part of an article printed apart)."""
    return bool(d.heads or d.byline or d.dateline)


def segment(pieces: list[Piece], page: PageText, explain: Explain, breaks: set[int] = frozenset()) -> list[Draft]:
    """Pieces into articles (``page``: their text, where words running across a break are
    looked up); a piece starting at a line in ``breaks`` (after a banner) starts a new one."""
    drafts: list[Draft] = []
    cur: Draft | None = None
    column = page_column(pieces)
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if cur is not None and not cur.closed and p.starts_block and p.lines[0].no in breaks:
            cur.closed = True
            explain("after-banner", p.lines[0].no, "a campaign banner stands over articles: what follows it "
                                                   "starts one")
        if p.kind is Kind.HEAD:
            group = [p]
            while i + 1 < len(pieces) and pieces[i + 1].kind is Kind.HEAD and not p.boxed and not pieces[i + 1].boxed:
                i += 1
                group.append(pieces[i])
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            lines = [ln for g in group for ln in g.lines]
            span = (lines[0].no, lines[-1].no)
            opens_dateline = nxt is not None and nxt.kind is Kind.TEXT and bool(DATELINE_RE.match(nxt.lines[0].text))
            sizes = [len(g.lines) for g in group]
            topic = None  # the head's score as a new topic, where it was weighed
            fragment = cur is not None and _after_fragment(cur)
            if nxt is not None and nxt.kind is Kind.BYLINE:
                cur = Draft(heads=lines, head_sizes=sizes)
                drafts.append(cur)
                explain("opener-headline-byline", span, "headline before a byline opens an article")
            elif cur is not None and cur.closed and not cur.heads and not any(g.wide for g in group) \
                    and not _heads_what_follows(lines, cur, pieces[i + 1:]):
                # (a head set across columns over text heads that text)
                cur.heads, cur.head_sizes = lines, sizes
                explain("headline-after-body", span, "headline between a closer and the next opener "
                                                     "belongs to the item before it")
            elif cur is not None and cur.dateline and not cur.heads and not cur.byline and \
                    not opens_dateline and not any(g.wide for g in group) and \
                    titles.covers(lines, draft_text(cur)) >= titles.MIN_COVER:
                # a news item opens with its dateline (本报讯 …); a head printed inside its
                # text while it has none, taking up the words of that text, is its headline
                # set beside the first lines (inset)
                cur.heads, cur.head_sizes = lines, sizes
                explain("headline-inset", span, "a head inside a dateline item that has no headline is that "
                                                "item's headline, set beside its first lines")
            elif cur is not None and cur.heads and not cur.body and not cur.closed and \
                    group[0].lines[0].text.startswith("——"):
                cur.heads, cur.head_sizes = cur.heads + lines, cur.head_sizes + sizes
                explain("subtitle-after-byline", span, "a —— line under the byline is a subtitle of the headlines "
                                                       "over it, not a subhead")
            elif cur is not None and not cur.closed and \
                    (topic := _new_topic_from(group, page, cur, pieces[i + 1:], column)) is not None \
                    and topic[0] is not None:
                k, runs, score, runner = topic
                _add_subheads(cur, runs[:k], explain, "a head printed over another article's headline, sharing "
                                                      "its own article's words, is a subhead of it")
                lines = _lines_of(runs[k:])
                span = (lines[0].no, lines[-1].no)
                cur = Draft(heads=lines, head_sizes=[len(g.lines) for run in runs[k:] for g in run])
                drafts.append(cur)
                explain("headline-new-topic", span, f"a head over text that shares too little with the article it "
                                                    f"is printed in opens a new article: score {score:.2f} (opens "
                                                    f"from {NEW_TOPIC_MIN}); runner-up: {runner}")
            elif cur is None or cur.closed or opens_dateline or any(g.wide for g in group) or fragment:
                cur = Draft(heads=lines, head_sizes=sizes)
                drafts.append(cur)
                explain("opener-headline", span, "headline opens an article" + (
                    " (after a short untitled text, which has no headline for a subhead to stand under)"
                    if fragment else ""))
            elif len(group) > 1 and all(len(g.lines) == 1 and g.starts_block for g in group) and \
                    not any(word_across(a.lines[-1].text, b.lines[0].text, page) for a, b in zip(group, group[1:])):
                # one-line heads each in its own block, stacked: one heads the text that
                # follows, the others are headlines printed apart from their articles. The
                # subhead is the one least like a headline of the untitled articles so far
                # (the one whose words they take up least); the first on a tie
                if nxt is not None and nxt.kind is Kind.TEXT:
                    untitled = ["".join(ln.text for q in d.body for ln in q.lines)
                                for d in drafts if not d.heads and d is not cur and d.body
                                and abs(d.body[0].lines[0].no - p.lines[0].no) <= PAGE_LINES]
                    likeness = [max((titles.coverage(inline_text(g.lines), u) for u in untitled), default=0.0)
                                for g in group]
                    k = likeness.index(min(likeness))
                    cur.body.append(Piece(Kind.HEAD, group[k].lines, group[k].block))
                    explain("subhead", group[k].span, "of stacked heads over the text, the one least like an "
                                                      "untitled article's headline is a subhead")
                    group = group[:k] + group[k + 1:]
                stacked = [ln for g in group for ln in g.lines]
                drafts.append(Draft(heads=stacked, head_sizes=[1] * len(stacked)))
                explain("headline-stack", (stacked[0].no, stacked[-1].no), "stacked one-line heads inside an "
                                                                           "article are headlines printed apart")
            else:
                # a subhead, set in one block or broken inside a word across two; head
                # blocks printed one after another with no word across them are two heads
                _add_subheads(cur, head_runs(group, page), explain,
                              "short unpunctuated line inside an article is a subhead" + (
                                  f" (as a new article it scores {topic[2]:.2f}; opens from {NEW_TOPIC_MIN})"
                                  if topic is not None else ""))
        elif p.kind is Kind.BYLINE:
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            # a character alone, in its own block, completes a name begun by another one
            # alone: the layout broke the name apart (徐方平 高 … 静: 高静); so do several
            # printed one after another (a byline set vertically or spaced wide: 本 … 报记者卢梦琪)
            # where all of them together spell a byline
            pending = _name_begun(drafts, p) if p.starts_block and all(map(name_fragment, p.lines)) else None
            if pending is not None:
                begun = pending.byline[-1].no
                pending.byline = pending.byline + list(p.lines)
                explain("name-completed", p.span, f"{'a character' if len(p.lines) == 1 else 'characters'} "
                                                  f"alone complete the name begun at line {begun}")
            elif cur is not None and not cur.byline and not cur.body and not cur.closed:
                cur.byline = list(p.lines)
            elif cur is not None and cur.byline and len(inline_text(cur.byline)) == 1 and not cur.closed:
                cur.byline = cur.byline + list(p.lines)
                explain("name-continued", p.span, "the rest of a byline the layout broke apart")
            elif cur is not None and cur.byline and len(p.lines) == 1 and name_fragment(p.lines[0]) and \
                    not (cur.body and cur.body[-1].kind is Kind.TEXT and ends_sentence(cur.body[-1].lines[-1].text)):
                # a character alone is no author: the start of a second name of the article
                # before it, completed further on; set into its text, it interrupts a
                # sentence (after a sentence's end it is the byline of the next article)
                cur.byline = cur.byline + list(p.lines)
                explain("name-begun", p.span, "a character alone begins a second name of the article's byline")
            elif cur is not None and cur.closed and cur.closed_by_author and not cur.byline and \
                    len(p.lines) == 1 and name_shaped(p.lines[0]) and \
                    (nxt is None or nxt.kind is not Kind.HEAD):
                cur.byline = list(p.lines)
                explain("byline-after-author-line", p.span,
                        "a name right after an article closed by its author line is that article's byline")
            elif cur is not None and not cur.heads and not cur.byline and not cur.dateline and cur.body and \
                    cur.body[-1].kind is Kind.TEXT and ends_sentence(cur.body[-1].lines[-1].text) and \
                    len(p.lines) == 1 and name_shaped(p.lines[0]):
                cur.byline = list(p.lines)
                cur.closed = True
                explain("byline-after-untitled", p.span,
                        "a name right after the end of an article with neither headline nor byline is its byline")
            else:
                cur = Draft(byline=list(p.lines))
                drafts.append(cur)
                explain("opener-byline", p.span, "a byline opens an article")
        else:
            first = p.lines[0]
            m = DATELINE_RE.match(first.text)
            if m and p.starts_block:
                if cur is None or cur.body or cur.closed or cur.dateline:
                    cur = Draft()
                    drafts.append(cur)
                    explain("opener-dateline", first.no, f"dateline {m.group(1)} opens an article")
                cur.dateline = m.group(1)
                cur.dateline_line = first.no
                rest = first.text[m.end():].strip()
                p = replace(p, lines=((Line(first.no, first.raw, rest, opens=first.opens),) if rest else ()) + p.lines[1:])
                if not p.lines:
                    i += 1
                    continue
            elif cur is None or cur.closed:
                cur = Draft()
                drafts.append(cur)
                explain("untitled-article", p.span, "text with no opener starts an untitled article")
            elif p.starts_block and cur.body and CREDIT_OPEN_RE.match(first.text):
                cur = Draft()
                drafts.append(cur)
                explain("opener-credit", p.span, "text opening with a reporter's credit (（记者 …）) is a news "
                                                 "item's lede: it opens an article")
            elif why := _new_measure(p, cur, column):
                cur = Draft()
                drafts.append(cur)
                explain("measure-change", p.span, f"text set at another measure, after a sentence's end, "
                                                  f"starts an article: {why}")
            last = p.lines[-1]
            sm = SIGNOFF_RE.search(last.text)
            if sm and (sm.start() == 0 or last.text[:sm.start()].rstrip()[-1:] in "。！？”）"):
                cur.signoff = re.sub(r"\s+", "", sm.group(1))
                cur.signoff_line = last.no
                body_text = last.text[:sm.start()].rstrip()
                p = replace(p, lines=p.lines[:-1] + ((Line(last.no, last.raw, body_text, opens=last.opens),) if body_text else ()))
                cur.closed = True
                explain("closer-signoff", last.no, f"sign-off {cur.signoff} closes the article")
            author_open = _author_line_open(cur)  # an author line cut off, going on here
            if p.lines:
                cur.body.append(p)
            if (author_open or any(AUTHOR_START_RE.match(ln.text) for ln in p.lines)) and \
                    ends_sentence_or_bracket(p.lines[-1].text):
                cur.closed = cur.closed_by_author = True
                explain("closer-author", p.span, "author line （作者…） closes the article")
        i += 1
    return drafts


MEASURED_LINES = 3  # lines a block needs to show its measure


def _name_begun(drafts: list[Draft], p: Piece) -> Draft | None:
    """The draft whose byline ends in a character alone, near ``p`` (a byline piece of
    characters alone), that ``p`` completes: a single character completes any; several only
    where the run of characters alone they end spells a byline (:func:`.spells_byline`)."""
    at = p.lines[0].no
    d = next((d for d in reversed(drafts) if d.byline and name_fragment(d.byline[-1])
              and abs(d.byline[-1].no - at) <= PAGE_LINES), None)
    if d is None or len(p.lines) == 1:
        return d
    begun = len(d.byline)
    while begun and name_fragment(d.byline[begun - 1]):
        begun -= 1
    return d if spells_byline(inline_text([*d.byline[begun:], *p.lines])) else None


#: the most of its character pairs a block set in the column may share with the article set
#: across columns before it and be another article's (:func:`_new_measure`). On generated
#: pages (seeds 700-1299 and a pool of wire stories), of 176 such blocks of the same article
#: 3 shared under 5% (the others 7% or more), of 28 of another article 17 did
FOREIGN_NARROW = 0.05


def _new_measure(p: Piece, cur: Draft, column: float, in_block: bool = False) -> str:
    """Whether text block ``p`` starts another article than ``cur`` by its measure: text
    set in the page's ``column`` does not go on across columns (a lede across columns comes
    first, over the column text), so a block set more than three ems wider than every block
    of an article set in the column so far, after a sentence's end, is another article's.
    (An article set across columns may widen further: beside a picture or a headline it
    is set narrower.) Column text after an article set across columns, three ems narrower
    than all of it, is that article's body under its lede, which takes up the body's words,
    or another article: it is another where it shares under FOREIGN_NARROW of its character
    pairs with that article's text. With ``in_block``, ``p`` may stand in the block of the
    head over it. Returns what was measured where it starts another article, else ""."""
    if not (p.starts_block or in_block) or len(p.lines) < MEASURED_LINES:
        return ""
    texts = [q for q in cur.body if q.kind is Kind.TEXT]
    if not texts or not ends_sentence(texts[-1].lines[-1].text):
        return ""
    before = [measure(list(q.lines)) for q in texts if len(q.lines) >= MEASURED_LINES]
    if not before:
        return ""
    w = measure(list(p.lines))
    if min(before) > column + WIDE_GAP and w < min(before) - WIDE_GAP:
        theirs = titles.text_pairs(text_of(p))
        shared = len(theirs & titles.text_pairs(draft_text(cur))) / max(1, len(theirs))
        return (f"{w:.1f} ems, under an article set across columns at {min(before):.1f} or more, sharing "
                f"{shared:.0%} of its character pairs with it (another article under {FOREIGN_NARROW:.0%})"
                if shared < FOREIGN_NARROW else "")
    if max(before) <= column + WIDE_GAP and w > max(before) + WIDE_GAP:
        return f"{w:.1f} ems, after column text set at {max(before):.1f} at most"
    return ""


def word_across(left: str, right: str, page: PageText) -> bool:
    """Whether a word runs across the end of line ``left`` into line ``right``: the lexicon
    knows one, or the page prints four characters or more across the join elsewhere
    (促科技⏎创新: 科技创新)."""
    return bool(lexicon.join_score(left, right)) or page.continuity(left, right) >= 2


def _heads_what_follows(lines: list[Line], before: Draft, after: list[Piece]) -> bool:
    """Whether head ``lines`` printed after a closed article take up the words of the text
    printed after them (up to the next head) clearly more than the closed article's: a
    headline goes with the text whose words it takes up, printed after that text or over it."""
    mine, theirs = titles.covers(lines, draft_text(before)), titles.covers(lines, _text_up_to_head(after))
    return theirs >= titles.MIN_COVER and theirs >= mine + titles.MARGIN


# The weights of a head's score for opening a new article inside another (:class:`NewTopicEvidence`),
# fitted, not set by hand: each head printed after a sentence's end inside an article, on
# generated pages, is labelled by whether the text under it is another truth article's than
# the text before it, and a logistic regression gives the weights
# (``benchmarks/regroup_weights.py`` refits them). Refitted in session 42 on pages made from
# two pools of texts (seeds 700-1099 of pagegen's pool and 8000-8199 of a pool of eleven
# other public texts, 2,003 heads): fitted on one pool alone, the length terms learn that
# pool's articles (its one essay whose short lede stands over a first subhead sharing few of
# its words) and read short news items of other texts as one article. The head's own length
# is no term: it spoke for a headline in one pool and against it in the other (whose essays'
# subheads run to 40 characters), which states no principle.
NEW_TOPIC_BIAS = -2.30
NEW_TOPIC_HELD = -2.10  # per unit of the share of the head's character pairs the text before holds
NEW_TOPIC_NEWS = 1.35  # the text under it opens as a news lede, with when it happened
NEW_TOPIC_SHARED = -9.77  # per unit of the share of the text's pairs under it the text before holds
NEW_TOPIC_BEFORE = 0.82  # per unit of the log of the text before's length (a long text holds more pairs) ...
NEW_TOPIC_AFTER = -0.27  # ... and of the text under it
NEW_TOPIC_SUBHEADS = -0.02  # per subhead the article holds so far (SUBHEADS_SEEN at most): a feature has several
NEW_TOPIC_MIN = 0.0
SUBHEADS_SEEN = 2  # subheads counted at most: a third says no more than a second
NEW_TOPIC_TEXT = 100  # the least text (characters) before it for the words it lacks to say anything


def head_runs(group: list[Piece], page: PageText) -> list[list[Piece]]:
    """Head pieces printed one after another, cut into heads: one set in one block or
    broken inside a word across two; blocks with no word across them are two heads."""
    runs = [[group[0]]]
    for g in group[1:]:
        if g.starts_block and not word_across(runs[-1][-1].lines[-1].text, g.lines[0].text, page):
            runs.append([g])
        else:
            runs[-1].append(g)
    return runs


def breaks_numbering(heads: list[Line], d: Draft) -> bool:
    """Whether article ``d`` numbers its subheads (each one, one style: 一、, （一）, 1.) and
    head ``heads`` has no number: an article numbers every subhead or none."""
    held = subhead_numbers(d)
    return bool(held) and None not in held and len({n[0] for n in held}) == 1 \
        and section_number(spaceless_text(heads)) is None


def continues_numbers(heads: list[Line], d: Draft) -> bool:
    """Whether head ``heads`` opens with the number after one a subhead of article ``d``
    opens with, in the same style, which no subhead of ``d`` has yet (四、 after 三、)."""
    number = section_number(spaceless_text(heads))
    if number is None:
        return False
    held = subhead_numbers(d)
    return (number[0], number[1] - 1) in held and number not in held


def numbered_after_first(heads: list[Line]) -> bool:
    """Whether head ``heads`` opens with a number after the first (二、, （三）): a subhead,
    which divides an article and heads none."""
    number = section_number(spaceless_text(heads))
    return number is not None and number[1] > 1


def subhead_numbers(d: Draft) -> list[tuple[int, int] | None]:
    """The number each subhead of article ``d`` opens with (None where it has none)."""
    return [section_number(text_of(p)) for p in d.body if p.kind is Kind.HEAD]


def _new_topic_from(group: list[Piece], page: PageText, cur: Draft, after: list[Piece],
                    column: float) -> tuple[int | None, list[list[Piece]], float, str] | None:
    """Whether head pieces ``group``, printed one after another inside article ``cur``
    after a sentence's end, open a new article: (k, the group cut into heads, the score, the
    runner-up's description) when the heads from the k-th on do (k None when none do: the
    best score, below NEW_TOPIC_MIN, then says by how much), None where nothing was weighed
    (no sentence's end before them, too little text so far). All of them, or the last ones
    when the heads before share ``cur``'s words (its subheads, printed over the new
    headline); of the ways to cut them, the best scored. A subhead is about part of
    its article and its section shares the article's vocabulary, so the evidence
    (:class:`NewTopicEvidence`) weighs against a new article the head's words the text so
    far takes up and the words the text under it shares with it; for it, text under it that
    opens as a news lede (with when it happened: a section of a feature seldom does). Too
    little text so far (NEW_TOPIC_TEXT) says nothing. Text under them set at
    another measure (:func:`_new_measure`: a section is set in its article's column) opens
    one whatever the words."""
    last = next((p for p in reversed(cur.body) if p.kind is Kind.TEXT), None)
    if last is None or not ends_sentence(last.lines[-1].text):
        return None
    before = draft_text(cur)
    if len(before) < NEW_TOPIC_TEXT:
        return None
    runs = head_runs(group, page) if len(group) > 1 else [group]
    # the text under the heads and what it shares with the text so far: the same for every cut
    text = _text_up_to_head(after)
    subheads = sum(1 for p in cur.body if p.kind is Kind.HEAD)
    mine = titles.text_pairs(text)
    shared = len(mine & titles.text_pairs(before)) / max(1, len(mine))
    # each way to cut the heads scored: the runs from the k-th on head the text under them,
    # those before (which the article's text must take up: its subheads) stay in it
    scored: list[tuple[float, int]] = []
    for k in range(len(runs)):
        if k and titles.covers(_lines_of(runs[:k]), before) < titles.MIN_COVER:
            break
        scored.append((new_topic_evidence(_lines_of(runs[k:]), before, text, shared, subheads + k).score(), -k))
    scored.sort(reverse=True)
    (score, k), others = scored[0], scored[1:]
    if breaks_numbering(_lines_of(runs), cur):
        # an article that numbers its subheads numbers every one: an unnumbered head after
        # them heads another article
        return 0, runs, max(score, NEW_TOPIC_MIN), "staying subheads (unnumbered, under numbered subheads)"
    under = next((p for p in after if p.kind is Kind.TEXT), None)
    if under is not None and after.index(under) < 2 and _new_measure(under, cur, column, in_block=True):
        return 0, runs, max(score, NEW_TOPIC_MIN), "staying subheads (the text under them set at another measure)"
    if score < NEW_TOPIC_MIN:
        return None, runs, score, ""
    runner = f"the heads from block {-others[0][1] + 1} on ({others[0][0]:.2f})" if others else "staying subheads"
    return -k, runs, score, runner


def _after_fragment(d: Draft) -> bool:
    """Whether article ``d`` is a short untitled text that ends a sentence: a piece printed
    apart from its article (less than NEW_TOPIC_TEXT characters, no headline, byline or
    dateline). A subhead divides an article under its headline; a head printed after such
    a piece has none to stand under: it opens an article (the piece may still join its own
    article by its words, :func:`.regroup.merge_by_affinity`)."""
    last = d.body[-1] if d.body else None
    return not has_opener(d) and last is not None and last.kind is Kind.TEXT \
        and ends_sentence(last.lines[-1].text) and len(draft_text(d)) < NEW_TOPIC_TEXT


def _lines_of(runs: list[list[Piece]]) -> list[Line]:
    """The lines of head ``runs`` (each a list of head pieces), in order."""
    return [ln for run in runs for g in run for ln in g.lines]


def _add_subheads(cur: Draft, runs: list[list[Piece]], explain: Explain, why: str) -> None:
    """Each of head ``runs`` as a subhead at the end of ``cur``'s body."""
    for run in runs:
        sub = _lines_of([run])
        cur.body.append(Piece(Kind.HEAD, sub, run[0].block))
        explain("subhead", (sub[0].no, sub[-1].no), why)


@dataclass(frozen=True)
class NewTopicEvidence:
    """What speaks for and against a head printed inside an article, after a sentence's
    end, opening a new article: the terms of its score."""

    held: float  # the share of the head's character pairs the article's text so far holds
    news: bool  # the text under it opens as a news lede (NEWS_LEDE_RE)
    shared: float  # the share of the character pairs of the text under it the text so far holds
    before: int  # the characters of the article's text so far
    after: int  # of the text under it (up to the next head)
    subheads: int = 0  # the subheads the article holds so far (SUBHEADS_SEEN at most)

    def score(self) -> float:
        return (NEW_TOPIC_BIAS + NEW_TOPIC_HELD * self.held + (NEW_TOPIC_NEWS if self.news else 0.0)
                + NEW_TOPIC_SHARED * self.shared + NEW_TOPIC_BEFORE * math.log(self.before + 1)
                + NEW_TOPIC_AFTER * math.log(self.after + 1)
                + NEW_TOPIC_SUBHEADS * self.subheads)


def new_topic_evidence(lines: list[Line], before: str, text: str, shared: float,
                       subheads: int = 0) -> NewTopicEvidence:
    """The evidence for head ``lines``, printed inside an article whose text so far is
    ``before`` and that holds ``subheads`` subheads so far, over ``text`` (up to the next
    head), of whose character pairs ``before`` holds the share ``shared``."""
    news = bool(NEWS_LEDE_RE.match(text) or CREDIT_OPEN_RE.match(text))
    return NewTopicEvidence(titles.covers(lines, before), news, shared, len(before), len(text),
                            min(subheads, SUBHEADS_SEEN))


def _text_up_to_head(pieces: list[Piece]) -> str:
    """The text of ``pieces`` up to the first head, spaces removed."""
    out = []
    for p in pieces:
        if p.kind is Kind.HEAD:
            break
        if p.kind is Kind.TEXT:
            out.append(text_of(p))
    return "".join(out)


NEWS_ITEMS = 2  # articles opening with a dateline, at least, on a page of news items


def among_news_items(drafts: list[Draft]) -> bool:
    """Whether ``drafts`` hold a page's news items: NEWS_ITEMS or more open with a dateline
    (本报讯 …), each closing with its sign-off."""
    return sum(bool(d.dateline) for d in drafts) >= NEWS_ITEMS


def draft_text(d: Draft) -> str:
    """An article's text, spaces removed (what its headline's words are looked up in)."""
    return "".join(text_of(p) for p in d.body if p.kind is Kind.TEXT)


def lede(d: Draft) -> list[Piece]:
    """An article's lede, what it is about: its first paragraph, the text pieces from the
    start of its body up to the first that ends a sentence (none when a head opens it)."""
    out: list[Piece] = []
    for p in d.body:
        if p.kind is not Kind.TEXT:
            break
        out.append(p)
        if ends_sentence(p.lines[-1].text):
            break
    return out


def _author_line_open(d: Draft) -> bool:
    """Whether ``d``'s text ends in an author line not yet closed (（作者单位：湖北省中国特色
    …, its bracket closed in the piece read after it)."""
    last = next((p for p in reversed(d.body) if p.kind is Kind.TEXT), None)
    if last is None:
        return False
    at = next((k for k in range(len(last.lines) - 1, -1, -1) if AUTHOR_START_RE.match(last.lines[k].text)), None)
    return at is not None and not any(ln.text.rstrip().endswith("）") for ln in last.lines[at:])


def ends_sentence_or_bracket(t: str) -> bool:
    return t.rstrip().endswith("）") or ends_sentence(t)
