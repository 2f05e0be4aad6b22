"""Stage 5, articles: text that reads as another article's, by each article's own words.

An article keeps to its subject, and its words recur: each article of a page is a model of
the character pairs its text and heads use, smoothed toward the rest of the page's. A block
that opens a paragraph went into its article only because pdftotext printed it there
(nothing before it leaves a sentence open into it); where its text is far likelier under
another article's model than under its own, it is that article's, printed among the other's
columns. Likelihood, not a share of pairs held: it counts how often each pair recurs, and
what the other article never says counts against it, so two essays that share a page's
political vocabulary still differ in what they say most.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .articles import Draft
from .lines import HAN_RUNS
from .order import paragraphs_apart
from .pieces import Kind, Piece, after_printed_before, author_piece, opens_paragraph, text_of
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "reads-as-another": "a block placed by print order alone whose words are far likelier in another article's "
                        "text than in its own is that article's",
})

#: the least gain in mean log-likelihood per character pair (nats) that moves a run, on a page
#: that sets its paragraphs apart (each paragraph a block of its own: a run is one paragraph,
#: whose words are one point's): chosen on generated development pages (700-1299), where
#: every block it moved at 0.75 was moved right; at 0.5 as many moved wrongly as rightly (on
#: `local` pages, of the runs 0.5-0.75 likelier elsewhere 91 stood in their own article, 18 not)
MARGIN = 0.75
#: ... and where paragraphs run on in their columns (a block is a column's piece, a run
#: several paragraphs, median 520 characters against 130): on 700-1299's `rmrb` pages, of the
#: runs 0.5-0.75 likelier elsewhere none stood in their own article, of those 0.25-0.5 a
#: third; 0.3-0.4 read the development sets best, 0.4 with the fewest pages worse (session 52)
MARGIN_COLUMNS = 0.4
MIN_PAIRS = 40  # the least character pairs of text a block needs for its words to say anything
MIN_MODEL = 20  # the least pairs an article needs to be a model at all
SMOOTHING = 0.5  # pseudo-counts per pair the page knows, spread as the rest of the page uses them
MOVES = 24  # blocks at most move on one page (each move changes two models)


def pairs_of(text: str) -> Counter[str]:
    """How often each pair of adjacent Han characters occurs in ``text``."""
    return Counter(run[k:k + 2] for run in text.translate(HAN_RUNS).split() for k in range(len(run) - 1))


@dataclass(frozen=True)
class Reading:
    """How likely a block's text is in the article it stands in and in the likeliest other
    (``target``): mean log-likelihood per character pair, and the runner-up's, the next
    likeliest other article (its own where there is no third)."""

    own: float
    best: float
    target: int
    runner_up: float

    @property
    def margin(self) -> float:
        return self.best - self.own


class PageModels:
    """The character-pair counts of each article of a page (text and heads) and of the
    whole page, kept up to date as blocks move."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.counts = [self._count(d) for d in drafts]
        self.sizes = [sum(c.values()) for c in self.counts]
        self.page: Counter[str] = Counter()
        for c in self.counts:
            self.page.update(c)
        self.size = sum(self.sizes)
        self.kinds = len(self.page) + 1

    def _count(self, d: Draft) -> Counter[str]:
        c = pairs_of("".join("".join(ln.text.split()) for ln in d.heads))
        c.update(self.pairs(d.body))
        return c

    @staticmethod
    def pairs(pieces: list[Piece]) -> Counter[str]:
        """The pairs of the text pieces of ``pieces``, each piece counted on its own (a pair
        across two pieces is no pair of the text where they are printed apart)."""
        c: Counter[str] = Counter()
        for p in pieces:
            if p.kind is Kind.TEXT:
                c.update(pairs_of(text_of(p)))
        return c

    def log_likelihood(self, pairs: Counter[str], j: int, holds: bool = False) -> float:
        """The log-likelihood of ``pairs`` under article ``j``'s model (less ``pairs``
        themselves where ``holds``: the text stands in it), each pair's count smoothed
        toward the rest of the page (the page less ``pairs``: a text must not vouch for
        itself)."""
        total = sum(pairs.values())
        model, n = self.counts[j], self.sizes[j] - (total if holds else 0)
        prior, n_rest = SMOOTHING * self.kinds, self.size - total
        return math.fsum(c * math.log((model[b] - (c if holds else 0)
                                       + prior * (self.page[b] - c + 1) / (n_rest + self.kinds)) / (n + prior))
                         for b, c in pairs.items())

    def reading(self, pairs: Counter[str], i: int) -> Reading | None:
        """How likely ``pairs``, now in article ``i``, are there and in each other article."""
        total = sum(pairs.values())
        own = self.log_likelihood(pairs, i, holds=True) / total
        others = sorted(((self.log_likelihood(pairs, j) / total, j) for j in range(len(self.counts))
                         if j != i and self.sizes[j] >= MIN_MODEL), reverse=True)
        if not others:
            return None
        runner_up = others[1][0] if len(others) > 1 else own
        return Reading(own, others[0][0], others[0][1], runner_up)

    def move(self, pairs: Counter[str], i: int, k: int) -> None:
        total = sum(pairs.values())
        self.counts[i].subtract(pairs)
        self.counts[k].update(pairs)
        self.sizes[i] -= total
        self.sizes[k] += total


