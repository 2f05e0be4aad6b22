"""Stage 1, blocks: pdftotext's text as blank-line blocks of :class:`~.lines.Line`."""
from __future__ import annotations

from convertkit.cjk import NO_LINE_END

from .lines import DATELINE_RE, Line
from .rules import Explain, Stage, register

register(Stage.BLOCKS, {
    "dateline-starts-block": "a dateline (本报讯, 新华社…电) is the first words of a news item: a line that "
                             "starts with one starts a block",
    "kinsoku-swap": "an opening quote never ends a printed line, nor does a comma start one: "
                    "pdftotext swapped them",
})


def to_blocks(source: str, first_no: int = 1) -> list[list[Line]]:
    """Blank-line blocks of lines; ``first_no`` is the source line number of the first line."""
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for no, raw in enumerate(source.split("\n"), first_no):
        if raw.strip():
            cur.append(Line.read(no, raw))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


SWAPPED_PUNCT = "，。、；：？！"


def swap_kinsoku(blocks: list[list[Line]], explain: Explain) -> None:
    """Put back a pair of punctuation marks pdftotext printed in the wrong order across a
    line break (行动自由”“⏎，为中): an opening quote never ends a printed line, nor does a
    comma start one, so the two change places (行动自由”，⏎“为中)."""
    for block in blocks:
        for k in range(1, len(block)):
            a, b = block[k - 1], block[k]
            if len(a.text) > 1 and len(b.text) > 1 and a.text[-1] in NO_LINE_END and b.text[0] in SWAPPED_PUNCT:
                block[k - 1] = Line(a.no, a.raw, a.text[:-1] + b.text[0], opens=a.opens)
                block[k] = Line(b.no, b.raw, a.text[-1] + b.text[1:], opens=b.opens)
                explain("kinsoku-swap", (a.no, b.no), "opening quote at a line end, comma at the next start: swapped")


def split_at_datelines(blocks: list[list[Line]], explain: Explain) -> list[list[Line]]:
    """Blocks cut before every line, but the first, that starts with a dateline (本报讯,
    新华社…电, 本报…电): a dateline opens a news item, and pdftotext sometimes prints
    the item's first line right under another column's last one, with no blank line.
    (据…报道 is left alone: it also opens sentences inside a paragraph.)"""
    out: list[list[Line]] = []
    for block in blocks:
        start = 0
        for k in range(1, len(block)):
            m = DATELINE_RE.match(block[k].text)
            if m and not m.group(1).startswith("据"):
                out.append(block[start:k])
                start = k
                explain("dateline-starts-block", (block[k - 1].no, block[k].no),
                        f"a line opening with the dateline {m.group(1)} starts a new block")
        out.append(block[start:])
    return out
