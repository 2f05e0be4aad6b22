"""Stage 10, jumps: an article that breaks off with （下转第4版） and goes on, on a later page
of the same input, in a text that opens with （上接第1版）, is one article.

The continuation is the first one still unclaimed on a later page whose markers agree with
the printed page numbers where the pages print them (the jump names the page it goes to,
the continuation the page it comes from); among several, the one whose words the jumping
article takes up most (the continuation repeats the headline, often shortened). The
markers leave the text as furniture (``jump``), as does the continuation's repeated
headline (``jump-head``): nothing printed is lost. A paragraph cut by the jump in
mid-sentence is one paragraph again.
"""
from __future__ import annotations

import re
from dataclasses import replace

from convertkit.model import Article, Block, Furniture, Para, Section, Span, Text, plain

from .rules import Explain, Stage, register
from .titles import coverage

register(Stage.JUMPS, {
    "jump-joined": "an article broken off with 下转第N版 goes on in the text opening with 上接 on a later page",
})

_NUMBER = r"([0-9０-９]+|[一二三四五六七八九十]+)"
JUMP_OUT = re.compile(rf"[（(]\s*(?:下转|转)\s*第?\s*{_NUMBER}\s*版\s*[)）]\s*$")
JUMP_IN = re.compile(rf"^\s*[（(]\s*(?:上接|接)\s*第?\s*{_NUMBER}\s*版\s*[)）]")
_SENTENCE_END = tuple("。！？”」』…）)")


def page_number(text: str) -> int | None:
    """A printed page number: 4, ４, 四, 十二."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    digits = "一二三四五六七八九"
    if len(text) == 1 and text in digits:
        return digits.index(text) + 1
    if text.startswith("十"):
        return 10 + (digits.index(text[1]) + 1 if len(text) == 2 and text[1] in digits else 0)
    if len(text) >= 2 and text[1] == "十" and text[0] in digits:
        return 10 * (digits.index(text[0]) + 1) + (digits.index(text[2]) + 1 if len(text) == 3 else 0)
    return None


def printed_page(furniture: list[Furniture]) -> int | None:
    """The page number a page prints (its ``page`` furniture: 7, 第7版), if it prints one."""
    for f in furniture:
        m = re.search(r"[0-9０-９]+|[一二三四五六七八九十]+", f.text) if f.kind == "page" else None
        if m:
            return page_number(m.group(0))
    return None


def join_jumps(pages: list[list[Article]], printed: list[int | None],
               explain: Explain) -> tuple[list[Article], list[Furniture]]:
    """The articles of ``pages`` (in order), each jump joined with its continuation;
    ``printed`` holds each page's printed number, when it prints one."""
    taken: set[tuple[int, int]] = set()
    joined: dict[tuple[int, int], Article] = {}
    furniture: list[Furniture] = []
    for i, articles in enumerate(pages):
        for k, a in enumerate(articles):
            if (i, k) in taken:
                continue
            last = _edge_para(a.blocks, -1)
            m = JUMP_OUT.search(plain(last.content)) if last is not None else None
            if m is None:
                continue
            goes_to = page_number(m.group(1))
            found = _continuation(pages, printed, i, goes_to, a, taken)
            if found is None:
                continue
            j, c = found
            taken.add((j, c))
            whole, more = _join(a, pages[j][c], m)
            joined[(i, k)] = whole
            furniture.extend(more)
            at = last.source.end if last.source else 0
            explain("jump-joined", at, f"goes on, on page {j + 1}, in the text opening with "
                                       f"{plain(_edge_para(pages[j][c].blocks, 0).content)[:12]}")
    out = [joined.get((i, k), a) for i, articles in enumerate(pages) for k, a in enumerate(articles)
           if (i, k) not in taken]
    return out, furniture


