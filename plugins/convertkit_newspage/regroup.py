"""Stage 5, untitled text joined by its words: the articles as openers and closers cut them
(:mod:`.articles`) leave text with no headline, byline or dateline of its own, printed apart
from its article (a column that goes on elsewhere, a lede under a headline printed after its
body). Such text joins the article whose vocabulary it shares, where the evidence scores high
enough, at the place its print order gives it. The places shared with sections printed apart
(:mod:`.sectionsapart`) are here too: nothing goes after an article's author line, and text
keeps its print order at an article's end. (A block printed inside a news item is
:mod:`.items`; what the headlines' words say, :mod:`.byheadlines`.)"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from . import titles
from .articles import PAGE_LINES, Draft, among_news_items, draft_text, lede
from .lines import Line, ends_sentence
from .order import MAX_MEASURE_GAP, page_column
from .pieces import Kind, Piece, after_printed_before, author_piece, opens_paragraph
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "merged-by-affinity": "untitled text joins the article it has the most affinity with where the evidence "
                          "(the words only it shares, its headline's and lede's, printed after its sign-off) "
                          "scores high enough",
    "untitled-apart": "untitled text whose evidence for joining an article scores too low stays an article",
})

# The weights of untitled text's score for joining an article (:class:`MergeEvidence`),
# fitted, not set by hand: each untitled text of generated development pages (seeds
# 700-1299, 522 of them) is labelled by whether it is mostly the truth article of the
# article it has the most affinity with, and a logistic regression gives the weights
# (``benchmarks/regroup_weights.py`` refits them); MERGE_MIN, the least score that joins it,
# was then chosen on the same pages' whole-page figures.
MERGE_BIAS = 0.37
MERGE_MARGIN = 1.17  # per unit of affinity above the next article's
MERGE_SHARED = 3.98  # per unit of the share of the text's character pairs the article holds
MERGE_COVER = 1.29  # per unit of the share of the article's headline pairs the text takes up
MERGE_AFTER_SIGNOFF = 1.80  # printed right after the article's sign-off (a news item's later column)
MERGE_LEDE = 1.60  # per unit of the share of the text's pairs the article's lede holds
MERGE_WAITING = -0.63  # the page holds a headline with no text: the text may be its article's
MERGE_AUTHOR = -1.85  # the text holds an author line: a whole article's end
MERGE_CLOSED = -1.14  # the article has ended (a sign-off or an author line)
MERGE_LENGTH = 0.21  # per unit of the log of the text's length ...
MERGE_TARGET_LENGTH = -0.31  # ... and of the article's
MERGE_LEAD = 2.0  # the article is a page's lead among dated news items (session 45; the fit gives 2.17)
#: the text is set at another measure than the article's (session 56: the weight of the refit
#: of 700-1099 with this term, the other weights kept, as for MERGE_LEAD; candidates decided
#: right 0.807 → 0.827 there, 0.834 → 0.838 on 1100-1299, refitted without the term and with)
MERGE_MEASURE = -1.32
MERGE_MIN = 1.0
_MEASURE_NOTE = "; set at another measure"


@dataclass(frozen=True)
class MergeEvidence:
    """What speaks for and against untitled text joining the article it has the most
    affinity with: the terms of its score."""

    margin: float  # its affinity with the article less its affinity with the next
    shared: float  # the share of its character pairs the article holds
    cover: float  # the share of the article's headline pairs it takes up
    after_signoff: bool  # printed right after the article's sign-off (a dated, signed item)
    lede: float  # the share of its pairs the article's lede holds
    waiting: bool  # the page holds a headline with no text under it
    author: bool  # it holds an author line
    closed: bool  # the article has ended
    length: int  # its characters
    target_length: int  # the article's
    lead: bool  # the article opens with no dateline among two or more dated news items
    other_measure: bool = False  # it is set at another measure than the article's (:func:`_other_measure`)

    def score(self) -> float:
        return (MERGE_BIAS + MERGE_MARGIN * self.margin + MERGE_SHARED * self.shared + MERGE_COVER * self.cover
                + (MERGE_AFTER_SIGNOFF if self.after_signoff else 0.0) + MERGE_LEDE * self.lede
                + (MERGE_WAITING if self.waiting else 0.0) + (MERGE_AUTHOR if self.author else 0.0)
                + (MERGE_CLOSED if self.closed else 0.0) + MERGE_LENGTH * math.log(self.length + 1)
                + MERGE_TARGET_LENGTH * math.log(self.target_length + 1) + (MERGE_LEAD if self.lead else 0.0)
                + (MERGE_MEASURE if self.other_measure else 0.0))


HEAD_WEIGHT = 0.3  # what the share of an article's headline pairs the text takes up adds to its affinity


def _bigrams(lines: list[Line]) -> set[str]:
    return titles.text_pairs("".join(ln.text for ln in lines))


def _lede_pairs(d: Draft) -> set[str]:
    """The character pairs of an article's lede (:func:`.articles.lede`)."""
    return _bigrams([ln for p in lede(d) for ln in p.lines])


