"""A news item's sign-off names its province.

A local news item opens with its dateline (本报讯 …) and closes with a sign-off in
brackets whose first character is the one-character abbreviation of the province it
reports from (（鄂 文）: 湖北, （晋 讯）: 山西, （苏 讯）: 江苏, （吉 文）: 吉林), and
the item names that province in its headline or lede. pdftotext may print an item's last
column after another article's text, where reading order closes that article with the
sign-off; the abbreviation says which item the closing block ends.
"""
from __future__ import annotations

from .articles import Draft, has_opener, lede
from .lines import ends_sentence, spaceless_text
from .pieces import Kind, Piece, text_of
from .rules import Explain, Stage, register

register(Stage.ARTICLES, {
    "signoff-province": "a sign-off names its item's province (（鄂 文）: 湖北): the block it ends goes to the "
                        "one dated item whose headline or lede names that province, when the article it was "
                        "read in names it nowhere there or has no opener (no head, dateline or byline)",
})

#: the standard one-character abbreviations of China's provinces, regions and
#: municipalities (简称) that sign-offs use, and the names items call them by
PROVINCES = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西", "蒙": "内蒙古",
    "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建",
    "赣": "江西", "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南", "粤": "广东", "桂": "广西",
    "琼": "海南", "川": "四川", "黔": "贵州", "滇": "云南", "藏": "西藏", "陕": "陕西", "陇": "甘肃",
    "青": "青海", "宁": "宁夏", "新": "新疆",
}


def _province(d: Draft) -> str | None:
    """The province ``d``'s sign-off names, if any (（鄂文）: 湖北)."""
    return PROVINCES.get(d.signoff.lstrip("（(")[:1])


def names_province(d: Draft) -> bool:
    """Whether ``d``'s sign-off names a province."""
    return _province(d) is not None


def province_named(d: Draft, item: Draft) -> bool:
    """Whether ``item``'s headline or lede names the province ``d``'s sign-off names."""
    name = _province(d)
    return bool(name) and name in _lede(item)


def _lede(d: Draft) -> str:
    """An article's headline and lede (:func:`.articles.lede`), spaces removed: where an
    item names what it is about."""
    return spaceless_text(d.heads) + "".join(text_of(p) for p in lede(d))


def _tail(d: Draft) -> list[Piece]:
    """The text pieces that end ``d``'s item with its sign-off: the piece the sign-off
    closes (the one ending on or next before its line: blocks moved here later come after
    it) and those before it whose sentence runs on into it; all of ``d``'s body up to it
    when ``d`` has no opener (text after an item's columns, closed by the sign-off)."""
    texts = [p for p in d.body if p.kind is Kind.TEXT and p.lines[-1].no <= d.signoff_line]
    if not texts:
        return []
    end = max(texts, key=lambda p: p.lines[-1].no)
    upto = d.body[:next(n for n, p in enumerate(d.body) if p is end) + 1]
    if not has_opener(d):
        return upto
    texts = [p for p in upto if p.kind is Kind.TEXT]
    k = len(texts) - 1
    while k > 0 and not ends_sentence(texts[k - 1].lines[-1].text):
        k -= 1
    return texts[k:]


def place_signoffs(drafts: list[Draft], explain: Explain) -> list[Draft]:
    """Move each sign-off whose province the article it closes names nowhere in its
    headline or lede, or that closes text with no opener (no head, dateline or byline: an
    item's last part printed apart, which names no province as an item's lede does, whatever
    it says), with the blocks it ends (:func:`_tail`), to the end of the one dated item that
    names it there. All such sign-offs are taken out first, so two items' sign-offs
    read in each other's place are swapped; one whose item keeps a sign-off of its own (or
    that another sign-off also goes to) stays where it was read. Drafts left with nothing
    are dropped; drafts are changed in place."""
    ledes = {id(d): _lede(d) for d in drafts}
    leaving: list[tuple[Draft, Draft, list[Piece], str, int, str]] = []  # (from, to, blocks, sign-off, line, province)
    for d in drafts:
        name = _province(d)
        if not name or (name in ledes[id(d)] and has_opener(d)):
            continue
        items = [x for x in drafts if x is not d and x.dateline and name in ledes[id(x)]]
        tail = _tail(d) if len(items) == 1 else []
        if tail:
            leaving.append((d, items[0], tail, d.signoff, d.signoff_line, name))
    # a sign-off leaves only for an item with none, or whose own leaves too (a swap), and
    # that no other sign-off claims; one that stays keeps the one claiming its item out
    claims = [id(target) for _, target, *_ in leaving]
    own = {id(d): n for n, (d, *_) in enumerate(leaving)}
    ok = [claims.count(id(target)) == 1 and (not target.signoff or id(target) in own) for _, target, *_ in leaving]
    changed = True
    while changed:
        changed = False
        for n, (_, target, *_) in enumerate(leaving):
            if ok[n] and id(target) in own and not ok[own[id(target)]]:
                ok[n], changed = False, True
    taken = []
    for n, (d, target, tail, signoff, line, name) in enumerate(leaving):
        if ok[n]:
            d.body = [p for p in d.body if all(p is not q for q in tail)]
            d.signoff, d.signoff_line = "", 0
            taken.append((target, tail, signoff, line, name))
    for target, tail, signoff, line, name in taken:
        target.body.extend(tail)
        target.signoff, target.signoff_line, target.closed = signoff, line, True
        explain("signoff-province", (tail[0].lines[0].no, tail[-1].lines[-1].no),
                f"the sign-off {signoff} names {name}: the item at line "
                f"{target.dateline_line} names it, the article it closed does not")
    return [d for d in drafts if d.heads or d.byline or d.body or d.dateline or d.signoff]
