"""Chinese personal names, to tell a byline (陈宝生, 周江 张济坤) from two or three
characters of a headline that wrapped onto a line of their own (推进).

A name is two or three characters, four with a two-character surname, and starts with a
surname. The set below holds the few hundred most frequent single-character surnames (they
cover nearly all of the population) less those that are far more often ordinary words
(国, 和, 平 …); it is a necessary condition, not a sufficient one."""
from __future__ import annotations

import re

from convertkit.cjk import close_up

from . import lexicon
from .lines import BYLINE_RE, CREDIT, HanPattern, Line, is_han

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵"
    "苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘迟邝匡鞠荆冀郁胥班储栗燕楚鄢劳谌奚粟冼蔺"
    "厉伊仝郜阚权帅屠朴盖练廉禹井祖漆狄宣晋芮阙浦鹿薄邸雍辜羊裘亓邰赫杭逯茹诸嵇湛戎茅尉冶束"
    "檀昝智幸植衡尧闭鄂"
)
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "澹台", "钟离", "轩辕", "呼延", "万俟", "闻人", "申屠",
})


#: a name written in parts joined by the middle dot (间隔号): a minority or foreign name
#: transliterated (阿依古丽·买买提), which starts with no surname
_DOTTED_PARTS = r"{H}{1,5}(?:[·•]{H}{1,5}){1,2}"
_DOTTED = HanPattern(rf"^{_DOTTED_PARTS}$", needs=("·", "•"))


def dotted_name(s: str) -> bool:
    """``s`` is a transliterated name in parts joined by the middle dot, none of them a
    common word (中国·东盟 is two places)."""
    return bool(_DOTTED.match(s)) and not any(lexicon.common_word(p) for p in re.split("[·•]", s))


def is_personal_name(s: str) -> bool:
    """``s`` (one name, no spaces) reads as a Chinese personal name: ideographs only, or
    a transliterated name in dotted parts (:func:`dotted_name`)."""
    if dotted_name(s):
        return True
    if not all(map(is_han, s)):
        return False
    if s[:2] in COMPOUND_SURNAMES:
        return 3 <= len(s) <= 4
    return 2 <= len(s) <= 3 and s[0] in SURNAMES


def split_names(s: str) -> list[str] | None:
    """``s`` (no spaces) as two or three personal names set without the space between them
    (范祚军万少文 -> 范祚军, 万少文), or ``None``. The shortest reading is kept when several
    fit, and every part must read as a name: not a common word (江苏万兆光 is no 江苏 and
    万兆光; names set together are rare, a place or a word cut off a headline is not), and
    the whole no phrase of common words (权力如何分配 is no 权力如 and 何分配)."""
    if not 4 <= len(s) <= 12:
        return None
    best: list[str] | None = None
    for n in (2, 3, 4):
        head = s[:n]
        if not _name_part(head):
            continue
        rest = s[n:]
        if _name_part(rest):
            parts = [head, rest]
        else:
            tail = split_names(rest)
            if tail is None or len(tail) > 2:
                continue
            parts = [head, *tail]
        if best is None or len(parts) < len(best):
            best = parts
    return None if best is None or lexicon.reads_as_words(s) else best


def _name_part(s: str) -> bool:
    """Whether ``s`` reads as one of several names set together: a personal name, and not a
    two-character common word (江苏)."""
    return is_personal_name(s) and not (len(s) == 2 and lexicon.common_word(s))


_WORD = rf"(?:{{H}}{{2,4}}|{_DOTTED_PARTS})"  # a name's word: 2-4 ideographs, or dotted parts
NAME_RE = HanPattern(rf"^{_WORD}(?:\s+{_WORD}){{0,3}}$")


def name_fragment(line: Line) -> bool:
    """A single Chinese character alone on its line: a name the layout broke apart (肖⏎⏎珺)."""
    raw = line.raw.strip()
    return len(raw) == 1 and is_han(raw)


def name_words(line: Line) -> list[str]:
    """The words of ``line``; a name letter-spaced to the width of a longer one (肖 珺,
    欧 阳 辉: bylines of one column are set to one width) is one word, and names whose
    characters pdftotext spread apart are read closed up (范 祚 军 万 少 文)."""
    parts = line.raw.split()
    if len(parts) >= 2 and all(len(p) == 1 for p in parts):
        # every character set apart: pdftotext spread a justified line (范 祚 军 万 少 文)
        joined = "".join(parts)
        if is_personal_name(joined):
            return [joined]
        if len(parts) > 4:
            return split_names(joined) or parts
    return parts


