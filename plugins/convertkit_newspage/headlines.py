"""Stage 6, headlines: an article's head lines as rubric, kicker (引题), headline and
subtitle (——…), by their printed blocks and their order."""
from __future__ import annotations

from convertkit.cjk import join_pair

from . import lexicon
from .lines import Line, inline_text, is_han
from .names import is_personal_name, split_names
from .rules import Explain, Stage, register
from .titles import FOREIGN, MIN_COVER, blocks_of, covers

register(Stage.HEADLINES, {
    "headline-apart": "a headline with its own subtitle over another headline is not its kicker",
    "heads-by-words": "of more head blocks over an opener than kicker and headline, the two whose words the "
                      "article takes up most are its own; a block it takes up none of, beside one it takes up, "
                      "is another article's headline, not its kicker",
    "column-name": "a short head block whose words its article does not take up is the column's name",
    "kicker-block": "the printed block over the headline is its kicker",
    "doubled-headline": "headline glyphs printed twice (an outline effect) are read once",
    "subtitle-only": "a —— line over a byline is a subtitle whose headline is printed elsewhere",
})


def headline_parts(heads: list[Line], explain: Explain, opener: bool, sizes: list[int] | None = None,
                   text: str = "") -> tuple[str, str, str, list[str], list[str]]:
    """(kicker, headline, subtitle, duplicates, rubrics) from headline lines; ``sizes`` gives
    how many of the lines each printed block holds, ``text`` the article's text. Over a
    byline, separate blocks stack as kicker (引题) and headline (when more are stacked, the
    two whose words ``text`` takes up most); a block opening with —— is the subtitle."""
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
        if len(groups) >= 2 and text and max(covers(g, text) for g in groups) >= MIN_COVER:
            # a block whose words the article takes up none of, beside one it takes up, is
            # no kicker of it: another article's headline (a kicker's words run through its
            # article); not a block a word runs across into or out of (one headline printed
            # in two blocks: 限⏎价), nor, with no byline between, the block printed right
            # over the text (its own head, or the end of it: …作出⏎解释：只因涨幅过大)
            foreign = [g for k, g in enumerate(groups) if covers(g, text) < FOREIGN and not _word_runs_on(groups, k)
                       and (opener or k < len(groups) - 1)]
            for g in foreign:
                rubrics.append(inline_text(g))
                explain("heads-by-words", (g[0].no, g[-1].no), "a head block over the opener whose words its "
                                                               "article takes up none of is another article's")
            groups = [g for g in groups if not any(g is f for f in foreign)]
            heads = [ln for g in groups for ln in g] + sub_group
        if opener and len(groups) >= 2:
            if len(groups) > 2 and text:
                # more blocks than kicker and headline: the two whose words the article
                # takes up most are its own (in print order); the others are other articles'
                best = sorted(sorted(range(len(groups)), key=lambda k: -covers(groups[k], text))[:2])
            else:
                best = [len(groups) - 2, len(groups) - 1]
            for k, g in enumerate(groups):
                if k not in best:
                    rubrics.append(inline_text(g))
                    explain("heads-by-words", (g[0].no, g[-1].no), "a head block over the opener whose words its "
                                                                   "article takes up least is another article's")
            kicker_g, head_g = groups[best[0]], groups[best[1]]
            explain("kicker-block", (kicker_g[0].no, kicker_g[-1].no), "the block over the headline is its kicker")
            _, h, sub, dupes = _headline_lines(head_g + sub_group, explain, opener=False)
            return inline_text(kicker_g), h, sub, dupes, rubrics
    k, h, sub, dupes = _headline_lines(heads, explain, opener, text)
    return k, h, sub, dupes, rubrics


def _word_runs_on(groups: list[list[Line]], k: int) -> bool:
    """Whether a word runs across the break between head block ``k`` and the block before or
    after it (:func:`.lexicon.join_score`)."""
    pairs = [(groups[k - 1], groups[k])] if k else []
    if k + 1 < len(groups):
        pairs.append((groups[k], groups[k + 1]))
    return any(lexicon.join_score(a[-1].text, b[0].text) > 0 for a, b in pairs)


def take_column_names(drafts: list, body_text, explain: Explain) -> list[tuple[str, list[Line]]]:
    """The column names (:func:`_column_name`) printed among the heads of each article that
    has text, taken out of its heads (``body_text(draft)``: its text), as (text, lines).
    Drafts are changed in place (``heads`` and ``head_sizes``)."""
    found = []
    for d in drafts:
        text = body_text(d)
        if not text or not d.heads or sum(d.head_sizes) != len(d.heads):
            continue
        blocks = blocks_of(d.heads, d.head_sizes)
        kept = [g for g in blocks if not _column_name(g, text)]
        if len(kept) == len(blocks):
            continue
        for g in blocks:
            if g not in kept:
                found.append((inline_text(g), g))
                explain("column-name", g[0].no, f"{inline_text(g)}: a short head whose words the article does "
                                                f"not take up names the column")
        d.heads, d.head_sizes = [ln for g in kept for ln in g], [len(g) for g in kept]
    return found


COLUMN_NAME = 5  # characters at most: a column's name (读书, 学术随笔, 理论新视野) is a short label


def _column_name(block: list[Line], text: str) -> bool:
    """Whether a head block is the name of the column (栏目: 学术随笔, 思想纵横) printed by
    the headline: one line of a few Han characters whose words the article's ``text`` does not
    take up. A headline's words are its article's (湖北推动, a headline's first line, over a
    text about 湖北); a column's name names the column, whatever its article is about."""
    t = "".join(block[0].text.split())
    return len(block) == 1 and 2 <= len(t) <= COLUMN_NAME and all(map(is_han, t)) \
        and not (is_personal_name(t) or split_names(t)) and covers(block, text) < MIN_COVER


def _headline_lines(heads: list[Line], explain: Explain, opener: bool,
                    text: str = "") -> tuple[str, str, str, list[str]]:
    """(kicker, headline, subtitle, duplicates) from the lines of one headline block
    (``text``: the article's text, spaces removed)."""
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
    # (a line broken inside a word, 构⏎建, is one headline's first line, not a kicker; so
    # is one broken inside a phrase the article prints, 伟大⏎复兴: 实现中华民族伟大复兴)
    if opener and len(texts) == 2 and len(texts[0]) >= 8 and len(texts[1]) >= 6 and \
            not texts[1].startswith(("：", ":")) and not lexicon.join_score(texts[0], texts[1]) and \
            not (text and texts[0][-2:] + texts[1][:2] in text):
        kicker = texts.pop(0)
    headline = ""
    for t in texts:
        headline = headline + join_pair(headline, t) + t if headline else t
    return kicker, headline, subtitle, dupes
