"""Built-in plugin ``newspage``: articles from newspaper pages extracted from PDF (pdftotext)."""
from __future__ import annotations

import re

import convertkit
from convertkit.cjk import CharTable
from convertkit.registry import Option, ReaderSpec, lazy

from .lines import HanPattern

_MARKERS = HanPattern(r"本\s*报\s*讯|本报记者|（\s*{H}\s*[文讯]\s*）|（\s*作\s*者|"
                      r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", re.M)


_IS_HAN = CharTable(lambda ch: "\u4e00" <= ch <= "\u9fff")


@convertkit.hookimpl
def convertkit_register_readers(registry):
    registry.add(ReaderSpec(
        name="newspage", read=lazy("convertkit_newspage.reader:read_newspage"), extensions=("txt",),
        description="newspaper page as pdftotext output: articles, headlines, bylines, datelines, sign-offs",
        options=(Option("explain", "write every join/split the newspage reader decided, as JSON, to FILE",
                        "path"),)))
    registry.add(ReaderSpec(
        name="newspage-pdf", read=lazy("convertkit_newspage.pdfreader:read_newspage_pdf"), extensions=("pdf",),
        binary=True, magic=(b"%PDF-",),
        description="newspaper page as PDF (needs convertkit[pdf]): articles from the page's geometry and type sizes",
        options=(Option("explain", "write every join/split the newspage reader decided, as JSON, to FILE",
                        "path"),)))


def looks_like_newspage(text: str) -> bool:
    """Chinese text in short column lines with newspaper markers (本报讯, bylines, sign-offs, dates)."""
    sample = text[:20000]
    lines = [ln.strip() for ln in sample.splitlines() if ln.strip()]
    if len(lines) < 5:
        return False
    han = sum(map(_IS_HAN.__getitem__, sample))
    if han < 0.4 * len("".join(lines)):
        return False
    short = sum(1 for ln in lines if len(ln) <= 40)
    return short >= 0.6 * len(lines) and next(_MARKERS.finditer(sample), None) is not None


@convertkit.hookimpl
def convertkit_detect_format(text, name):
    return "newspage" if looks_like_newspage(text) else None
