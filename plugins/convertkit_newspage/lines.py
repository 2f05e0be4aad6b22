"""Line-level facts about a newspaper page: letter-spacing repair, width in ems, and the
patterns that mark datelines, bylines, sign-offs, author lines and page furniture."""
from __future__ import annotations

import re
from typing import Iterator

from convertkit.cjk import CJK_TABLE, CLOSERS, SENTENCE_END, CharTable, close_up, is_cjk, join_pair

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs (with extension A, compatibility)
_INNER_WS = re.compile(r"\s+")


def is_han(ch: str) -> bool:
    """True for one CJK ideograph (the ``HAN`` ranges)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


_HAN_TABLE = CharTable(is_han)

#: ``str.translate`` tables (not regexes of the ideograph ranges, whose compiling walks every
#: code point: some 2 ms each at start-up): every character but an ideograph becomes a space,
#: so a text splits into its runs of ideographs; ideographs and spaces stay, the rest goes
HAN_RUNS = CharTable(lambda code: code if is_han(chr(code)) else 32)
HAN_AND_SPACES = CharTable(lambda code: code if code == 32 or is_han(chr(code)) else None)


def has_two_han(text: str) -> bool:
    """Whether ``text`` holds at least two CJK ideographs (looked at until the second)."""
    seen = False
    for ch in text:
        if _HAN_TABLE[ch]:
            if seen:
                return True
            seen = True
    return False


def _mask(code: int) -> int:
    """For ``str.translate``: a non-ASCII letter that is not an ideograph (kana, hangul, é,
    Ж …; digits are not letters here) becomes U+0000, other characters stay."""
    ch = chr(code)
    return 0 if code > 127 and ch.isalnum() and not ch.isdecimal() and not is_han(ch) else code


_MASK = CharTable(_mask)


class HanPattern:
    """A regex in which ``{H}`` stands for one CJK ideograph.

    The ``re`` compiler walks every code point of a class like ``[\u4e00-\u9fff]``: some
    3 ms per pattern, which start-up notices. Here ``{H}`` compiles to the cheap class of
    non-ASCII letters (``[^\\W\\d\\x00-\\x7f]``), and the text is matched with every such
    letter that is not an ideograph masked to U+0000, which nothing in the patterns
    matches. So the cheap class meets only ideographs, and the pattern accepts exactly
    what it would with the ideograph ranges spelled out (tests/test_newspage.py checks it
    against those). Masking keeps every position, and the masked letters can never be
    inside a match, so spans and groups are those of the original text.
    """

    def __init__(self, pattern: str, flags: int = 0, *, lead: str = "", tail: str = "",
                 needs: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self._re = re.compile(pattern.replace("{H}", r"[^\W\d\x00-\x7f]"), flags)
        # what every match starts with (one of the ``lead`` characters), every string with
        # a match ends with (``tail``, before trailing whitespace) or holds (one of
        # ``needs``): most lines are turned away by a character test, never masked nor matched
        self.lead, self.tail, self.needs = lead, tail, needs

    def exact(self) -> str:
        """The pattern with the ideograph ranges spelled out."""
        return self.pattern.replace("{H}", f"[{HAN}]")

    def match(self, s: str) -> re.Match[str] | None:
        if self.lead and s[:1] not in self.lead or self.needs and not any(n in s for n in self.needs):
            return None
        return self._re.match(masked(s))

    def search(self, s: str) -> re.Match[str] | None:
        if self.tail and not s.rstrip().endswith(self.tail):
            return None
        return self._re.search(masked(s))

    def finditer(self, s: str) -> Iterator[re.Match[str]]:
        return self._re.finditer(masked(s))


_MASKED: dict[str, str] = {}


def forget() -> None:
    """Empty the masked-line memo (the reader does, for each document)."""
    _MASKED.clear()


def masked(s: str) -> str:
    """``s`` with non-ideograph letters masked, remembered: the reader tries a dozen
    patterns on each line, and masking costs more than looking the line up."""
    m = _MASKED.get(s)
    if m is None:
        if len(_MASKED) >= 8192:  # a bounded memo: a long input must not grow it forever
            _MASKED.clear()
        m = _MASKED[s] = s.translate(_MASK)
    return m


DATE_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(\s*星期[一二三四五六日天])?$")
WEEKDAY_RE = re.compile(r"^星期\s*[一二三四五六日天]$")  # the date's weekday, printed apart
PAGE_RE = HanPattern(r"^(?:第\s*)?(\d{1,3})\s*(?:版)?\s+({H}{2,6})$|^({H}{2,6})\s+(\d{1,3})$")
LONE_PAGE_RE = re.compile(r"^(?:第\s*)?\d{1,3}\s*版?$")  # a page number alone in its block
LABEL_RE = HanPattern(r"^{H}{0,4}(新闻|理论|要闻|评论|国际|经济|财经|文化|体育|副刊|专刊|综合|社会|观点|时评|视点|聚焦|"
                      r"科技|教育|法治|民生|产经)$")
#: a campaign banner (专栏 of a study campaign) set over a page's articles: 深入学习贯彻习近平新时代
#: 中国特色社会主义思想, 认真学习宣传贯彻党的十九大精神, 学习贯彻党的二十大精神
BANNER_RE = re.compile(r"^(?:深入|认真|全面|持续)?学习(?:宣传)?贯彻.{2,28}(?:精神|思想)$")
CREDIT_WORDS = ("制图", "摄影", "图片", "绘图", "供图", "图文", "版式设计", "责任编辑", "本版编辑", "美编")
CREDIT_RE = re.compile(rf"^({'|'.join(CREDIT_WORDS)})\s*[：:]")
CREDIT_FIRST = frozenset(w[0] for w in CREDIT_WORDS)  # what a credit line starts with
#: a news item's dateline: 本报讯, or who sent it from where and when: a paper (本报) or a news
#: agency or site (新华社, 中新社, 法新社, 人民网 …), a place, a day, 电 (新华社北京2月6日电,
#: 法新社伦敦六日电); or 本报记者…报道, 据…报道
DATELINE_RE = HanPattern(
    r"^(本报讯|(?:本报|新华社)(?:{H}|[\d\s]){0,12}电|{H}{1,4}[社网]\s*(?:{H}|[\d\s]){1,14}日\s*电|"
    r"本报记者(?:{H}|\s){2,20}报道|据{H}{2,8}报道)(?=\s|{H}|[（“]|$)", needs=("讯", "电", "报道"))
#: a byline's credit: a reporter or correspondent of this paper, of another, of an agency
CREDIT = r"(?:本报|{H}{1,4}[社报])?(?:特约)?(?:记者|通讯员)"


class _BylinePattern(HanPattern):
    """A reporter's credit and the names after it (本报记者 卢梦琪, 记者 张三 李四, 记者 王 五):
    what follows the credit reads as personal names, set apart or together, or is letters set
    apart one by one (a transliterated name in dotted parts is one name: 记者 乔治·华盛顿). A
    lede's first line that opens with 记者 (记者从国家防汛抗旱总指…) is no byline."""

    def match(self, s: str) -> re.Match[str] | None:
        m = super().match(s)
        if m is None:
            return None
        from .names import is_personal_name, split_names  # (names reads this module's patterns)

        rest = s[m.end(1):]
        words = [w for w in re.split(r"[\s、]+", rest) if w]
        joined = "".join(words)
        names = all(is_personal_name(w) or split_names(w) for w in words) or all(len(w) == 1 for w in words) \
            or is_personal_name(joined) or split_names(joined) is not None
        return m if names else None


