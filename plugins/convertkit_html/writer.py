"""Standalone HTML5: the same elements and stylesheet as the EPUB, in one file."""
from __future__ import annotations

import re

from lxml import etree

from convertkit.model import Document, document_title
from convertkit.registry import Context
from convertkit.xmltext import XmlCleaner

from .render import Renderer, stylesheet


def write_html(doc: Document, ctx: Context) -> str:
    meta = doc.meta
    clean = XmlCleaner()
    vertical = meta.get("writing-mode") == "vertical-rl"
    r = Renderer(xhtml=False, clean=clean, vertical=vertical)
    lang = meta.language or "zh-CN"
    html = r.el(None, "html", lang=lang)
    if vertical:
        html.set("class", "vertical")
    head = r.el(html, "head")
    r.el(head, "meta", charset="utf-8")
    r.el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    r.el(head, "meta", name="generator", content="convertkit")
    r.el(head, "title", document_title(doc))
    for author in meta.authors:
        r.el(head, "meta", name="author", content=author)
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", meta.date or ""):
        r.el(head, "meta", name="dcterms.date", content=meta.date)
    r.el(head, "style", stylesheet())
    body = r.el(html, "body")
    shown = [f for f in meta.furniture if f.kind in ("label", "date", "page")]
    if shown:
        fw = r.el(body, "header", cls="furniture")
        for f in shown:
            r.el(fw, "span", f.text, cls=f.kind)
    main = r.el(body, "main")
    r.blocks(main, doc.blocks, 1)
    r.footnotes(main)
    clean.report(ctx)
    out = etree.tostring(html, encoding="unicode", method="html", pretty_print=True)
    return "<!DOCTYPE html>\n" + out
