"""Plain-text writer: headline block, byline/dateline lines, one paragraph per line."""
from __future__ import annotations

from convertkit.cjk import wrap
from convertkit.model import (Article, Block, BlockQuote, Div, Document, Heading, ListBlock, Para, Section,
                              plain, blocks_with_dateline, dateline_runs_in)
from convertkit.registry import Context


class _Out:
    def __init__(self, columns: int | None) -> None:
        self.columns = columns or 0
        self.chunks: list[str] = []

    def block(self, s: str, indent: str = "") -> None:
        s = s.strip()
        if not s:
            return
        lines: list[str] = []
        for part in s.split("\n"):
            width = self.columns - len(indent) if self.columns else 0
            lines.extend(indent + ln for ln in (wrap(part, width) if width > 0 else [part]))
        self.chunks.append("\n".join(lines))

    def result(self) -> str:
        return "\n\n".join(self.chunks) + "\n" if self.chunks else ""


def _blocks(out: _Out, blocks: tuple[Block, ...], indent: str = "") -> None:
    for b in blocks:
        if isinstance(b, Para):
            out.block(plain(b.content), indent)
        elif isinstance(b, Heading):
            out.block(plain(b.content), indent)
        elif isinstance(b, BlockQuote):
            _blocks(out, b.blocks, indent + "    ")
        elif isinstance(b, ListBlock):
            for n, item in enumerate(b.items, 1):
                marker = f"{n}. " if b.ordered else "- "
                sub = _Out(out.columns)
                _blocks(sub, item, indent + " " * len(marker))
                text = sub.result().strip("\n")
                out.chunks.append(indent + marker + text[len(indent) + len(marker):] if text else indent + marker)
        elif isinstance(b, Section):
            out.block(plain(b.heading), indent)
            _blocks(out, b.blocks, indent)
        elif isinstance(b, Article):
            _article(out, b, indent)
        elif isinstance(b, Div):
            _blocks(out, b.blocks, indent)


def _article(out: _Out, a: Article, indent: str) -> None:
    head = [plain(x) for x in (a.kicker, a.headline, a.subtitle) if x]
    if head:
        out.block("\n".join(head), indent)
    if a.byline:
        out.block(plain(a.byline), indent)
    if a.dateline and not dateline_runs_in(a):
        out.block(plain(a.dateline), indent)
    _blocks(out, blocks_with_dateline(a), indent)
    if a.signoff:
        out.block(plain(a.signoff), indent)


def write_text(doc: Document, ctx: Context) -> str:
    out = _Out(ctx.option("columns"))
    if doc.meta.title:
        out.block(doc.meta.title)
    _blocks(out, doc.blocks)
    return out.result()
