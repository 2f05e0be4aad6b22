"""Stage 9, placement: the page's headlines matched to its texts as a whole.

Each earlier stage places a headline by what it sees around it: the head printed over a
text heads it unless that text takes up clearly more of another head's words. Two essays'
headlines (each with its byline) printed over each other's columns pass every such local
test: each text has a headline, and none is left over. Once the articles are built, every
headline is weighed against every text: how much of the headline's words the text takes up
(:func:`.titles.coverage`), plus STAY for the text it was printed with (where a headline is
printed says something too), and the assignment with the largest total for the page
(:func:`.assignment.best_assignment`) decides. A headline that moves takes its kicker and
subtitle, and the byline printed under it.
"""
from __future__ import annotations

from dataclasses import replace

from convertkit.model import Article, plain

from .assignment import Join, best_assignment
from .placement import paras_of
from .rules import Explain, Stage, register
from .titles import coverage

register(Stage.PLACEMENT, {
    "headline-assignment": "the page's headlines and texts are matched as a whole: each headline goes to the text "
                           "that takes up its words, where the page's total is largest (the text it was printed "
                           "with counts STAY more)",
})

STAY = 0.3  # of a headline's cover: what being printed over a text says for it
BYLINE_UNDER = 2  # lines at most between a headline and the byline printed under it
MAX_HEADLINES = 60  # a printed page holds a few dozen at most; the matching costs their square


def assign_headlines(articles: list[Article], explain: Explain) -> list[Article]:
    """``articles`` with their headlines (kicker, headline and subtitle together, and the
    byline printed right under them) moved to the texts the page's best assignment gives
    them (a headline printed over no text competes too); unchanged where every headline
    stays."""
    texts = [_text(a) for a in articles]
    titled = [i for i, a in enumerate(articles) if plain(a.headline)]  # (a headline over no text too)
    if not 2 <= len(titled) <= MAX_HEADLINES:
        return articles  # (a list of more headlines than a page prints is left as read: the work stays bounded)
    heads = {i: "".join(plain(articles[i].headline).split()) for i in titled}
    # (a text under a kicker or subtitle alone, whose headline is printed apart, takes none:
    # they would be lost)
    open_ = [j for j, (a, t) in enumerate(zip(articles, texts))
             if t and (plain(a.headline) or not (plain(a.kicker) or plain(a.subtitle)))]
    joins = [Join(i, j, coverage(heads[i], texts[j]) + (STAY if i == j else 0.0), False, 0.0)
             for i in titled for j in open_]
    chosen = {jn.end: jn for jn in best_assignment(joins)}
    moves = {i: jn.start for i, jn in chosen.items() if jn.start != i}
    if not moves or any(texts[i] and i not in chosen for i in titled):
        return articles  # (a headline over text that no text takes would be lost: the page stays as read)
    gets = {j: i for i, j in moves.items()}
    # the byline printed under a headline goes with it, to a text whose own byline is free
    # to go (none, or one that goes with its own headline): no name is dropped
    carried = {i for i in titled if _byline_under(articles[i])}
    while True:  # (until it settles: a byline that stays blocks the one that would replace it)
        free = {i for i in carried if i not in moves or not plain(articles[moves[i]].byline)
                or (moves[i] in moves and moves[i] in carried)}
        if free == carried:
            break
        carried = free
    total = sum(jn.score for jn in chosen.values())
    printed = sum(coverage(heads[k], texts[k]) + STAY for k in chosen if texts[k])
    out = list(articles)
    for k in sorted(set(moves) | set(gets)):
        src = articles[gets[k]] if k in gets else None  # the headline it takes, if any
        if src is not None and gets[k] in carried:
            signer = src  # the byline printed under that headline comes with it
        elif k in moves and k in carried:
            signer = None  # its own went with its headline
        else:
            signer = articles[k]
        out[k] = _retitled(articles[k], src, signer)
    for i, j in sorted(moves.items()):
        a = articles[i]
        explain("headline-assignment", (a.part("headline") or a.source).start,
                f"{plain(a.headline)}: the text at line {articles[j].source.start} takes up "
                f"{coverage(heads[i], texts[j]):.0%} of its words, the text printed under it "
                f"{coverage(heads[i], texts[i]):.0%}: the page's headlines total {total:.2f} so, "
                f"{printed:.2f} as printed")
    # an article left with nothing (a headline printed over no text, gone to its text) is none
    return [a for a in out if plain(a.headline) or a.blocks or plain(a.byline) or plain(a.dateline)
            or plain(a.signoff)]


def _retitled(a: Article, src: Article | None, signer: Article | None) -> Article:
    """``a`` with the kicker, headline and subtitle of ``src`` (none where None) and the
    byline of ``signer`` (none where None), and their source lines."""
    titles = ("kicker", "headline", "subtitle")
    parts = tuple((k, s) for k, s in a.parts if k not in titles + ("byline",))
    parts += tuple((k, s) for k, s in src.parts if k in titles) if src is not None else ()
    parts += tuple((k, s) for k, s in signer.parts if k == "byline") if signer is not None else ()
    return replace(a, kicker=src.kicker if src else (), headline=src.headline if src else (),
                   subtitle=src.subtitle if src else (), byline=signer.byline if signer else (), parts=parts)


def _byline_under(a: Article) -> bool:
    """Whether ``a``'s byline is printed right under its headline (or its subtitle)."""
    by = a.part("byline")
    last = a.part("subtitle") or a.part("headline")
    return by is not None and last is not None and 0 < by.start - last.end <= BYLINE_UNDER


def _text(a: Article) -> str:
    """An article's paragraphs' text, spaces removed (what a headline's words are looked up in)."""
    return "".join("".join(plain(p.content) for p in paras_of(a.blocks)).split())
