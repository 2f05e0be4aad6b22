"""Stage 2, furniture: what is printed on the page but belongs to no article (the date,
page number and label, campaign banners, picture credits) is taken out of the blocks."""
from __future__ import annotations

from convertkit.model import Furniture, Span

from .lines import (BANNER_RE, CREDIT_FIRST, CREDIT_RE, DATE_RE, LABEL_RE, LONE_PAGE_RE, PAGE_RE, PHOTO_CREDIT_RE,
                    WEEKDAY_RE, Line, is_han)
from .names import names_only
from .rules import Explain, Stage, register

register(Stage.FURNITURE, {
    "furniture-date": "a date alone at the page's edge is the issue date",
    "furniture-weekday": "a weekday alone in its block is the issue date's, printed apart from it",
    "furniture-page": "a page number (7, 第7版, with its label) alone at the page's edge",
    "furniture-label": "a page label (理论, 地方新闻) alone in one of the first blocks, or beside the date or "
                       "page number",
    "furniture-label-top": "a short head alone in the page's top margin is the page's label (PDF input)",
    "furniture-panel": "a short head alone on a tinted panel is a column banner (PDF input)",
    "furniture-column": "two to four ideographs alone atop the page, or the page's first line printed in one block "
                        "with the headline under it, name its column or the page, whatever word they end in: a "
                        "kicker or headline says more",
    "furniture-banner": "a campaign banner (学习贯彻…精神) stands over articles, in none of them",
    "furniture-credit": "a picture or editor credit (制图：, 责任编辑：, 本报记者 张三摄) belongs to no article",
})


def furniture_kind(line: Line, first: bool, alone: bool = False, edge: bool = False,
                   lead: bool = True) -> str | None:
    """The kind of page furniture ``line`` is, if any: ``first`` when it is alone in one of
    the page's first three blocks or beside a block of the folio's, ``alone`` in its block,
    ``edge`` alone in the page's first three blocks or its last, ``lead`` first in its
    block. A page number with its label (7 理论) leads its block (pdftotext may print what
    stands under it in the same block): after another line, a number and two characters are
    a quantity cut off a line (23 亿元)."""
    t = line.raw.strip()
    if alone and BANNER_RE.match(line.text):
        return "banner"
    if alone and WEEKDAY_RE.match(t):
        return "weekday"
    # a date and a page number start with a digit (or 第); a page number may also end in one
    # (理论 7); a credit starts with its word (制图：): the character tests turn away body lines
    head = t[:1]
    if head.isdigit() or head == "第" or t[-1:].isdigit():
        if DATE_RE.match(t):
            return "date"
        if (lead and PAGE_RE.match(t)) or (edge and LONE_PAGE_RE.match(t)):
            return "page"
    if head in CREDIT_FIRST and CREDIT_RE.match(t) or PHOTO_CREDIT_RE.match(line.text):
        return "credit"
    if first and LABEL_RE.match(line.text):
        return "label"
    return None


PAGE_NAME = 4  # ideographs at most in a page's or column's name printed alone atop the page


def _names_the_page(line: Line) -> bool:
    """Whether ``line``, alone in the page's first block or the first line of it, names the
    page or its column (地方新闻, 各地动态): two to PAGE_NAME ideographs and no personal name. A
    kicker or a headline says more; a name alone atop the page would be a byline."""
    t = line.text
    return 2 <= len(t) <= PAGE_NAME and all(map(is_han, t)) and not names_only(line)


def _number_goes_on(line: Line, nxt: Line) -> bool:
    """Whether the number ``line`` ends with goes on in ``nxt`` (未来 1⏎5 年): a page's
    number ends its line."""
    return line.text[-1:].isdigit() and nxt.text[:1].isdigit()


def take_furniture(blocks: list[list[Line]], explain: Explain) -> tuple[list[Furniture], list[list[Line]], set[int]]:
    """Dates, page numbers, section labels, campaign banners and picture credits, out of the
    text; and the first line of each block right after a banner (a banner stands over
    articles, never inside one: what follows it starts an article)."""
    furniture: list[Furniture] = []
    kept: list[list[Line]] = []
    breaks: set[int] = set()
    # the folio's pieces (date, weekday, page number, label) stand in one row: pdftotext
    # prints them in neighbouring blocks, wherever on the page it puts the row
    folio = [len(b) == 1 and furniture_kind(b[0], first=False, alone=True) in ("date", "weekday", "page")
             for b in blocks]
    for bi, block in enumerate(blocks):
        if bi and furniture and furniture[-1].kind == "banner" and furniture[-1].source.start == blocks[bi - 1][0].no:
            breaks.add(block[0].no)
        rest: list[Line] = []
        for k, line in enumerate(block):
            alone = len(block) == 1
            by_folio = (bi and folio[bi - 1]) or (bi + 1 < len(blocks) and folio[bi + 1])
            # the page's first line may be its label, printed in one block with the line under it
            top = bi == 0 and line is block[0] and len(block) > 1
            kind = furniture_kind(line, first=((bi < 3 or by_folio) and alone) or top, alone=alone,
                                  edge=alone and (bi < 3 or bi == len(blocks) - 1), lead=line is block[0])
            if kind == "page" and k + 1 < len(block) and _number_goes_on(line, block[k + 1]):
                kind = None  # a number the line break cut (未来 1⏎5 年): a headline's, no page's
            # (over a line at least twice as long: a headline broken over two lines breaks
            # near its middle, 优先发展⏎教育事业)
            if kind is None and bi == 0 and (alone or (top and len(block[1].text) >= 2 * len(line.text))) \
                    and _names_the_page(line):
                explain("furniture-column", line.no, f"the name of a column or page: {line.text}")
                furniture.append(Furniture("rubric", line.text, Span(line.no, line.no)))
                continue
            if kind is None:
                rest.append(line)
                continue
            explain(f"furniture-{kind}", line.no, f"page furniture: {line.text}")
            kind = "date" if kind == "weekday" else kind
            span = Span(line.no, line.no)
            m = PAGE_RE.match(line.raw.strip()) if kind == "page" else None
            if m:  # 7 理论, 第 7 版 理论, 理论 7: the page (as printed, 第…版 kept) and the label
                label = m.group(2) or m.group(3)
                page = line.text[:-len(label)] if m.group(2) else line.text[len(label):]
                furniture.append(Furniture("page", page, span))
                furniture.append(Furniture("label", label, span))
            else:
                furniture.append(Furniture(kind, line.text, span))
        if rest:
            kept.append(rest)
    return furniture, kept, breaks