BYLINE_RE = _BylinePattern(rf"^({CREDIT}|记者|通讯员)\s*(?:{{H}}|[\s、·•]){{2,30}}$", needs=("记者", "通讯员"))
#: a picture's credit: a reporter who took it (本报记者 张三摄, 新华社记者 李贺摄)
PHOTO_CREDIT_RE = HanPattern(rf"^{CREDIT}\s*(?:{{H}}|[\s、·•]){{2,24}}摄$", needs=("摄",))
#: a news lede opens with when it happened (近日，… 4月9日，…), or with the reporter's credit
#: that follows its dateline (（记者 …）); a section of a feature seldom does
NEWS_LEDE_RE = re.compile(r"近日|日前|近期|\d{1,2}月\d{1,2}日|今年|昨天|今天")
#: the reporter's credit a news item's text opens with, after its dateline (（记者 …）)
CREDIT_OPEN_RE = HanPattern(rf"^[（(]\s*{CREDIT}", lead="（(")
#: ... or with the reporter saying where the news was learnt (记者从国家防汛抗旱总指挥部获悉,
#: 本报记者日前从…了解到, 记者在…看到): a news lede's formula, no byline
REPORTER_LEDE_RE = re.compile(r"^(?:本报)?记者\s*(?:近日|日前|今天|昨天|\d{1,2}\s*日)?\s*(?:从|在|于)")
SIGNOFF_RE = HanPattern(r"\s*(（\s*{H}(?:\s*{H}){0,5}\s*）)\s*$", tail="）")
AUTHOR_START_RE = re.compile(r"^（\s*作\s*者")
ENUM_RE = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|第[一二三四五六七八九十]+[，、,])")
#: a head's number (一、 二、 …, （一） …, 1. …): numbered subheads run in sequence
SECTION_NUMBER_RE = re.compile(r"^(?:([一二三四五六七八九十]{1,2})、|（([一二三四五六七八九十]{1,2})）|(\d{1,2})[.．、])")


