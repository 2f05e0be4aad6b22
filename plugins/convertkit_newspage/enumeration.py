"""The points of an enumeration in their order.

Chinese prose counts its points in the text (一是…, 二是…, 三是…), each opening a paragraph,
the first often inside the sentence that announces them (…表示，下一步将…。一是…). pdftotext
may print an article's columns out of order, and a block that ends a sentence gives the
reading order no join to go by; the numbers do: within a section of an article, the text
from the block that holds point n up to the next point's block is read before the points
after n. The numbers also say where points printed apart belong: an enumeration that skips
numbers is completed by the one run of blocks elsewhere that opens the missing points.
"""
from __future__ import annotations

from .articles import Draft
from .pieces import NUMERALS, Kind, Piece, ends_mid_sentence, opens_point, points
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "enumeration-order": "the points of an enumeration (一是, 二是, 三是 …) are read in their order: the "
                         "blocks of an article's section that hold them go in the order of their numbers",
    "enumeration-completed": "an enumeration counts its points one by one: a section whose points skip "
                             "numbers (一是, 二是, 五是) takes the one run of blocks printed elsewhere that opens "
                             "the missing points in turn, where they are no points of an enumeration of its own",
})


def complete_enumerations(drafts: list[Draft], explain: Explain) -> None:
    """Move to each section whose enumeration skips numbers (一是, 二是, 五是: 三是 and 四是
    missing) the one run of blocks printed elsewhere that opens those points in turn, with
    the blocks their sentences run on into, where the section it is printed in counts no
    point next to them (they are no points of an enumeration of its own). The run goes at
    the end of the section; :func:`order_points` then reads it in its place. Drafts are
    changed in place."""
    for _ in range(sum(len(d.body) for d in drafts)):  # each move completes an enumeration
        if not _complete_one(drafts, explain):
            return


def _sections(drafts: list[Draft]) -> list[tuple[Draft, int, int]]:
    """Each section of each article as (article, first body index, end index)."""
    out = []
    for d in drafts:
        start = 0
        for end in [k for k, p in enumerate(d.body) if p.kind is Kind.HEAD] + [len(d.body)]:
            out.append((d, start, end))
            start = end + 1
    return out


def _numbers(body: list[Piece]) -> list[int]:
    return [n for p in body for n in points(p)]


def _skipped(numbers: list[int]) -> list[int]:
    """The numbers an enumeration counting ``numbers`` skips, where it skips in one place:
    one number, or several in a row after its 一是 (a section without its first point is
    no enumeration to complete); none where it counts a number twice."""
    if len(numbers) < 2 or len(set(numbers)) != len(numbers):
        return []
    missing = sorted(set(range(max(numbers) + 1)) - set(numbers))
    if not missing or missing != list(range(missing[0], missing[-1] + 1)) or (len(missing) > 1 and 0 in missing):
        return []
    return missing


def _complete_one(drafts: list[Draft], explain: Explain) -> bool:
    sections = _sections(drafts)
    for d, start, end in sections:
        missing = _skipped(_numbers(d.body[start:end]))
        if not missing:
            continue
        runs = [run for run in (_point_run(s, a, b, missing) for s, a, b in sections if s is not d or a != start)
                if run]
        if len(runs) != 1:
            continue  # no run opens those points, or several do: the numbers do not say which
        s, at, size = runs[0]
        moved = s.body[at:at + size]
        del s.body[at:at + size]
        into = end - size if s is d and at < end else end
        d.body[into:into] = moved
        names = "".join(f"{NUMERALS[n]}是" for n in missing)
        explain("enumeration-completed", moved[0].span, f"points {names} complete the enumeration of the "
                                                        f"section at line {d.body[start].lines[0].no}")
        return True
    return False


def _point_run(d: Draft, start: int, end: int, wanted: list[int]) -> tuple[Draft, int, int] | None:
    """The blocks of section ``d.body[start:end]`` from the one that opens point
    ``wanted[0]`` through the points ``wanted`` in turn, with the blocks their sentences
    run on into up to a sentence's end, as (article, index, count); none where the
    section counts a point next to them outside the run (they are then points of an
    enumeration of its own)."""
    body = d.body[start:end]
    at = next((k for k, p in enumerate(body) if opens_point(p) == wanted[0]), None)
    if at is None:
        return None
    size, found = 1, points(body[at])
    while at + size < len(body) and body[at + size].kind is Kind.TEXT and (
            ends_mid_sentence(body[at + size - 1]) or found[-1] != wanted[-1]):
        found += points(body[at + size])
        size += 1
    if found != wanted or ends_mid_sentence(body[at + size - 1]):
        return None  # not those points in turn, or a sentence goes on where the reading order did not find it
    rest = _numbers(body[:at] + body[at + size:])
    if any(n in rest for n in wanted + [wanted[0] - 1, wanted[-1] + 1]):
        return None
    return d, start + at, size


def order_points(drafts: list[Draft], explain: Explain) -> None:
    """Put the blocks of each article's sections in the order of the enumeration points they
    hold, where the points of the section are one enumeration (each number once, from 一是
    on, with none missing) printed out of order. The blocks before the first point stay
    first; a point's block takes the blocks after it (its continuation) along. Drafts are
    changed in place."""
    for d, start, end in _sections(drafts):  # (a section keeps its length: the bounds hold)
        d.body[start:end] = _in_order(d.body[start:end], explain)


def _in_order(section: list[Piece], explain: Explain) -> list[Piece]:
    """The pieces of one section (no subhead among them) with its points in order, or as
    they were: where the points are not one enumeration, or a block that would move leaves
    a sentence open."""
    found = [points(p) for p in section]
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
