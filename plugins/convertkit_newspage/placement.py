"""Stage 9, placement: what the page printed apart from its article, put on it once the
articles are built: text under a byline with no headline (by the column width it is set in),
a byline printed alone (by the headline printed beside it) and boxed pull quotes (by the
sentence they repeat)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from convertkit.model import Article, BlockQuote, Furniture, Para, Section, Span, plain, text

from .articles import PAGE_LINES
from .lines import Line, inline_text
from .pieces import Piece, measure
from .pulls import PULL_SIMILARITY, best_match
from .rules import Explain, Stage, register

register(Stage.PLACEMENT, {
    "signed-fragment": "text under a byline with no headline joins the titled article set in its column width",
    "pull-quote-placed": "a boxed pull quote goes to the section holding the sentence it repeats",
    "byline-apart": "a byline printed with neither headline nor text goes to the headline printed nearest it "
                    "whose article is neither signed nor dated",
})


def join_signed_fragments(articles: list[Article], blocks: list[list[Line]],
                          explain: Explain) -> list[Article]:
    """Text under a byline that found no headline is often part of a titled article printed
    apart: the byline and intro of one article set under another's headline, or a second
    author's name over the intro of an article that starts with a subhead. Such a fragment
    joins the one titled article of its printed page that lacks what it brings and is set
    in the same column width as one of its paragraphs (measured on the page's ``blocks``):
    one with no
    byline takes it after its intro; one that starts with a subhead takes it as its intro,
    and the name as a second byline."""
    lines: dict[int, Line] = {}  # line number -> line, made only when a fragment needs it

    def measures(a: Article) -> list[float]:
        return [measure([lines[no] for _, no in p.lines if no in lines]) for p in paras_of(a.blocks)]

    out = list(articles)
    for hi, h in enumerate(articles):
        if h.headline or h.kicker or h.subtitle or h.dateline or not h.byline or not h.blocks \
                or h.source is None or any(not isinstance(b, Para) for b in h.blocks):
            continue
        if not lines:
            lines.update((ln.no, ln) for block in blocks for ln in block)
        w = measure([lines[no] for p in paras_of(h.blocks) for _, no in p.lines if no in lines])
        fits = []
        for ti, t in enumerate(out):
            if t is None or ti == hi or not t.headline or t.source is None or abs(t.source.start - h.source.start) > PAGE_LINES \
                    or (h.signoff and t.signoff) or min((abs(m - w) for m in measures(t)), default=99) > 1.0:
                continue
            if not t.byline and not t.dateline:
                fits.append((ti, "after its intro"))
            elif t.blocks and isinstance(t.blocks[0], Section):
                fits.append((ti, "as its intro"))
        if len(fits) != 1:
            continue
        ti, where = fits[0]
        t = out[ti]
        lead = 0
        if where == "after its intro":
            while lead < len(t.blocks) and not isinstance(t.blocks[lead], Section):
                lead += 1
        byline = h.byline if not t.byline else text(plain(t.byline) + plain(h.byline))
        out[ti] = replace(t, blocks=t.blocks[:lead] + h.blocks + t.blocks[lead:], byline=byline,
                          signoff=t.signoff or h.signoff,
                          source=Span(min(t.source.start, h.source.start), max(t.source.end, h.source.end)))
        out[hi] = None  # type: ignore[call-overload]
        explain("signed-fragment", (h.source.start, h.source.end),
                f"text under the byline {plain(h.byline)} with no headline, set in the column width "
                f"({w:.1f} em) of the article at line {t.source.start}: put {where}")
    return [a for a in out if a is not None]


def place_lone_bylines(articles: list[Article], explain: Explain) -> list[Article]:
    """A byline stands under its article's headline or over its text: one printed with
    neither (an article of a byline alone: the next piece opened another article) was
    printed apart from its text. It goes to the article that has no byline and no dateline
    (an essay is signed, a news item dated) whose headline is printed nearest it: a name
    tells nothing of the article it signs but where it stands. Most often that headline is
    printed right by it; a byline set vertically beside a vertical headline reaches
    pdftotext wherever its column's lines fall, far from both headline and text, and the
    nearest headline with none is still the likeliest (until session 59 such a byline was
    left alone unless a headline stood within 5 lines and no other within 20: on the
    development pages, 33 pages' bylines are right as well since, none wrong)."""
    out = list(articles)
    for hi, h in enumerate(articles):
        if h.headline or h.kicker or h.subtitle or h.blocks or h.dateline or h.signoff or not h.byline \
                or h.source is None:
            continue
        at = h.part("byline") or h.source
        near = sorted((_gap(head, at), ti) for ti, t in enumerate(out)
                      if t is not None and ti != hi and not t.byline and not t.dateline
                      and (head := t.part("headline")) is not None)
        if not near:
            continue
        gap, ti = near[0]
        t = out[ti]
        out[ti] = replace(t, byline=h.byline, parts=t.parts + (("byline", at),),
                          source=Span(min(t.source.start, at.start), max(t.source.end, at.end)) if t.source else at)
        out[hi] = None  # type: ignore[call-overload]
        runner = f"the next such headline {_lines(near[1][0])} away" if len(near) > 1 else "no other such headline"
        explain("byline-apart", (at.start, at.end),
                f"the byline {plain(h.byline)} stands over no headline and no text: it goes to the headline "
                f"printed {_lines(gap)} from it, at line {t.part('headline').start}, which has none ({runner})")
    return [a for a in out if a is not None]


def _lines(n: int) -> str:
    return f"{n} line" if n == 1 else f"{n} lines"


def _gap(a: Span, b: Span) -> int:
    """Lines between two spans (0 where they overlap)."""
    return max(0, a.start - b.end, b.start - a.end)


def paras_of(blocks: tuple[Any, ...]) -> list[Para]:
    """The paragraphs of ``blocks``, those of their sections too (not a pull quote's)."""
    return [p for _, p in _paras_with_path(blocks, ())]


def place_pull_quotes(articles: list[Article], boxes: list[Piece], explain: Explain,
                      quote: Callable[[tuple[Line, ...]], BlockQuote]) -> tuple[list[Article], list[Furniture]]:
    """Each boxed pull quote (``boxes``) into the article and section whose paragraph holds
    the sentence it repeats most nearly, at the head of that section (before the intro's
    first paragraph when the sentence is in the intro); one that repeats nothing near
    enough stays on the page as furniture. ``quote`` makes the model's block."""
    out = list(articles)
    left: list[Furniture] = []
    for box in boxes:
        text = inline_text(list(box.lines))
        at = box.lines[0].no
        best, where = 0.0, None
        for ai, a in enumerate(out):
            if a.source is not None and abs(a.source.start - at) > PAGE_LINES:
                continue
            for path, para in _paras_with_path(a.blocks, ()):
                score = best_match(text, [plain(para.content)])
                if score > best:
                    best, where = score, (ai, path)
        if where is None or best < PULL_SIMILARITY:
            left.append(Furniture("pullquote", text, Span(at, box.lines[-1].no)))
            continue
        ai, path = where
        out[ai] = replace(out[ai], blocks=_insert(out[ai].blocks, path, quote(box.lines)))
        explain("pull-quote-placed", box.span, f"repeats a sentence of the article at line "
                                               f"{out[ai].source.start if out[ai].source else 0} ({best:.2f})")
    return out, left


def _paras_with_path(blocks: tuple[Any, ...], path: tuple[int, ...]) -> list[tuple[tuple[int, ...], Para]]:
    """The paragraphs of ``blocks`` with where each lies: the indexes down to its section's
    list of blocks, then its own."""
    out = []
    for i, b in enumerate(blocks):
        if isinstance(b, Para):
            out.append((path + (i,), b))
        elif isinstance(b, Section):
            out.extend(_paras_with_path(b.blocks, path + (i,)))
    return out


def _insert(blocks: tuple[Any, ...], path: tuple[int, ...], block: Any) -> tuple[Any, ...]:
    """``blocks`` with ``block`` put at the head of the section (or the intro) that holds the
    paragraph at ``path``, after any pull quote already there."""
    if len(path) > 1:
        sec = blocks[path[0]]
        return blocks[:path[0]] + (replace(sec, blocks=_insert(sec.blocks, path[1:], block)),) + blocks[path[0] + 1:]
    at = 0
    while at < len(blocks) and isinstance(blocks[at], BlockQuote):
        at += 1
    return blocks[:at] + (block,) + blocks[at:]
