"""CJK text helpers shared by readers and writers: character classes, line joining,
closing up letter-spaced runs, display width and line breaking with kinsoku rules."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Any, Callable

# Ideographs, kana, hangul, CJK symbols and punctuation, fullwidth forms, and the
# dashes, quotes and ellipsis that Chinese text uses between ideographs, as code point
# bounds. ``is_cjk`` tests them directly: compiling a regex class over these ranges costs
# about 3 ms each (the re compiler visits every code point), which start-up time notices.
_CJK_BOUNDS = ((0x00B7, 0x00B7), (0x2014, 0x2015), (0x2018, 0x2019), (0x201C, 0x201D), (0x2026, 0x2026),
               (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x3190, 0x31FF),
               (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
               (0xFF00, 0xFFEF), (0x20000, 0x3134F))
#: The same set as a regex character class body, for patterns that need it.
CJK_CLASS = "".join(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _CJK_BOUNDS)
_WS = re.compile(r"[ \t\u00a0\u3000]+")

#: Characters that may not start a line (closing punctuation).
NO_LINE_START = set("，。、；：？！）」』》〉】〕”’…—·%‰℃,.;:?!)]}")
#: Characters that may not end a line (opening punctuation).
NO_LINE_END = set("（「『《〈【〔“‘([{")
#: Sentence-final punctuation (possibly followed by closing quotes/brackets).
SENTENCE_END = set("。！？!?…")
CLOSERS = set("”’」』）)》〉】")


class CharTable(dict):
    """Answers of ``compute`` per key (a character, or a code point for ``str.translate``),
    filled in as keys are met and capped at 64 Ki entries: the per-character tests of the
    readers' hot loops run as dictionary lookups, in C when mapped over a string."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Any) -> Any:
        answer = self.compute(key)
        if len(self) < 65536:
            self[key] = answer
        return answer


_CJK_STARTS = [lo for lo, _ in _CJK_BOUNDS]


def _in_cjk_bounds(ch: str) -> bool:
    o = ord(ch)
    i = bisect_right(_CJK_STARTS, o) - 1
    return i >= 0 and o <= _CJK_BOUNDS[i][1]


CJK_TABLE = CharTable(_in_cjk_bounds)  #: ``CJK_TABLE[ch]``: is_cjk for one character, without a call (for hot loops)


def is_cjk(ch: str) -> bool:
    """True for a Chinese/Japanese/Korean character or CJK punctuation."""
    return bool(ch) and CJK_TABLE[ch[0]]


def join_pair(left: str, right: str) -> str:
    """The separator to put between two wrapped lines: nothing where either side is CJK
    (or a number cut inside CJK text), one space between Latin words."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if is_cjk(a) or is_cjk(b):
        return ""
    if a == "-" and len(left) > 1 and left[-2].isalpha() and b.isalpha():
        return ""  # a hyphen at the end of a wrapped Latin line stays, the words join
    if a.isdigit() and b.isdigit():
        # a number the wrap cut inside CJK text (未来 1⏎5 年): its digits close up
        before, after = left.rstrip("0123456789"), right.lstrip("0123456789")
        if (before and is_cjk(before[-1])) or (after and is_cjk(after[0])):
            return ""
    return " "


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one string, CJK-aware (parts collected, joined once: linear
    in the text, however many lines)."""
    parts: list[str] = []
    prev = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if prev:
            parts.append(join_pair(prev, line))
        parts.append(line)
        prev = line
    return "".join(parts)


def close_up(text: str) -> str:
    """Remove whitespace next to CJK characters; collapse other runs to one space."""
    if _WS.search(text) is None:
        return text.strip()  # nothing to close up: the same string, not a copy
    out: list[str] = []
    prev = ""
    for part in _WS.split(text):
        if not part:
            continue
        if prev and not is_cjk(prev[-1]) and not is_cjk(part[0]):
            out.append(" ")
        out.append(part)
        prev = part
    return "".join(out).strip()


def char_width(ch: str) -> int:
    """Display width of one character: 2 for wide/fullwidth, 0 for combining, else 1."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Display width of a string in terminal columns."""
    return sum(char_width(c) for c in text)


_RUN = re.compile(r"\s+|\S+")


def tokens(text: str) -> list[str]:
    """Break units for wrapping: each CJK character alone, runs of other non-space
    characters, and runs of whitespace."""
    out: list[str] = []
    for run in _RUN.findall(text):
        if run[0].isspace():  # an ideographic space (U+3000) leading a run stands alone
            i = 0
            while i < len(run) and is_cjk(run[i]):
                out.append(run[i])
                i += 1
            if i < len(run):
                out.append(run[i:])
            continue
        word = ""
        for ch in run:
            if is_cjk(ch):
                if word:
                    out.append(word)
                    word = ""
                out.append(ch)
            else:
                word += ch
        if word:
            out.append(word)
    return out


def wrap(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` display columns (a longer unbreakable
    word stays whole). A line never starts with closing punctuation nor ends with opening
    punctuation: the character before is carried to the next line instead."""
    if columns <= 0:
        return [text]
    lines: list[list[str]] = [[]]
    width = 0
    for tok in tokens(text):
        if tok.isspace():
            if lines[-1]:
                lines[-1].append(" ")
                width += 1
            continue
        w = display_width(tok)
        if width + w > columns and any(not t.isspace() for t in lines[-1]):
            cur = lines[-1]
            while cur and cur[-1] == " ":
                cur.pop()
            carry: list[str] = []

            def fits(extra: str) -> bool:
                return display_width("".join(carry) + extra + tok) <= columns

            while len(cur) > 1 and (carry[0] if carry else tok)[0] in NO_LINE_START and fits(cur[-1]):
                carry.insert(0, cur.pop())  # take characters along with the punctuation
            while len(cur) > 1 and cur[-1][-1] in NO_LINE_END and fits(cur[-1]):
                carry.insert(0, cur.pop())
            while carry and carry[0] == " ":
                carry.pop(0)
            lines.append(carry)
            width = sum(display_width(t) for t in carry)
        lines[-1].append(tok)
        width += w
    return ["".join(line).rstrip() for line in lines if line]


_PRINTED_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def printed_date(text: str) -> str:
    """ISO 8601 of a printed Chinese date (2018 年 1 月 8 日 星期一 -> 2018-01-08), or ""."""
    m = _PRINTED_DATE.match(text)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""
