"""Columns beside a subhead's box (convertkit_newspage.besidebox): pdftotext prints the text
above a box set across two columns, the box, then the text below it, band by band; the
right column's text above the box is read after the box's section."""
from __future__ import annotations

from convertkit_newspage.articles import Draft
from convertkit_newspage.besidebox import columns_beside_boxes
from convertkit_newspage.blocks import to_blocks
from convertkit_newspage.pieces import Kind, Piece
from convertkit_newspage.rules import Explain


def piece(kind: Kind, first: int, *texts: str) -> Piece:
    return Piece(kind, to_blocks("\n".join(texts), first)[0], first)


LEDE = piece(Kind.TEXT, 1, "　　这篇文章的导语就在左边一栏的", "顶上，导语到这里说完了。")
ABOVE = piece(Kind.TEXT, 4, "　　右边一栏在盒子上面的这段文字，", "这一句话被盒子截断了还没有说")
BOX = piece(Kind.HEAD, 7, "盒子里的小标题")
UNDER = piece(Kind.TEXT, 8, "　　盒子下面左边一栏的文字开头，", "左边一栏到这里就结束了。")


def read(*body: Piece) -> list[int]:
    d = Draft()
    d.body = list(body)
    columns_beside_boxes([d], Explain(False))
    return [p.lines[0].no for p in d.body]


def test_the_column_beside_a_box_is_read_after_the_boxs_section():
    # printed: lede (left, above), the right column above the box, the box, the left column
    # under it, the right column under it; the reading order found the sentence the box cut
    # (还没有说⏎完) and read the right column's two parts together, before the box
    goes_on = piece(Kind.TEXT, 11, "完，右边一栏在盒子下面接着说。", "右边一栏到这里也结束了。")
    assert read(LEDE, ABOVE, goes_on, BOX, UNDER) == [1, 7, 8, 4, 11]


def test_a_continuation_printed_apart_from_the_boxs_section_stays():
    # the sentence goes on far from the section under the box (another column, printed
    # later): the box stands in the continuation's own column, and the order stays
    goes_on = piece(Kind.TEXT, 40, "完，右边一栏在盒子下面接着说。", "右边一栏到这里也结束了。")
    assert read(LEDE, ABOVE, goes_on, BOX, UNDER) == [1, 4, 40, 7, 8]


def test_a_sections_first_text_stays_under_its_head():
    # the run the cut block ends is the first text under a head: that head stands over it
    head = piece(Kind.HEAD, 3, "前一个小标题")
    goes_on = piece(Kind.TEXT, 11, "完，右边一栏在盒子下面接着说。", "右边一栏到这里也结束了。")
    assert read(LEDE, head, ABOVE, goes_on, BOX, UNDER) == [1, 3, 4, 11, 7, 8]