def name_shaped(line: Line) -> bool:
    """One to four words of two to four ideographs: the shape of a line of names."""
    return bool(NAME_RE.match(" ".join(name_words(line))))


def is_name_line(line: Line) -> bool:
    """A line of one or more personal names, 2–3 characters each (陈宝生, 周江 张济坤), or of
    names set without a space between them (周江张济坤)."""
    if len(line.text) > 16:  # four names of four characters at most
        return False
    parts = name_words(line)
    if len(parts) == 1 and split_names(parts[0]) is not None:
        return True
    return name_shaped(line) and all(2 <= len(x) <= 3 or is_personal_name(x) for x in parts)


def names_only(line: Line) -> bool:
    """Every word of the line reads as a personal name (starts with a surname)."""
    words = name_words(line)
    if len(words) == 1 and split_names(words[0]) is not None:
        return True
    return all(is_personal_name(w) for w in words)


def byline_line(line: Line) -> bool:
    """A byline's line: personal names alone, or a reporter's credit and names (BYLINE_RE)."""
    return is_name_line(line) and names_only(line) or bool(BYLINE_RE.match(line.text))


#: a credit before the names of a byline (本报记者 卢梦琪, 新华社记者 …, 通讯员 …)
_CREDIT = HanPattern(rf"^\s*({CREDIT}|实习生)\s+(?=\S)")  # and the names after it
_CREDIT_START = HanPattern(f"(?:{CREDIT}|实习生)")  # the credit a byline set without spaces opens with
_NAME_GAP = re.compile(r"\s{2,}")


def byline_text(lines: list[Line]) -> str:
    """A byline as printed, letter-spacing closed up but the word spaces kept: papers set a
    space between the credit and the names (本报记者 卢梦琪) and between names (王五 李四),
    and space out the letters of a short name to the width of a long one (张 三). So a
    name's letters are closed up (a group whose pieces are single characters, or set apart by
    a single space inside a wider gap) and the spaces that separate words stay, one each."""
    out: list[str] = []
    fragments: list[bool] = []  # whether each of ``out`` was read from characters alone
    for ln in lines:
        raw = ln.raw.strip()
        m = _CREDIT.match(raw)
        credit, rest = (m.group(1), raw[m.end():]) if m else ("", raw)
        words = [w for w in _NAME_GAP.split(rest) if w.strip()]
        if len(words) == 1 and all(len(t) >= 2 for t in words[0].split()):
            words = words[0].split()  # names set apart by one space: 王五 李四
        names = [close_up(w) for w in words]
        if len(names) > 1 and all(len(n) == 1 for n in names):  # one name spaced wide: 欧  阳  辉
            names = ["".join(names)]
        piece = " ".join(x for x in (credit, *names) if x) if (credit or len(names) > 1) else ln.text
        if not piece:
            continue
        if out and len(piece) == 1 and fragments[-1]:  # a name broken apart: 高 / 静
            out[-1] += piece
        else:
            out.append(piece)
            fragments.append(len(piece) == 1)
    return " ".join(_credit_apart(_upright(x)) if run else x for x, run in zip(out, fragments))


def _upright(s: str) -> str:
    """A byline set vertically reaches pdftotext one character per block, which it may
    print bottom to top (涛 … 春 … 夏 for 夏春涛): characters alone that read as no byline
    in print order but as one from their end (a surname first) are read from their end."""
    return s[::-1] if not spells_byline(s) and spells_byline(s[::-1]) else s


def spells_byline(s: str) -> bool:
    """Whether ``s`` (no spaces) reads as a whole byline: a credit (本报记者) or none, then
    one personal name or several set together (本报记者卢梦琪, 侯利文, 徐方平高静)."""
    m = _CREDIT_START.match(s)
    rest = s[m.end():] if m else s
    return is_personal_name(rest) or split_names(rest) is not None


def _credit_apart(s: str) -> str:
    """A byline the layout broke into characters alone, read together (本报记者卢梦琪), with
    the space between its credit and the names a byline sets (本报记者 卢梦琪)."""
    m = _CREDIT_START.match(s)
    return f"{s[:m.end()]} {s[m.end():]}" if m and spells_byline(s) and m.end() < len(s) else s