def affinities(mine: set[str], text: str, articles: list[tuple[Draft, set[str]]]) -> list[float]:
    """How much text (its character pairs ``mine``, its ``text`` spaces removed) belongs
    with each of ``articles`` (each with its pairs): the share of its pairs the article
    holds, each pair weighted by how few of the articles hold it (what a page's articles all
    say tells none of them apart), plus HEAD_WEIGHT times the share of the article's
    headline pairs the text takes up (a headline names what its whole article is about)."""
    df = Counter(b for _, theirs in articles for b in theirs & mine)
    total = math.fsum(1.0 / df[b] for b in mine if df[b]) or 1.0
    return [math.fsum(1.0 / df[b] for b in mine & theirs) / total
            + HEAD_WEIGHT * (titles.covers(a.heads, text) if a.heads else 0.0) for a, theirs in articles]


class _Untitled:
    """The titled articles of a page, for weighing untitled text against them."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.titled = [d for d in drafts if d.heads or d.byline]
        self.starts = [_first_line(t) for t in self.titled]
        self.grams: dict[int, set[str]] = {}
        # a headline printed with no text under it awaits its article's text
        self.waiting = any(d.heads and not d.body for d in drafts)

    def evidence(self, n: int) -> tuple[int, float, float, MergeEvidence] | None:
        """For untitled draft ``n``: the titled article (its index in ``titled``) it has
        the most affinity with, that affinity, the next article's, and the evidence (None
        where the draft is titled, or fewer than two articles are near)."""
        d = self.drafts[n]
        if d.heads or d.byline or d.dateline or d.signoff or not d.body:
            return None
        at = _first_line(d)
        # only articles of the same printed page (within PAGE_LINES): linear in long inputs
        near = [k for k, start in enumerate(self.starts) if abs(start - at) <= PAGE_LINES]
        if len(near) < 2:
            return None
        mine = _bigrams([ln for p in d.body for ln in p.lines])
        for k in near:
            if k not in self.grams:
                t = self.titled[k]
                self.grams[k] = _bigrams(t.heads + [ln for p in t.body for ln in p.lines])
        text = draft_text(d)
        found = affinities(mine, text, [(self.titled[k], self.grams[k]) for k in near])
        (top, k), (runner, _) = sorted(zip(found, near), reverse=True)[:2]
        target = self.titled[k]
        return k, top, runner, MergeEvidence(
            top - runner, len(mine & self.grams[k]) / max(1, len(mine)),
            titles.covers(target.heads, text) if target.heads else 0.0,
            bool(n) and self.drafts[n - 1] is target and bool(target.dateline and target.signoff),
            len(mine & _lede_pairs(target)) / max(1, len(mine)), self.waiting,
            holds_author_line(d.body), ended(target), len(text), len(draft_text(target)),
            _the_lead(target, [self.titled[j] for j in near]), _other_measure(d, target))


def _other_measure(d: Draft, target: Draft) -> bool:
    """Whether ``d``'s text is set at another measure than ``target``'s: their text blocks'
    usual measures (:func:`.order.page_column`) more than MAX_MEASURE_GAP ems apart, as one
    column's never are (an article's text is set at one measure)."""
    mine, theirs = page_column(d.body), page_column(target.body)
    return bool(mine and theirs) and abs(mine - theirs) > MAX_MEASURE_GAP


def _the_lead(target: Draft, near: list[Draft]) -> bool:
    """Whether ``target`` opens with no dateline on a page where two or more articles of
    ``near`` (its titled articles) are news items that open with one (本报讯 …): a local
    page's lead (or a piece of it) among its items, whose texts open with their datelines,
    so untitled text, which has none, opens no item."""
    return not target.dateline and among_news_items(near)


def holds_author_line(body: list[Piece]) -> bool:
    """Whether an article's text (``body``) holds an author line (（作者为…）): a whole article's end."""
    return author_piece(body) is not None


def ended(d: Draft) -> bool:
    """Whether an article has ended: a sign-off or an author line closed it."""
    return bool(d.signoff or d.closed_by_author)


def _first_line(d: Draft) -> int:
    return min(ln.no for part in (d.heads, d.byline, *(p.lines for p in d.body)) for ln in part[:1])


def merge_evidence(drafts: list[Draft]) -> list[tuple[int, int, MergeEvidence]]:
    """Each untitled text in ``drafts`` that may join a titled article: its draft's index,
    the article's, and the evidence (what :func:`merge_by_affinity` weighs; its fit is
    ``benchmarks/regroup_weights.py``)."""
    page = _Untitled(drafts)
    found = [(n, page.evidence(n)) for n in range(len(drafts))]
    at = {id(d): j for j, d in enumerate(drafts)}
    return [(n, at[id(page.titled[f[0]])], f[3]) for n, f in found if f is not None]


def merge_by_affinity(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """Text with neither headline, byline nor dateline, on a page of titled articles, may
    be part of one of them printed apart (an intro set beside the headline stack, a column
    printed among other articles'): it joins the article it has the most affinity with
    where the evidence scores MERGE_MIN or more (:class:`MergeEvidence`: the affinity's
    margin over the next article, the share of its pairs the article holds, of the
    article's headline pairs it takes up and of its pairs the article's lede holds, being
    printed right after that article's sign-off (a news item's columns may be printed after
    the one that ends in it), less where the page holds a headline with no text, the text
    holds an author line or is set at another measure, or the article has ended). Affinity
    is the share of its pairs an article holds, each pair weighted by how few of the page's
    articles hold it (what they all say tells none apart), plus HEAD_WEIGHT times the share
    of the article's headline pairs it takes up. As its intro when that article starts with
    a subhead (it lacks its intro) or is printed after the text (its headline was set beside
    the first lines: inset); where an author line ends the article, before the text that
    line closes (nothing follows an author line); else at its end, before the text there
    printed after it (:func:`before_text_printed_after`)."""
    page = _Untitled(drafts)
    out: list[Draft] = []
    for n, d in enumerate(drafts):
        found = page.evidence(n)
        if found is None:
            out.append(d)
            continue
        k, top, runner, ev = found
        target = page.titled[k]
        span = (d.body[0].lines[0].no, d.body[-1].lines[-1].no)
        if ev.score() < MERGE_MIN:
            out.append(d)
            explain("untitled-apart", span, f"untitled text stays apart: with the article it has the most affinity "
                                            f"with, at line {(target.heads or target.byline)[0].no} (affinity "
                                            f"{top:.2f}, next best {runner:.2f}; {ev.shared:.0%} of its character "
                                            f"pairs{_MEASURE_NOTE if ev.other_measure else ''}), it scores "
                                            f"{ev.score():.2f} (joins from {MERGE_MIN})")
            continue
        if target.body and target.body[0].kind is Kind.HEAD or _first_line(d) < page.starts[k]:
            target.body[0:0] = d.body
            where = "as its intro"
        elif (at := _print_place(target, d, opens_paragraph(d.body[0]))) is not None:
            target.body[at:at] = d.body
            where = "at its print place, before the author line"
        elif (at := before_author_line(target, opens_paragraph(d.body[0]))) is not None:
            target.body[at:at] = d.body
            where = "before the text its author line closes"
        else:
            at = before_text_printed_after(target, d.body)
            where = "at its end" if at == len(target.body) else "at its end, before text printed after it"
            target.body[at:at] = d.body
        explain("merged-by-affinity", span, f"untitled text shares {ev.shared:.0%} of its character pairs with "
                                            f"the article at line {(target.heads or target.byline)[0].no}, affinity "
                                            f"{top:.2f} (next best {runner:.2f}), score {ev.score():.2f} (joins from "
                                            f"{MERGE_MIN}): put {where}")
    return out


def _print_place(target: Draft, d: Draft, opens: bool) -> int | None:
    """Where untitled ``d`` goes among the text of ``target``, an article an author line
    ends: after the last of its text pieces printed before ``d`` and before that line's
    piece (nothing follows an author line), cutting no sentence (:func:`_run_start`); None
    where the article has no author line or none of its text was printed before ``d``, and
    where the place is the article's start and ``d`` ``opens`` no paragraph."""
    author = author_piece(target.body)
    at = None if author is None else after_printed_before(target.body, _first_line(d), author)
    if at is None:
        return None
    at = _run_start(target, at)
    return at if at or opens else None