def _units(d: Draft) -> list[list[Piece]]:
    """The runs of ``d``'s body that print order alone put there: a text block, not its
    article's first, that opens a paragraph, with the text pieces after it that go on
    from it (up to the next head or block that opens a paragraph). An author line says who
    wrote, not what about: a run holding one stays."""
    units: list[list[Piece]] = []
    seen_text = False
    cur: list[Piece] | None = None
    for p in d.body:
        if p.kind is not Kind.TEXT:
            cur = None
            continue
        if opens_paragraph(p) and seen_text:
            cur = [p]
            units.append(cur)
        elif cur is not None:
            cur.append(p)
        seen_text = True
    return [u for u in units if author_piece(u) is None]


def move_by_words(drafts: list[Draft], explain: Explain) -> None:
    """Each run that print order alone put in its article (:func:`_units`) and whose text
    is likelier (mean log-likelihood per pair) in another article by MARGIN, or by
    MARGIN_COLUMNS where the page's paragraphs run on in their columns (a run is then a
    column's piece, several paragraphs, not one), goes there, at its print place among that
    article's text; the clearest first, the models then weighed again. Drafts are changed
    in place."""
    if len(drafts) < 2 or not any(sum(PageModels.pairs(unit).values()) >= MIN_PAIRS
                                  for d in drafts for unit in _units(d)):
        return  # (no run has words enough to weigh: the page's models go uncounted)
    models = PageModels(drafts)
    margin = MARGIN if paragraphs_apart([p for d in drafts for p in d.body]) else MARGIN_COLUMNS
    moved: set[int] = set()
    while len(moved) < MOVES:
        found: tuple[float, int, list[Piece], Counter[str], Reading] | None = None
        for i, d in enumerate(drafts):
            for unit in _units(d):
                if id(unit[0]) in moved:
                    continue
                pairs = models.pairs(unit)
                if sum(pairs.values()) < MIN_PAIRS:
                    continue
                r = models.reading(pairs, i)
                if r is not None and r.margin >= margin and (found is None or r.margin > found[0]):
                    found = (r.margin, i, unit, pairs, r)
        if found is None:
            return
        _, i, unit, pairs, r = found
        for p in unit:
            drafts[i].body.remove(p)
        _insert_by_print_place(drafts[r.target], unit)
        models.move(pairs, i, r.target)
        moved.add(id(unit[0]))
        explain("reads-as-another", (unit[0].lines[0].no, unit[-1].lines[-1].no),
                f"log-likelihood per pair {r.best:.2f} in the article at index {r.target}, {r.own:.2f} in its own "
                f"(margin {r.margin:.2f}, moves from {margin}); runner-up {r.runner_up:.2f}")


def _insert_by_print_place(d: Draft, unit: list[Piece]) -> None:
    """Put ``unit`` into ``d``'s body after the last text piece printed before it, or before
    its first text piece where none was (at the end where it has none)."""
    at = after_printed_before(d.body, unit[0].lines[0].no)
    if at is None:
        at = next((k for k, p in enumerate(d.body) if p.kind is Kind.TEXT), len(d.body))
    d.body[at:at] = unit
