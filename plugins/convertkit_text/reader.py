"""Generic plain-text reader: blank-line blocks become paragraphs."""
from __future__ import annotations

from convertkit.cjk import close_up, join_lines
from convertkit.model import Document, Meta, Para, Span, text
from convertkit.registry import Context


def blocks_of(source: str) -> list[tuple[int, int, list[str]]]:
    """Blank-line separated blocks as (first line, last line, lines), 1-based."""
    out: list[tuple[int, int, list[str]]] = []
    cur: list[str] = []
    start = 0
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines, 1):
        if line.strip():
            if not cur:
                start = i
            cur.append(line)
        elif cur:
            out.append((start, i - 1, cur))
            cur = []
    if cur:
        out.append((start, start + len(cur) - 1, cur))
    return out


def read_text(source: str, ctx: Context) -> Document:
    paras = []
    for first, last, lines in blocks_of(source):
        joined = close_up(join_lines(lines))
        if joined:
            paras.append(Para(text(joined), Span(first, last)))
    if not paras:
        ctx.warn("the input has no text: the document is empty")
    return Document(Meta(), tuple(paras))
