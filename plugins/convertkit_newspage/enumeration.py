"""The points of an enumeration in their order.

Chinese prose counts its points in the text (一是…, 二是…, 三是…), each opening a paragraph,
the first often inside the sentence that announces them (…表示，下一步将…。一是…). pdftotext
may print an article's columns out of order, and a block that ends a sentence gives the
reading order no join to go by; the numbers do: within a section of an article, the text
from the block that holds point n up to the next point's block is read before the points
after n.
"""
from __future__ import annotations

import re

from .articles import Draft
from .pieces import Kind, Piece, ends_mid_sentence, text_of
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "enumeration-order": "the points of an enumeration (一是, 二是, 三是 …) are read in their order: the "
                         "blocks of an article's section that hold them go in the order of their numbers",
})

NUMERALS = "一二三四五六七八九十"
_POINT = re.compile(f"(?:^|[。；：，])([{NUMERALS}])是")


def points(p: Piece) -> list[int]:
    """The enumeration points (0 for 一是, 1 for 二是 …) a text piece opens or holds after
    a sentence's or clause's end."""
    return [NUMERALS.index(m.group(1)) for m in _POINT.finditer(text_of(p))]


def order_points(drafts: list[Draft], explain: Explain) -> None:
    """Put the blocks of each article's sections in the order of the enumeration points they
    hold, where the points of the section are one enumeration (each number once, from 一是
    on, with none missing) printed out of order. The blocks before the first point stay
    first; a point's block takes the blocks after it (its continuation) along. Drafts are
    changed in place."""
    for d in drafts:
        body, start = d.body, 0
        for end in [k for k, p in enumerate(body) if p.kind is Kind.HEAD] + [len(body)]:
            body[start:end] = _in_order(body[start:end], explain)
            start = end + 1


def _in_order(section: list[Piece], explain: Explain) -> list[Piece]:
    """The pieces of one section (no subhead among them) with its points in order, or as
    they were: where the points are not one enumeration, or a block that would move leaves
    a sentence open."""
    found = [points(p) if p.kind is Kind.TEXT else [] for p in section]
    numbers = [n for f in found for n in f]
    if len(numbers) < 2 or sorted(numbers) != list(range(len(numbers))) or numbers == sorted(numbers):
        return section
    if any(f and f != sorted(f) for f in found):
        return section
    runs: list[tuple[int, list[Piece]]] = [(-1, [])]
    for p, f in zip(section, found):
        if f:
            runs.append((f[0], [p]))
        else:
            runs[-1][1].append(p)
    if any(run and ends_mid_sentence(run[-1]) for _, run in runs):
        return section  # a point left open goes on in a block the reading order did not find
    ordered = sorted(runs, key=lambda r: r[0])  # stable: the blocks before the first point stay first
    for (n, run), (m, _) in zip(ordered, runs):
        if n != m and n >= 0:
            explain("enumeration-order", run[0].span, f"point {NUMERALS[n]}是 is read as the enumeration's "
                                                      f"point {n + 1}")
    return [p for _, run in ordered for p in run]
