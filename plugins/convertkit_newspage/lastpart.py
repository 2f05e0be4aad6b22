"""Stage 5, articles: last parts printed apart — the last part of a page's lead printed
among its news items, and an item's last part printed apart from it.

A page of news items (each opens with its dateline, 本报讯 …, and closes with a sign-off)
has one article of another kind, its lead: a byline over it, and, where it is an essay, an
author line (（作者为…）, （作者单位：…）) at the end of its last column. No item ends in an
author line. Where pdftotext printed the lead's last column among the items, the stages
before may leave it an article of its own: text with no byline, dateline or sign-off that
ends in an author line. On such a page it is the last part of the article with a headline
and byline, no dateline and no author line of its own, whose words it is likeliest in (the
page's word models, :class:`.wordmodel.PageModels`), clearly likelier than in any other:
it goes at that article's end, its head (if it has one) a subhead over it. An item's own
last part, closed by its sign-off, may be left so too, once its headline has gone to the
item's lede: it goes back to the item (:func:`join_signed_parts`).
"""
from __future__ import annotations

from collections.abc import Mapping

from .articles import Draft, among_news_items, draft_text, has_opener
from .pieces import Kind, author_piece, head_piece
from .rules import Explain, Stage, register
from .signoffs import names_province, province_named
from .wordmodel import MIN_PAIRS, PageModels

register(Stage.ARTICLES, {
    "last-part": "on a page of news items, text with no byline that ends in an author line is the last part of "
                 "the undated article with a byline whose words it is likeliest in",
    "signed-part": "text a sign-off closes, with no head, dateline or byline, is the last part of the one dated "
                   "item with no sign-off (that names the sign-off's province, where it names one)",
})

LEAD = 0.3  # nats a pair: how much likelier the article must be than the next candidate


def join_last_parts(drafts: list[Draft], explain: Explain, printed: Mapping[int, int] | None = None) -> list[Draft]:
    """On a page of news items (:func:`.articles.among_news_items`), each draft that may be
    an article's last part (:func:`_last_part`) goes at the end of the article with a
    headline and byline, no dateline, sign-off or author line, whose word model its text is
    likeliest in (mean log-likelihood per character pair), LEAD nats a pair likelier than in
    the next such article. Returns the drafts left; the articles that took a part are
    changed in place. ``printed``: each head line's printed block (:func:`.pieces.head_piece`)."""
    if not among_news_items(drafts):
        return drafts
    gone: set[int] = set()
    for i, d in enumerate(drafts):
        if not _last_part(d):
            continue
        targets = [k for k, a in enumerate(drafts) if k != i and k not in gone and a.heads and a.byline
                   and not (a.dateline or a.signoff) and draft_text(a) and author_piece(a.body) is None]
        if not targets:
            continue
        models = PageModels([Draft() if j in gone else a for j, a in enumerate(drafts)])
        pairs = models.pairs(d.body)
        total = sum(pairs.values())
        if total < MIN_PAIRS:
            continue
        (best, k), *rest = sorted(((models.log_likelihood(pairs, k) / total, k) for k in targets), reverse=True)
        runner = rest[0][0] if rest else None
        if runner is not None and best - runner < LEAD:
            continue
        target = drafts[k]
        head = [head_piece(d.heads, printed, d.body[0])] if d.heads else []
        target.body.extend(head + d.body)
        target.closed = target.closed_by_author = True
        gone.add(i)
        explain("last-part", (d.body[0].lines[0].no, d.body[-1].lines[-1].no),
                f"ends in an author line on a page of news items, with no byline: the last part of the article "
                f"at line {target.heads[0].no} (log-likelihood {best:.2f} a pair"
                + (f"; the next article {runner:.2f})" if runner is not None else "; no other candidate)"))
    return [d for i, d in enumerate(drafts) if i not in gone]


def _last_part(d: Draft) -> bool:
    """Whether ``d`` may be an article's last part: text that ends in an author line, with
    no byline, dateline or sign-off, under one head block at most (no kicker or subtitle)."""
    if not d.body or d.byline or d.dateline or d.signoff or len(d.head_sizes) > 1:
        return False
    at = author_piece(d.body)
    return at is not None and all(p.kind is not Kind.TEXT for p in d.body[at + 1:])


def join_signed_parts(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """A news item opens with its dateline and closes with its sign-off: text that a
    sign-off closes, under no head and with no dateline or byline, is an item's last part
    printed apart (the stages before may leave it so once its headline has gone to its
    item). It goes at the end of the dated item that has no sign-off — where the sign-off
    names a province (（鄂文）: 湖北), the one whose headline or lede names it
    (:func:`.signoffs.province_named`) — if there is one such item only. Returns the drafts
    left; the items that took a part are changed in place."""
    gone: set[int] = set()
    for i, d in enumerate(drafts):
        if not (d.signoff and d.body) or has_opener(d):
            continue
        items = [a for k, a in enumerate(drafts) if k != i and k not in gone and a.dateline and not a.signoff
                 and draft_text(a)]
        if names_province(d):  # (鄂文): the item names 湖北
            items = [a for a in items if province_named(d, a)]
        if len(items) != 1:
            continue
        item = items[0]
        item.body.extend(d.body)
        item.signoff, item.signoff_line, item.closed = d.signoff, d.signoff_line, True
        gone.add(i)
        explain("signed-part", (d.body[0].lines[0].no, d.signoff_line),
                f"closed by the sign-off {d.signoff} with no head, dateline or byline: the last part of the item "
                f"at line {item.dateline_line}, which has no sign-off")
    return [d for i, d in enumerate(drafts) if i not in gone]
