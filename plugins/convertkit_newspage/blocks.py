"""Stage 1, blocks: pdftotext's text as blank-line blocks of :class:`~.lines.Line`."""
from __future__ import annotations

from convertkit.cjk import NO_LINE_END

from . import lexicon
from .lines import DATELINE_RE, Line, ends_sentence
from .rules import Explain, Stage, register

register(Stage.BLOCKS, {
    "dateline-starts-block": "a dateline (本报讯, 新华社…电) is the first words of a news item: a line that "
                             "starts with one starts a block",
    "kinsoku-swap": "an opening quote never ends a printed line, nor does a comma start one: "
                    "pdftotext swapped them",
    "columns-interleaved": "two columns printed row by row in one block are two blocks: read as two "
                           "streams, each line going on in the one whose last line it continues, the block "
                           "runs words across far more line ends than in print order",
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


# Two columns set side by side with their baselines level can reach pdftotext as one block,
# row by row: column A's line, column B's, A's next (百年大计，教育为本。 / 育振兴计划。覆盖各级各类 /
# 习近平同志所作的党的十九 / 教育的家庭经济困难学生资 / 大报告…). Every line then goes on two lines
# further on, not in the next; read in print order, the block's line ends run hardly a word
# across, where a column cut at any character runs one across about every other line end.
INTERLEAVED_LINES = 10  # lines: the least block looked at
STREAM_REACH = 4  # lines: how far back the other column's last line may be
SKIP_LEAD = 3  # line ends: the quick look's lead for the next line that ends it
INTERLEAVED_GAIN = 5  # line ends with a word across that the two columns must add to print order


def split_interleaved(blocks: list[list[Line]], explain: Explain) -> list[list[Line]]:
    """Blocks that are two columns printed row by row, each cut into its two columns (the
    one holding the block's first line first); other blocks as they are."""
    out: list[list[Line]] = []
    for block in blocks:
        streams = _two_columns(block) if len(block) >= INTERLEAVED_LINES and _looks_interleaved(block) else None
        if streams is None:
            out.append(block)
            continue
        first, second, gain = streams
        out += [first, second]
        explain("columns-interleaved", (block[0].no, block[-1].no),
                f"read as two columns ({len(first)} and {len(second)} lines) the block runs a word across "
                f"{gain} more line ends than in print order: cut in two")
    return out


def _looks_interleaved(block: list[Line]) -> bool:
    """A quick look: whether the block's lines join a character pair that is a word more
    often with the line after next than with the next (one look-up each way per line end;
    given up once the next line has the lead by SKIP_LEAD, as in nearly every block)."""
    words = lexicon.words()
    texts = [ln.text for ln in block]
    lead = 0  # line ends that join the next line with a word, less those joining the one after
    for k in range(len(texts) - 2):
        end = texts[k][-1:]
        lead += (words.get(end + texts[k + 1][:1]) > 0) - (words.get(end + texts[k + 2][:1]) > 0)
        if lead >= SKIP_LEAD:
            return False
    return lead <= -2


def _two_columns(block: list[Line]) -> tuple[list[Line], list[Line], int] | None:
    """The block's lines as two streams that run the most words across their line ends
    (each line goes on in the stream of the line before or in the other, whose last line
    is at most STREAM_REACH lines back), where that beats print order by INTERLEAVED_GAIN.
    Between readings that run as many words across, the one that changes stream more often:
    a line after a sentence's end says nothing of its column, and the columns alternate."""
    texts = [ln.text for ln in block]
    memo: dict[tuple[int, int], int] = {}

    def across(a: int, b: int) -> int:
        if (a, b) not in memo:
            memo[a, b] = int(not ends_sentence(texts[a]) and lexicon.join_score(texts[a], texts[b]) > 0)
        return memo[a, b]

    n = len(block)
    word = n  # a word across outweighs every change of stream
    # best[i][j]: the most words across, line i the last of its stream, j the other's last (-1: none)
    best: list[dict[int, tuple[int, tuple[int, int] | None]]] = [{-1: (0, None)}]
    for i in range(1, n):
        row: dict[int, tuple[int, tuple[int, int] | None]] = {}
        for j, (score, _) in best[i - 1].items():
            if j != -1 and j < i - 1 - STREAM_REACH:
                continue  # the other stream has ended
            v = score + word * across(i - 1, i)  # i goes on in the stream of i - 1
            if v > row.get(j, (-1, None))[0]:
                row[j] = (v, (i - 1, j))
            v = score + (word * across(j, i) if j >= 0 else 0) + 1  # i goes on in the other stream
            if v > row.get(i - 1, (-1, None))[0]:
                row[i - 1] = (v, (i - 1, j))
        best.append(row)
    last, (top, _) = max(best[-1].items(), key=lambda kv: (kv[1][0], -kv[0]))
    gain = top // word - sum(across(k, k + 1) for k in range(n - 1))
    if gain < INTERLEAVED_GAIN:
        return None
    # back through the choices: which stream each line is in
    stream = [0] * n
    i, j, side = n - 1, last, 0
    while i > 0:
        _, (pi, pj) = best[i][j]
        stream[i] = side
        if pj != j:  # i went on in the other stream than i - 1
            side = 1 - side
        i, j = pi, pj
    stream[0] = side
    first = [ln for ln, s in zip(block, stream) if s == stream[0]]
    second = [ln for ln, s in zip(block, stream) if s != stream[0]]
    if min(len(first), len(second)) < 3:
        return None
    return first, second, gain
