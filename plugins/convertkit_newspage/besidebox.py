"""Columns beside a box. A subhead set in a box across two columns interrupts both, and
pdftotext prints such a page in bands: the text above the box (the left column's, then the
right's), the box, then the text below it (left, then right). A column is read down past the
box, so the right column's text above the box comes after the left column's text below it,
which opens the box's section. A sentence the box cut in the right column shows the layout:
it runs from the block printed right before the box to the block printed right after the
section under the box. Within an article, the run of blocks that sentence ends is then read
after that section."""
from __future__ import annotations

from .articles import Draft
from .pieces import Kind, Piece, ends_mid_sentence
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "beside-box": "a sentence cut by a subhead's box runs from the block printed right before the box to the block "
                  "printed right after the box's section: its column stands beside the box, read after that "
                  "section",
})

ADJACENT = 2  # line numbers from one printed block to the next: a blank line between them


def columns_beside_boxes(drafts: list[Draft], explain: Explain) -> None:
    """In each article, the text beside a subhead's box read after the box's section (the
    drafts are changed in place)."""
    for d in drafts:
        for _ in range(len(d.body)):  # each move takes a run forward past a section: a few at most
            if not _move_one(d.body, explain):
                break


def _move_one(body: list[Piece], explain: Explain) -> bool:
    """Move the first run of ``body`` found beside a box after the box's section."""
    for i in range(len(body) - 1):
        cut, goes_on = body[i], body[i + 1]
        if cut.kind is not Kind.TEXT or goes_on.kind is not Kind.TEXT or not ends_mid_sentence(cut):
            continue
        box = next((h for h in range(i + 2, len(body) - 1) if body[h].kind is Kind.HEAD
                    and _printed_next(cut, body[h])), None)
        if box is None or body[box + 1].kind is not Kind.TEXT:
            continue
        end = next((k for k in range(box + 1, len(body)) if body[k].kind is not Kind.TEXT), len(body))
        section = body[box:end]
        if not (body[box + 1].lines[0].no < goes_on.lines[0].no
                and _printed_next(max(section, key=lambda p: p.lines[-1].no), goes_on)):
            continue
        start = i  # the run the cut block ends: from the last block before it that ends a sentence
        while start > 0 and ends_mid_sentence(body[start - 1]):
            start -= 1
        run = body[start:box]
        if start == 0 or body[start - 1].kind is not Kind.TEXT or any(p.kind is not Kind.TEXT for p in run):
            continue  # a section's first text stays under its head
        explain("beside-box", (run[0].lines[0].no, run[-1].lines[-1].no),
                f"the sentence cut at line {cut.lines[-1].no} goes on at line {goes_on.lines[0].no}, past the "
                f"box at line {body[box].lines[0].no} and the section under it: read after that section")
        body[start:end] = section + run
        return True
    return False


def _printed_next(before: Piece, after: Piece) -> bool:
    """Whether pdftotext printed ``after`` right after ``before`` (a blank line between at most)."""
    return 0 < after.lines[0].no - before.lines[-1].no <= ADJACENT