def _run_start(d: Draft, at: int) -> int:
    """Where text put at ``at`` in ``d``'s body goes so as to cut no sentence: before the run
    of text that leaves each sentence open into the next piece, and the subhead over it."""
    while at > 0 and d.body[at - 1].kind is Kind.TEXT and not ends_sentence(d.body[at - 1].lines[-1].text):
        at -= 1
    while at > 0 and d.body[at - 1].kind is Kind.HEAD:  # a subhead stays over its text
        at -= 1
    return at


def before_author_line(d: Draft, opens: bool = False) -> int | None:
    """Where text joining article ``d`` goes when an author line ends it (nothing follows an
    author line): before the run of text that ends in it, each piece of which goes on in
    the next (no sentence ends between them), and the subhead over it. Where that run is
    the whole article, the text goes before it all if it ``opens`` a paragraph (pdftotext
    printed the article's later columns first); None there for text that opens
    mid-sentence, which opens no article, and where there is no author line."""
    at = author_piece(d.body)
    if at is None:
        return None
    at = _run_start(d, at)
    return at if at or opens else None


def before_text_printed_after(target: Draft, pieces: list[Piece]) -> int:
    """Where ``pieces`` (a section, or untitled text) that go at the end of ``target`` go
    instead: before the run of text at target's end printed after their text (text put at
    the article's end earlier, printed later on the page: text keeps its print order), where
    that run opens a paragraph; never before the article's first piece (its lede), and not
    where the run reaches back to a subhead: that run is the text of a section, and a
    section's place among the others is not what print order says (the end stays)."""
    first = next((p for p in pieces if p.kind is Kind.TEXT), pieces[0]).lines[0].no
    body = target.body
    at = len(body)
    while at > 1 and body[at - 1].kind is Kind.TEXT and body[at - 1].lines[0].no > first:
        at -= 1
    if at and body[at - 1].kind is Kind.HEAD:
        return len(body)
    while at < len(body) and not ends_sentence(body[at - 1].lines[-1].text):
        at += 1  # a paragraph runs on into the run: the section goes after it
    return at