def _continuation(pages, printed, i: int, goes_to: int | None, a: Article,
                  taken: set) -> tuple[int, int] | None:
    """The continuation of ``a`` (on page ``i``): unclaimed, on a later page, its markers
    agreeing with the printed page numbers; the one taking up most of a's words."""
    best, best_cover = None, -1.0
    words = plain(a.headline) + "".join(plain(b.content) for b in a.blocks if isinstance(b, Para))
    for j in range(i + 1, len(pages)):
        if goes_to is not None and printed[j] is not None and printed[j] != goes_to:
            continue
        for c, b in enumerate(pages[j]):
            first = _edge_para(b.blocks, 0)
            m = JUMP_IN.match(plain(first.content)) if first is not None else None
            if m is None or (j, c) in taken:
                continue
            comes_from = page_number(m.group(1))
            if comes_from is not None and printed[i] is not None and comes_from != printed[i]:
                continue
            cover = coverage(plain(b.headline), words) if plain(b.headline) else 0.0
            if cover > best_cover:
                best, best_cover = (j, c), cover
    return best


def _edge_para(blocks: tuple[Block, ...], end: int) -> Para | None:
    """The first (``end`` 0) or last (-1) paragraph of ``blocks``, inside a section too."""
    if not blocks:
        return None
    b = blocks[end]
    if isinstance(b, Section):
        return _edge_para(b.blocks, end)
    return b if isinstance(b, Para) else None


def _without(p: Para, start: int, end: int) -> Para:
    """``p`` with its text's ``start:end`` cut out (a marker at either end)."""
    t = plain(p.content)
    kept = t[:start] + t[end:]
    lines = tuple((max(0, off - (end - start)) if off >= end else min(off, start), no) for off, no in p.lines)
    return Para((Text(kept.strip()),) if kept.strip() else (), p.source, lines)


def _join(a: Article, b: Article, out: re.Match) -> tuple[Article, list[Furniture]]:
    last = _edge_para(a.blocks, -1)
    first = _edge_para(b.blocks, 0)
    inn = JUMP_IN.match(plain(first.content))
    furniture = [Furniture("jump", out.group(0).strip(), last.source),
                 Furniture("jump", inn.group(0).strip(), first.source)]
    for name, value in (("kicker", b.kicker), ("headline", b.headline), ("subtitle", b.subtitle)):
        if value:
            furniture.append(Furniture("jump-head", plain(value), b.part(name)))
    tail = _without(last, out.start(), out.end())
    head = _without(first, inn.start(), inn.end())
    a_blocks = _replace_edge(a.blocks, -1, tail)
    b_blocks = _replace_edge(b.blocks, 0, head)
    if tail.content and head.content and not plain(tail.content).endswith(_SENTENCE_END) \
            and isinstance(a_blocks[-1], Para) and isinstance(b_blocks[0], Para):
        # the sentence the jump cut goes on: one paragraph
        shift = len(plain(tail.content))
        merged = Para((Text(plain(tail.content) + plain(head.content)),),
                      Span(tail.source.start, head.source.end) if tail.source and head.source else tail.source,
                      tail.lines + tuple((off + shift, no) for off, no in head.lines))
        blocks = a_blocks[:-1] + (merged,) + b_blocks[1:]
    else:
        blocks = a_blocks + b_blocks
    blocks = tuple(x for x in blocks if not (isinstance(x, Para) and not x.content))
    parts = a.parts + tuple((k, s) for k, s in b.parts if k == "signoff" and not a.signoff)
    source = Span(min(a.source.start, b.source.start), max(a.source.end, b.source.end)) \
        if a.source and b.source else a.source
    return replace(a, blocks=blocks, signoff=a.signoff or b.signoff, source=source, parts=parts), furniture


def _replace_edge(blocks: tuple[Block, ...], end: int, para: Para) -> tuple[Block, ...]:
    b = blocks[end]
    if isinstance(b, Section):
        inner = replace(b, blocks=_replace_edge(b.blocks, end, para))
        return blocks[:-1] + (inner,) if end == -1 else (inner,) + blocks[1:]
    return blocks[:-1] + (para,) if end == -1 else (para,) + blocks[1:]