def section_number(text: str) -> tuple[int, int] | None:
    """The numbering style (0 for 一、, 1 for （一）, 2 for 1.) and the number a head
    opens with (spaces removed), or None (also for no number, as 一二、)."""
    m = SECTION_NUMBER_RE.match(text)
    if m is None:
        return None
    style = next(k for k, g in enumerate(m.groups()) if g)
    g = m.group(style + 1)
    if style == 2:
        return style, int(g)
    digits = "一二三四五六七八九"
    tens, ten, ones = g.partition("十")
    if not ten:
        return (style, digits.index(g) + 1) if len(g) == 1 else None
    if tens not in ("", *digits) or ones not in ("", *digits):
        return None
    return style, (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


SENTENCE_PUNCT = set("。！？；，、：!?;,:")


def spaced_pairs(s: str) -> int:
    """How many single spaces stand between two CJK characters."""
    parts = s.split(" ")
    return sum(1 for a, b in zip(parts, parts[1:]) if a and b and CJK_TABLE[a[-1]] and CJK_TABLE[b[0]])


def despace(raw: str, pairs: int | None = None) -> str:
    """A line with letter-spacing closed up: spaces next to CJK characters go, and in a
    letter-spaced line every space goes except one between two Latin letters/digits.
    ``pairs``: ``spaced_pairs`` of the stripped line, when the caller has it."""
    s = raw.strip()
    if not s:
        return s
    if (spaced_pairs(s) if pairs is None else pairs) >= 2:
        parts = _INNER_WS.split(s)
        out = parts[0]
        for p in parts[1:]:
            if out[-1:].isascii() and out[-1:].isalnum() and p[:1].isascii() and p[:1].isalnum():
                out += " "
            out += p
        return out
    return close_up(s)


_HALF_PUNCT = set("，、。；：！？（）“”‘’《》")


_EM = CharTable(lambda ch: 0.5 if ch in _HALF_PUNCT or not is_cjk(ch) else 1.0)  # width in ems


def em_width(text: str) -> float:
    """Printed width in ems: CJK characters 1; Latin letters, digits, spaces and the CJK
    punctuation that justified Chinese lines compress, 1/2."""
    return sum(map(_EM.__getitem__, text))


def widest(line: "Line") -> float:
    """The most ems ``line`` may take: its CJK punctuation set a full em each, as Chinese
    type sets it unless a line is squeezed (:func:`em_width` counts it at half)."""
    return line.width + 0.5 * sum(ch in _HALF_PUNCT for ch in line.text)


def letter_spaced(raw: str) -> bool:
    """True when pdftotext spread the line's characters apart (a justified line)."""
    return spaced_pairs(raw.strip()) >= 3


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence (closing quotes/brackets after the stop allowed)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        if t[-1] in "）)" and "（" in t[-12:] and not t.endswith("。）"):
            break
        t = t[:-1]
    return bool(t) and t[-1] in SENTENCE_END


def has_sentence_punct(text: str) -> bool:
    return not SENTENCE_PUNCT.isdisjoint(text)


def closes_unopened(text: str) -> bool:
    """Whether ``text`` closes a bracket it did not open: it goes on with text that opened it."""
    depth = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if not depth:
                return True
            depth -= 1
    return False


def starts_inside(text: str, opening: str, closing: str) -> bool:
    """Whether ``text`` starts inside a quotation (bracket, title) opened before it: it
    closes one before it opens any (…新成效。”)."""
    end = text.find(closing)
    return end >= 0 and not 0 <= text.find(opening) < end


def leaves_open(text: str) -> bool:
    """Whether ``text`` opens a quotation, title or bracket (“ 《 （) that it does not close:
    what it begins goes on after it."""
    return any(text.count(o) > text.count(c) for o, c in ("“”", "《》", "（）", "‘’"))


class Record:
    """A plain record with a dataclass's equality (same class, equal ``_compared`` fields)
    and ``repr``. The reader's working records are made by hand, not by ``@dataclass``:
    generating and compiling their methods cost some 0.3 ms a class at start-up."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass with eq

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._compared)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._compared)
        return f"{type(self).__name__}({shown})"


class Line(Record):
    """One input line: its number, the raw text, the despaced text, its width in ems,
    whether pdftotext letter-spaced it, and ``opens``: whether it is set indented as a
    paragraph's first line, when a front end that sees the page knows (None: the text does
    not say, as in pdftotext's output)."""

    __slots__ = ("no", "raw", "text", "width", "spaced", "opens")
    _compared = ("no", "raw", "text")

    def __init__(self, no: int, raw: str, text: str, spaced: bool | None = None,
                 opens: bool | None = None) -> None:
        self.no, self.raw, self.text = no, raw, text
        self.width = em_width(text)
        self.spaced = letter_spaced(raw) if spaced is None else spaced
        self.opens = opens

    def __eq__(self, other: object) -> bool:  # the hot one, spelled out
        if other.__class__ is not Line:
            return NotImplemented
        return self.no == other.no and self.raw == other.raw and self.text == other.text  # type: ignore[attr-defined]

    @classmethod
    def read(cls, no: int, raw: str) -> "Line":
        """Line ``no`` of the input, despaced (its spaced pairs counted once)."""
        s = raw.strip()
        if _INNER_WS.search(s) is None:  # most lines: nothing to close up
            return cls(no, raw, s, False)
        pairs = spaced_pairs(s)
        return cls(no, raw, despace(raw, pairs), pairs >= 3)


def inline_text(lines: list[Line]) -> str:
    """The lines joined into one text (as :func:`joined`, without the line marks; where CJK
    meets at every break, as it nearly always does, one ``str.join``)."""
    prev = ""
    for ln in lines:
        t = ln.text
        if t:
            if prev and not (CJK_TABLE[prev[-1]] or CJK_TABLE[t[0]]):
                return joined(lines)[0]
            prev = t
    return "".join([ln.text for ln in lines])


def spaceless_text(lines: list[Line]) -> str:
    """The lines' text with every space removed (what words are looked up in)."""
    return "".join("".join(ln.text.split()) for ln in lines)


def joined(lines: list[Line]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The lines joined into one text, and where each source line starts in it."""
    parts: list[str] = []
    marks = []
    pos, tail = 0, ""  # tail: the last two characters joined so far
    for ln in lines:
        t = ln.text
        if tail and t and not (CJK_TABLE[tail[-1]] or CJK_TABLE[t[0]]):  # CJK on either side: no separator
            sep = join_pair(tail, t)
            parts.append(sep)
            pos += len(sep)
        marks.append((pos, ln.no))
        parts.append(t)
        pos += len(t)
        tail = t[-2:] if len(t) >= 2 else (tail + t)[-2:]
    return "".join(parts), tuple(marks)
