"""CommonMark writer. Headlines are level-1 headings, subheads level 2, pull quotes block
quotes; kicker, subtitle, byline, dateline and sign-off are paragraphs of their own (CommonMark
has no element for them). Every ASCII character that could start markup is escaped."""
from __future__ import annotations

import json
import re

from convertkit.model import (Article, BlockQuote, Div, Document, Emph, Heading, LineBreak, Link, ListBlock,
                              Note, Para, Section, Strong, Text, blocks_with_dateline, dateline_runs_in,
                              document_title)
from convertkit.registry import Context
from convertkit_html.render import safe_url

_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&$])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.M)


def escape(s: str) -> str:
    s = _SPECIAL.sub(r"\\\1", s)
    s = re.sub(r"[ \t]*\n[ \t]*", " ", s)  # a newline in text is a wrap, not a break
    return _LINE_START.sub(lambda m: m.group(1) + re.sub(r"([-+=.)])", r"\\\1", m.group(2)), s)


class _Writer:
    def __init__(self) -> None:
        self.notes: list[str] = []

    def inlines(self, nodes) -> str:
        out = []
        for n in nodes:
            if isinstance(n, Text):
                out.append(escape(n.text))
            elif isinstance(n, Emph):
                inner = self.inlines(n.content)
                out.append(f"<em>{inner}</em>" if inner.strip() != inner or not inner else f"*{inner}*")
            elif isinstance(n, Strong):
                inner = self.inlines(n.content)
                out.append(f"<strong>{inner}</strong>" if inner.strip() != inner or not inner else f"**{inner}**")
            elif isinstance(n, LineBreak):
                out.append("\\\n")
            elif isinstance(n, Link):
                # javascript:, data:, vbscript: … are dropped, as the HTML writers drop them;
                # spaces, newlines and angle brackets are percent-encoded (no markup escapes the link)
                url = safe_url(n.url)
                title = f' "{escape(n.title)}"' if n.title else ""
                text = self.inlines(n.content)
                out.append(f"[{text}](<{url}>{title})" if url else text)
            elif isinstance(n, Note):
                self.notes.append(" ".join(self.inlines(b.content) for b in n.blocks if isinstance(b, Para)))
                out.append(f"<sup>{len(self.notes)}</sup>")
        return "".join(out).strip()

    def blocks(self, blocks, level: int) -> list[str]:
        out: list[str] = []
        for b in blocks:
            if isinstance(b, Para):
                text = self.inlines(b.content)
                if text:
                    out.append(text)
            elif isinstance(b, Heading):
                out.append("#" * min(6, level + b.level - 1) + " " + self.inlines(b.content))
            elif isinstance(b, BlockQuote):
                inner = "\n\n".join(self.blocks(b.blocks, level + 1)) or ">"
                out.append("\n".join("> " + line if line else ">" for line in inner.split("\n")))
            elif isinstance(b, ListBlock):
                items = []
                for i, item in enumerate(b.items, 1):
                    marker = f"{i}. " if b.ordered else "- "
                    body = "\n\n".join(self.blocks(item, level + 1)) or ""
                    pad = " " * len(marker)
                    items.append(marker + body.replace("\n", "\n" + pad))
                if items:
                    out.append("\n".join(items))
            elif isinstance(b, Section):
                if b.heading:
                    out.append("#" * min(6, level) + " " + self.inlines(b.heading))
                out.extend(self.blocks(b.blocks, level + 1))
            elif isinstance(b, Article):
                out.extend(self.article(b, level))
            elif isinstance(b, Div):
                out.extend(self.blocks(b.blocks, level))
        return out

    def article(self, a: Article, level: int) -> list[str]:
        out = []
        if a.kicker:
            out.append(self.inlines(a.kicker))
        out.append("#" * min(6, level) + " " + (self.inlines(a.headline) or "\\-"))
        if a.subtitle:
            out.append(f"*{self.inlines(a.subtitle)}*")
        if a.byline:
            out.append(self.inlines(a.byline))
        if a.dateline and not dateline_runs_in(a):
            out.append(f"**{self.inlines(a.dateline)}**")
        out.extend(self.blocks(blocks_with_dateline(a), level + 1))
        if a.signoff:
            out.append(self.inlines(a.signoff))
        return [x for x in out if x.strip()]


def front_matter(doc: Document) -> str:
    """YAML front matter; every value is a JSON string, which YAML reads as the same string.
    pandoc reads those strings as Markdown: they are escaped as the text is, so that a
    value holding markup (<script>) stays text."""
    m = doc.meta
    items: list[tuple[str, object]] = []
    if m.title:
        items.append(("title", m.title))
    elif doc.blocks:  # the title rule's title, as pandoc's page title (no title block shown)
        items.append(("pagetitle", document_title(doc)))
    if m.language:
        items.append(("lang", m.language))
    if m.authors:
        items.append(("author", list(m.authors)))
    if m.date:
        items.append(("date", m.date))
    if m.publisher:
        items.append(("publisher", m.publisher))
    for f in m.furniture:
        items.append((f"page-{f.kind}", f.text))
    for k, v in m.extra:
        items.append((k, v))
    if not items:
        return ""
    lines = ["---"]
    for k, v in items:
        key = json.dumps(k, ensure_ascii=False)
        if isinstance(v, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {json.dumps(escape(x), ensure_ascii=False)}" for x in v)
        else:
            lines.append(f"{key}: {json.dumps(escape(v), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def write_markdown(doc: Document, ctx: Context) -> str:
    w = _Writer()
    body = "\n\n".join(w.blocks(doc.blocks, 1))
    notes = ("\n\n---\n\n" + "\n".join(f"{i}. {text}" for i, text in enumerate(w.notes, 1))) if w.notes else ""
    out = front_matter(doc) + body + notes
    return out.rstrip("\n") + "\n"

