"""Stage 5, a headline the layout broke apart is made whole: a headline set on two lines
beside an item's first column (an inset) may reach pdftotext as two pieces printed far
apart, one over the item (湖北推动中小企业特), the other among another article's pieces
(色产业集群高质量发展), where it reads as a subhead. A word runs across the break (特⏎色产业:
the item's text prints 特色产业), as it seldom does between a headline and another
article's head."""
from __future__ import annotations

from . import lexicon, titles
from .articles import Draft, draft_text
from .lines import Line, leaves_open, starts_inside
from .order import PageText
from .pieces import Kind, Piece
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "headlines-interleaved": "headlines set side by side reach pdftotext row by row: one-line head blocks whose "
                             "every block goes on in the one a row further on are regrouped, one per headline",
    "headline-completed": "a headline's lines the layout printed apart are one headline where a word runs "
                          "across them",
})

RUN_ACROSS = 2  # characters beyond two of the longest run across the join the page prints elsewhere
LONG_RUN = 4  # ... a run of six: the page repeats the phrase, no word list needed
PIECE_LINES = 2  # the most lines of a headline's piece printed apart (a headline's own lines: one or two)


def complete_headlines(drafts: list[Draft], page: PageText, explain: Explain) -> None:
    """Join to an article's headline the head printed elsewhere that goes on with it: a word
    runs across the join, in either order (:func:`_goes_on`: the page's own text says so,
    :meth:`.order.PageText.continuity`), and the article's text takes up the piece's words
    (half its character pairs at least) clearly more than the text it was printed with
    (titles.MARGIN; a piece read as a subhead of the headline's own article needs no margin).
    The piece is a subhead of some article, printed in a block of its own (or any head that
    leaves open a quotation the headline closes, or the other way round), or a printed block
    of another article's heads (or of a stack of headlines with no article); it joins the
    headline's printed block. Drafts are changed in place."""
    texts = {id(d): draft_text(d) for d in drafts}
    for d in drafts:
        if not d.heads or not texts[id(d)] or d.heads[-1].text.startswith("——"):
            continue
        found = _piece(d, drafts, texts, page)
        if found is None:
            continue
        home, piece, lines, after = found
        home.take_head(piece, lines)
        joined_to = (d.heads[-1] if after else d.heads[0]).no
        if after:
            d.heads = d.heads + lines
            d.head_sizes = d.head_sizes[:-1] + [d.head_sizes[-1] + len(lines)] if d.head_sizes else [len(d.heads)]
        else:
            d.heads = lines + d.heads
            d.head_sizes = [d.head_sizes[0] + len(lines)] + d.head_sizes[1:] if d.head_sizes else [len(d.heads)]
        explain("headline-completed", (lines[0].no, lines[-1].no),
                f"a word runs across the headline at line {joined_to} and this head "
                f"({'after' if after else 'before'} it): one headline the layout printed apart")


def _piece(d: Draft, drafts: list[Draft], texts: dict[int, str], page: PageText
           ) -> tuple[Draft, Piece | None, list[Line], bool] | None:
    """The head printed elsewhere that goes on with ``d``'s headline (its draft, its body
    piece or None for a stack's block, its lines, whether it comes after the headline), the
    one whose words ``d``'s text takes up most; None when no head does."""
    best = None
    for home in drafts:
        # (a piece read as a subhead of the headline's own article is one too: a subhead
        # never goes on with its headline's words)
        # a piece of a headline is printed in a block of its own (text under a head in its
        # block is the head's own)
        candidates = [(p, list(p.lines)) for k, p in enumerate(home.body) if p.kind is Kind.HEAD and p.starts_block
                      and not (k + 1 < len(home.body) and home.body[k + 1].block == p.block)]
        # a head that leaves open a quotation the headline closes (or the other way round) is
        # one of its pieces even with text under it in its block: a subhead opens no quotation
        # it does not close
        candidates += [(p, list(p.lines)) for p in home.body if p.kind is Kind.HEAD and p.starts_block
                       and _quote_across(list(p.lines), d.heads) and (p, list(p.lines)) not in candidates]
        # and so is a printed block of another article's heads (a stack with no article, or
        # a head read as the headline of the text printed under it, whose words that text
        # does not take up as the headline's own article's do)
        if home is not d:
            candidates += [(None, b) for b in titles.blocks_of(home.heads, home.head_sizes)]
        for piece, lines in candidates:
            if len(lines) > PIECE_LINES:
                continue
            cover = titles.covers(lines, texts[id(d)])
            if cover < titles.MIN_COVER or (home is not d and cover < titles.covers(lines, texts[id(home)])
                                            + titles.MARGIN) or (best is not None and cover <= best[0]):
                continue
            if _goes_on(d.heads[-1].text, lines[0].text, page):
                best = (cover, home, piece, lines, True)
            elif _goes_on(lines[-1].text, d.heads[0].text, page):
                best = (cover, home, piece, lines, False)
    return None if best is None else best[1:]


def _quote_across(piece: list[Line], heads: list[Line]) -> bool:
    """Whether a quotation runs across head lines ``piece`` and ``heads``, either way round:
    one leaves it open (国家天文台举行“) and the other starts inside it (周又元星”颁授仪式)."""
    a, b = "".join(ln.text for ln in piece), "".join(ln.text for ln in heads)
    return (leaves_open(a) and starts_inside(b, "“", "”")) or (leaves_open(b) and starts_inside(a, "“", "”"))


def deinterleave(drafts: list[Draft], page: PageText, explain: Explain) -> None:
    """Headlines set side by side, each on two lines or more, reach pdftotext row by row:
    their lines interleave (湖北推动中小企业 / 吉林今年以来家电及 3C 产品 / 山西开展六大行 /
    特色产业集群高质量发展 / …). Where an article's heads are one-line blocks, at least two
    rows of at least two headlines, and every block goes on in the one a row further on
    (:func:`_goes_on`: a word runs across), they are regrouped into one block per headline
    (each then goes to the article whose words it takes up). Drafts are changed in place."""
    for d in drafts:
        n = len(d.heads)
        if n < 4 or d.head_sizes != [1] * n:
            continue
        for stride in range(2, n // 2 + 1):
            if n % stride or not all(_goes_on(d.heads[k].text, d.heads[k + stride].text, page)
                                     for k in range(n - stride)):
                continue
            d.heads = [d.heads[k] for j in range(stride) for k in range(j, n, stride)]
            d.head_sizes = [n // stride] * stride
            explain("headlines-interleaved", (d.heads[0].no, max(ln.no for ln in d.heads)),
                    f"{stride} headlines set side by side, their lines printed row by row: regrouped")
            break


def _goes_on(left: str, right: str, page: PageText) -> bool:
    """Whether head line ``left`` goes on in ``right``: the page prints a long run across
    the join elsewhere (six characters: the text repeats its headline's phrase, 万兆光⏎网试点),
    or a shorter one where a word runs across (特⏎色产业). A run of four alone is a common
    phrase two headlines may happen to make (新时代 中国…)."""
    run = page.continuity(left, right)
    return run >= LONG_RUN or (run >= RUN_ACROSS and lexicon.join_score(left, right) > 0)
