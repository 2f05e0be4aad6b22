"""CJK text helpers shared by readers and writers: character classes, line joining,
closing up letter-spaced runs, display width and line breaking with kinsoku rules."""
from __future__ import annotations

import re
import unicodedata

# Ideographs, kana, hangul, CJK symbols and punctuation, fullwidth forms, and the
# dashes, quotes and ellipsis that Chinese text uses between ideographs.
CJK_CLASS = (r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
             r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
             r"\U00020000-\U0003134f\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7")
CJK_RE = re.compile(f"[{CJK_CLASS}]")
_SPACE_NEAR_CJK = re.compile(f"(?<=[{CJK_CLASS}])[ \\t\\u00a0\\u3000]+|[ \\t\\u00a0\\u3000]+(?=[{CJK_CLASS}])")
_WS = re.compile(r"[ \t\u00a0\u3000]+")

#: Characters that may not start a line (closing punctuation).
NO_LINE_START = set("，。、；：？！）」』》〉】〕”’…—·%‰℃,.;:?!)]}")
#: Characters that may not end a line (opening punctuation).
NO_LINE_END = set("（「『《〈【〔“‘([{")
#: Sentence-final punctuation (possibly followed by closing quotes/brackets).
SENTENCE_END = set("。！？!?…")
CLOSERS = set("”’」』）)》〉】")


def is_cjk(ch: str) -> bool:
    """True for a Chinese/Japanese/Korean character or CJK punctuation."""
    return bool(ch) and CJK_RE.match(ch) is not None


def join_pair(left: str, right: str) -> str:
    """The separator to put between two wrapped lines: nothing where either side is CJK,
    one space between Latin words."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if is_cjk(a) or is_cjk(b):
        return ""
    if a == "-" and len(left) > 1 and left[-2].isalpha() and b.isalpha():
        return ""  # a hyphen at the end of a wrapped Latin line stays, the words join
    return " "


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one string, CJK-aware."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        out = out + join_pair(out, line) + line if out else line
    return out


def close_up(text: str) -> str:
    """Remove whitespace next to CJK characters; collapse other runs to one space."""
    return _WS.sub(" ", _SPACE_NEAR_CJK.sub("", text)).strip()


def char_width(ch: str) -> int:
    """Display width of one character: 2 for wide/fullwidth, 0 for combining, else 1."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Display width of a string in terminal columns."""
    return sum(char_width(c) for c in text)


_TOKEN = re.compile(f"[{CJK_CLASS}]|[^\\s{CJK_CLASS}]+|\\s+")


def wrap(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` display columns (a longer unbreakable
    word stays whole). A line never starts with closing punctuation nor ends with opening
    punctuation: the character before is carried to the next line instead."""
    if columns <= 0:
        return [text]
    lines: list[list[str]] = [[]]
    width = 0
    for tok in _TOKEN.findall(text):
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
