"""Stage 6, headlines: an article's head lines as rubric, kicker (引题), headline and
subtitle (——…), by their printed blocks and their order."""
from __future__ import annotations

from convertkit.cjk import join_pair

from .lines import Line, inline_text
from .rules import Explain, Stage, register

register(Stage.HEADLINES, {
    "headline-apart": "a headline with its own subtitle over another headline is not its kicker",
    "rubric": "a banner over kicker and headline is a column rubric",
    "kicker-block": "the printed block over the headline is its kicker",
    "doubled-headline": "headline glyphs printed twice (an outline effect) are read once",
    "subtitle-only": "a —— line over a byline is a subtitle whose headline is printed elsewhere",
})


def headline_parts(heads: list[Line], explain: Explain, opener: bool,
                   sizes: list[int] | None = None) -> tuple[str, str, str, list[str], list[str]]:
    """(kicker, headline, subtitle, duplicates, rubrics) from headline lines; ``sizes`` gives
    how many of the lines each printed block holds. Over a byline, separate blocks stack as
    rubric(s) (栏目), kicker (引题) and headline; a block opening with —— is the subtitle."""
    rubrics: list[str] = []
    if sizes and sum(sizes) == len(heads) and len(sizes) > 1:
        groups, at = [], 0
        for n in sizes:
            groups.append(heads[at:at + n])
            at += n
        sub_group: list[Line] = []
        if groups[-1][0].text.startswith("——"):
            sub_group = groups.pop()
        # a block that carries its own —— subtitle is a headline, printed apart, not a
        # kicker: it and the blocks over it go to their articles
        while len(groups) >= 2 and any(ln.text.startswith("——") for ln in groups[-2][1:]):
            for g in groups[:-1]:
                rubrics.append(inline_text(g))
                explain("headline-apart", (g[0].no, g[-1].no), "a headline with its own subtitle over another "
                                                              "headline is not its kicker")
            groups = groups[-1:]
            heads = groups[0] + sub_group
        if opener and len(groups) >= 2:
            for g in groups[:-2]:
                rubrics.append(inline_text(g))
                explain("rubric", (g[0].no, g[-1].no), "a banner over kicker and headline is a column rubric")
            kicker_g, head_g = groups[-2], groups[-1]
            explain("kicker-block", (kicker_g[0].no, kicker_g[-1].no), "the block over the headline is its kicker")
            _, h, sub, dupes = _headline_lines(head_g + sub_group, explain, opener=False)
            return inline_text(kicker_g), h, sub, dupes, rubrics
    k, h, sub, dupes = _headline_lines(heads, explain, opener)
    return k, h, sub, dupes, rubrics


def _headline_lines(heads: list[Line], explain: Explain, opener: bool) -> tuple[str, str, str, list[str]]:
    """(kicker, headline, subtitle, duplicates) from the lines of one headline block."""
    texts = [h.text for h in heads]
    dupes: list[str] = []
    # a headline printed twice (glyphs doubled and fragmented): drop a line that
    # repeats the start of what follows it
    i = 0
    while i < len(texts) - 1:
        rest = "".join(texts[i + 1:])
        if len(texts[i]) >= 2 and rest.startswith(texts[i].rstrip("：:")) and \
                (texts[i].endswith(("：", ":")) or texts[i] == texts[i + 1]):
            explain("doubled-headline", heads[i].no, "headline glyphs printed twice: merged")
            dupes.append(texts.pop(i))
            heads = heads[:i] + heads[i + 1:]
            continue
        i += 1
    subtitle = ""
    if opener and texts and texts[0].startswith("——"):
        # only a subtitle over the byline: the headline is printed elsewhere
        explain("subtitle-only", heads[0].no, "a —— line over a byline is a subtitle; the headline is elsewhere")
        return "", "", "".join(texts), dupes
    sub_at = next((j for j, t in enumerate(texts) if j > 0 and t.startswith("——")), None)
    if sub_at is not None:
        subtitle = "".join(texts[sub_at:])
        texts = texts[:sub_at]
    kicker = ""
    # a kicker (引题) stands over a headline that opens an article; a short item's
    # headline printed after its body is one headline broken over two lines
    if opener and len(texts) == 2 and len(texts[0]) >= 8 and len(texts[1]) >= 6 and not texts[1].startswith(("：", ":")):
        kicker = texts.pop(0)
    headline = ""
    for t in texts:
        headline = headline + join_pair(headline, t) + t if headline else t
    return kicker, headline, subtitle, dupes
