"""The PDF front end's layout principles on small pages made of glyphs by hand: lines,
blocks, head runs and reading order (``pdflines``, ``pdforder``, ``pdfreader``). No PDF
library is needed: the stages take glyphs and rules."""
from __future__ import annotations

from convertkit_newspage.pdfglyphs import Glyph, Rule
from convertkit_newspage.pdflines import blocks_of, lines_of
from convertkit_newspage.pdforder import reading_order
from convertkit_newspage.pdfreader import _size_runs

BODY = 9.0
HAN = "新时代的中国特色社会主义思想指引我们前进方向坚持人民至上推动高质量发展建设现代化国家"


def row(text: str, x: float, base: float, size: float = BODY, step: float | None = None) -> list[Glyph]:
    """``text`` set from ``x`` on the baseline ``base``, one glyph every ``step`` points."""
    step = size if step is None else step
    return [Glyph(ch, x + k * step, base - 0.12 * size, x + k * step + size, base + 0.88 * size, size, base)
            for k, ch in enumerate(text)]


def column(mark: str, x: float, top: float, lines: int, width: int = 10) -> list[Glyph]:
    """A column of body text: ``lines`` lines of ``width`` ideographs from the baseline
    ``top`` down, the first opening with ``mark``."""
    out = []
    for k in range(lines):
        text = (mark if k == 0 else "") + HAN[k % 20:]
        out += row(text[:width], x, top - k * 1.5 * BODY)
    return out


def texts(blocks) -> list[str]:
    return ["".join(ln.text for ln in b.lines) for b in blocks]


def test_a_rule_drawn_across_between_two_lines_parts_them():
    """The folio (16 社会) over a headline set nearly its size: one size, a leading apart,
    but the rule under the folio parts them."""
    glyphs = row("社会新闻", 100, 800, 30) + row("全面推进创新教育", 60, 760, 30)
    lines = lines_of(tuple(glyphs), BODY)
    assert texts(blocks_of(lines)) == ["社会新闻全面推进创新教育"]
    rule = Rule(10, 791, 600, 791)  # between the folio's foot (796.4) and the headline's top (786.4)
    assert texts(blocks_of(lines, (rule,))) == ["社会新闻", "全面推进创新教育"]


def test_a_block_of_heads_splits_where_the_size_changes_by_a_tenth():
    """A kicker over its headline, 16.6 and 19.5 points: close enough to make one block,
    two heads all the same."""
    glyphs = row("历史观争论属于斗争", 60, 800, 16.6) + row("在理性辨析中树立正确历史观", 60, 778, 19.5)
    (block,) = blocks_of(lines_of(tuple(glyphs), BODY))
    assert texts(_size_runs(block, BODY)) == ["历史观争论属于斗争", "在理性辨析中树立正确历史观"]
    # one head set on two lines in one size stays one
    same = row("在理性辨析中树立", 60, 800, 19.5) + row("正确历史观", 60, 778, 19.5)
    (block,) = blocks_of(lines_of(tuple(same), BODY))
    assert len(_size_runs(block, BODY)) == 1


def test_a_vertical_headlines_top_glyph_leaves_the_horizontal_headline_on_its_baseline():
    """A vertical headline whose first glyph stands on the baseline of a horizontal
    headline beside it: the glyph goes down the vertical line, not into the other head."""
    size = 36.0
    glyphs = [Glyph("国", 100, 640, 136, 676, size, 644)]
    glyphs += [Glyph(ch, 100, 640 - (k + 1) * size, 136, 676 - (k + 1) * size, size, 644 - (k + 1) * size)
               for k, ch in enumerate("际社会深入解读")]
    glyphs += row("意气风发走进新时代", 170, 644, size)
    lines = lines_of(tuple(glyphs), BODY)
    got = sorted("".join(g.ch for g in ln.glyphs) for ln in lines)
    assert got == ["国际社会深入解读", "意气风发走进新时代"]
    # the headline beside it on two lines: the vertical line's first two glyphs each stand
    # on one of its baselines
    glyphs += row("有益参考", 170, 644 - size, size)
    got = sorted("".join(g.ch for g in ln.glyphs) for ln in lines_of(tuple(glyphs), BODY))
    assert got == ["国际社会深入解读", "意气风发走进新时代", "有益参考"]


def test_no_cut_across_runs_through_a_rule_drawn_down_between_two_stacks_of_modules():
    """Left stack: an article whose columns end low, then a module with its headline;
    right stack: an article, then a head set level with the left stack's module edge, over
    its text. The gap across at that height is the left stack's module edge, not the
    page's: the rule drawn down between the stacks keeps the right head with its text."""
    left = column("甲", 20, 780, 30) + column("乙", 130, 780, 30)        # the upper-left article, down to ~345
    left += row("湖北推动中小企业集群发展", 20, 300, 20)                  # the lower-left module's headline
    left += column("丙", 20, 270, 10) + column("丁", 130, 270, 10)
    right = column("戊", 280, 780, 20)                                    # the upper-right article
    right += row("山西开展六大行动", 280, 330, 22)                       # the lower-right head
    right += column("己", 280, 290, 12)
    glyphs = tuple(left + right)
    rules = (Rule(260, 10, 260, 800),)

    def after_head(rules):
        order = texts(reading_order(blocks_of(lines_of(glyphs, BODY), rules), BODY, rules))
        return order[order.index("山西开展六大行动") + 1][0]

    assert after_head(()) == "湖"  # no rule: cut across the page, the right head read before the left module
    assert after_head(rules) == "己"


def test_a_box_set_across_columns_is_read_in_the_column_where_it_starts():
    """Two boxed subheads set across two columns of one article: the lower one starts in
    the first column, the higher one in the second. The first column's box is read in the
    first column, the second's in the second (by height alone, the higher one came first)."""
    glyphs = column("甲", 20, 780, 8) + column("乙", 20, 600, 20)        # column 1: lead, then body
    glyphs += column("丙", 130, 700, 4) + column("丁", 130, 600, 20)       # column 2: under box A, body
    glyphs += row("抢占人工智能终端产业制高点", 40, 650, 11)                # box B over columns 1-2
    glyphs += row("初步建立全产业链", 140, 760, 11)                       # box A over column 2 and on
    rules = [Rule(15, 640, 235, 640, (15, 640, 235, 665)), Rule(135, 750, 300, 750, (135, 750, 300, 775))]
    blocks = blocks_of(lines_of(tuple(glyphs), BODY), tuple(rules))
    order = texts(reading_order(blocks, BODY, tuple(rules)))
    assert order.index("抢占人工智能终端产业制高点") < order.index("初步建立全产业链")


def test_a_rule_drawn_down_beside_two_modules_headlines_keeps_each_headline_whole():
    """Two modules side by side, each headline set on two lines (the first smaller), the
    rule drawn down between the modules reaching just past the headlines' first lines: the
    gap between the two rows of heads is no edge across the page, and each headline is read
    whole, then its text."""
    glyphs = row("湖北推动中小企业", 20, 466, 15) + row("集群高质量发展", 20, 440, 20)
    glyphs += column("甲", 20, 400, 8) + column("乙", 130, 400, 8)
    glyphs += row("吉林今年以来家电", 280, 466, 15) + row("以旧换新销售额", 280, 440, 20)
    glyphs += column("丙", 280, 400, 8) + column("丁", 390, 400, 8)
    rules = (Rule(260, 10, 260, 482),)  # the first lines stand 464-479
    order = texts(reading_order(blocks_of(lines_of(tuple(glyphs), BODY), rules), BODY, rules))
    assert [t[0] for t in order] == ["湖", "集", "甲", "乙", "吉", "以", "丙", "丁"]


def test_a_line_alone_on_a_tinted_panel_is_a_banner_however_long():
    """A campaign banner (深入学习贯彻…思想, 22 ideographs) alone on a filled panel over a
    module is furniture, not the kicker of the headline under it."""
    from convertkit_newspage.pdfglyphs import PageGlyphs
    from convertkit_newspage.pdfreader import _folio

    banner = "深入学习贯彻习近平新时代中国特色社会主义思想"
    glyphs = row(banner, 60, 700, 13) + row("国际社会深入解读中国新时代", 60, 660, 24) + column("甲", 60, 620, 12)
    sides = (50, 690, 350, 716)
    panel = tuple(Rule(*r, box=sides, panel=True) for r in ((50, 690, 350, 690), (50, 716, 350, 716),
                                                            (50, 690, 50, 716), (350, 690, 350, 716)))
    page = PageGlyphs(1, 1000, 1400, tuple(glyphs), panel)
    blocks = blocks_of(lines_of(page.glyphs, BODY), page.rules)
    kinds = _folio(blocks, page, BODY)
    assert [kinds.get(id(b)) for b in blocks if texts([b]) == [banner]] == ["banner"]


def test_a_name_like_line_set_over_a_larger_head_is_part_of_the_heads():
    """林海万兆光 reads like names set together (林海, 万兆光: a byline), but it is set at
    head size right over a larger head (网试点主题活动在南京举办, the headline broken in
    mid-word): a byline stands under its headline, never over it. (江苏万兆光, as printed,
    no longer reads as names: 江苏 is a common word.)"""
    from convertkit_newspage.pdfreader import _hint, _over_larger_head
    from convertkit_newspage.pieces import Hint
    from convertkit_newspage.lines import Line

    glyphs = row("林海万兆光", 380, 772, 15) + row("网试点主题活动在南京举办", 395, 748, 19)
    first, second = blocks_of(lines_of(tuple(glyphs), BODY))
    lines = [Line(1, first.lines[0].text, first.lines[0].text, False)]
    assert _over_larger_head(first, second, BODY)
    assert _hint(first, lines, BODY, "") is None  # alone, a name
    assert _hint(first, lines, BODY, "", over_head=True) is Hint.HEAD


def test_the_first_lines_of_columns_over_an_inset_are_no_heads_to_cut_under():
    """Two columns whose first lines stand over a box set across them: the row of first
    lines ends sentences, so it is text, not a row of heads to cut the page under; each
    column is read whole, its first line, the box once, then the rest."""
    glyphs = row("可持续发展继续作出贡献。", 20, 780) + row("全面建成小康社会等艰巨任务，国", 160, 780)
    glyphs += row("国外学者对新时代的评价", 40, 755, 11)
    glyphs += column("甲", 20, 730, 12, width=12) + column("乙", 160, 730, 12, width=14)
    box = (15, 748, 300, 770)
    rules = tuple(Rule(*r, box=box) for r in ((15, 748, 300, 748), (15, 770, 300, 770), (15, 748, 15, 770),
                                              (300, 748, 300, 770)))
    order = texts(reading_order(blocks_of(lines_of(tuple(glyphs), BODY), rules), BODY, rules))
    assert [t[0] for t in order] == ["可", "国", "甲", "全", "乙"]


def test_a_head_the_type_sizes_call_a_subhead_stays_one_over_a_narrow_column():
    """A subhead set wider than the narrow column under it (a column beside a picture):
    without type sizes, wider than the column makes a headline; with the PDF's HEAD hint
    (set below a headline's size) it stays a subhead."""
    from convertkit_newspage.blocks import to_blocks
    from convertkit_newspage.classify import to_pieces
    from convertkit_newspage.pieces import Hint, Kind as K
    from convertkit_newspage.rules import Explain

    text = "继续写好新时代坚持和发展中国特色社会主义这篇大文章\n\n" + "\n".join(["习近平同志一再强", "调，坚持和发展中", "国特色社会主义是", "一篇大文章。"])
    blocks = to_blocks(text)
    plain = to_pieces(blocks, Explain(False))
    hinted = to_pieces(blocks, Explain(False), {blocks[0][0].no: Hint.HEAD})
    assert plain[0].kind is K.HEAD and plain[0].wide
    assert hinted[0].kind is K.HEAD and not hinted[0].wide


def test_an_author_line_set_in_under_a_lead_across_columns_is_a_block_of_its_own():
    """A lead set across two columns; under it a subhead at the left and, far in at the
    right, the first line of an author line （作者单位：…） that runs on: it does not join
    the lead (only a bracketed run closed on its line, a sign-off set right, may)."""
    glyphs = []
    for k in range(3):  # the lead, flush left across both columns
        glyphs += row(HAN[k:k + 26], 20, 800 - k * 1.5 * BODY)
    glyphs += row("中国特色社会主义是复兴之路", 30, 760, 11)  # the subhead at the left
    glyphs += row("（作者单位：某某", 190, 760) + row("大学研究中心）", 190, 760 - 1.5 * BODY)
    blocks = texts(blocks_of(lines_of(tuple(glyphs), BODY)))
    assert "（作者单位：某某大学研究中心）" in blocks
    assert not any(t.startswith(HAN[:4]) and "作者" in t for t in blocks)
    # a sign-off closed on its line, set right at the end of the text, stays with it
    signed = [g for g in glyphs if g.y0 > 765 or g.x0 < 180] + row("（苏讯）", 190, 760)
    assert any(t.startswith(HAN[:4]) and t.endswith("（苏讯）") for t in texts(blocks_of(lines_of(tuple(signed), BODY))))


def test_a_vertical_headline_running_down_from_the_folios_row_is_no_page_label():
    """A short head in the top margin on the folio's row is the page's label (地方传真);
    a vertical headline whose first glyphs stand on that row runs down the page: a head."""
    from convertkit_newspage.pdfglyphs import PageGlyphs
    from convertkit_newspage.pdfreader import _folio

    folio = row("2018年6月11日星期日", 700, 1395)
    label = row("地方传真", 300, 1392, 30)
    vertical = [g for k, ch in enumerate("优先发展教育事业")
                for g in row(ch, 900, 1392 - k * 32, 30)]
    text = column("甲", 40, 1300, 20, width=20)
    glyphs = tuple(folio + label + vertical + text)
    blocks = blocks_of(lines_of(glyphs, BODY))
    kinds = _folio(blocks, PageGlyphs(1, 1000, 1430, glyphs), BODY)
    named = {"".join(ln.text for ln in b.lines): kinds.get(id(b)) for b in blocks}
    assert named["地方传真"] == "label"
    assert named["优先发展教育事业"] is None


def test_heads_over_empty_columns_head_the_text_level_at_their_left():
    """Three modules, one under another; in each the text fills only the first column and
    the heads stand over the empty columns to its right, centred, far from it. The text
    level with the heads at their left, nothing standing between, is theirs, read after
    them however far; the heads read with a
    headline are those set right under it, not the next module's, lower down (the last
    module's text starts under its heads: they are read before it anyway)."""
    from convertkit_newspage.pdforder import inset_heads_first

    glyphs = []
    for k, (mark, head) in enumerate((("甲", "打赢脱贫攻坚战"), ("乙", "江苏光网试点活动"), ("丙", "构建中国特色社会学"))):
        top = 1360 - 450 * k
        # the last module's text starts under its heads, not level with them
        glyphs += column(mark, 30, top - (100 if k == 2 else 0), 20)
        glyphs += row(head, 340, top - 25, 30) + row("王小明", 470, top - 45)
    blocks = blocks_of(lines_of(tuple(glyphs), BODY))
    order = texts(inset_heads_first(reading_order(blocks, BODY), BODY))
    assert order == ["打赢脱贫攻坚战", "王小明", order[2], "江苏光网试点活动", "王小明", order[5],
                     "构建中国特色社会学", "王小明", order[8]]
    assert [order[k][0] for k in (2, 5, 8)] == ["甲", "乙", "丙"]


def test_a_column_beside_a_lead_set_across_goes_on_under_it_unbroken():
    """A lead set across the first two columns; the third column starts beside it, is
    broken by white space (a box's room) under the lead's foot, and goes on below. No cut
    across under the lead: the third column is read after the first two, its top and then
    the rest, not its top right after the lead."""
    glyphs = []
    for k in range(3):  # the lead, in a smaller type, across columns 1-2
        glyphs += row(HAN[k:k + 32], 20, 800 - k * 1.5 * 7.5, 7.5)
    glyphs += column("一", 20, 755, 12, width=12) + column("二", 140, 755, 12, width=12)
    glyphs += column("丙", 280, 800, 3, width=12)  # column 3 beside the lead
    glyphs += column("丁", 280, 730, 8, width=12)  # and under the room left for a box
    order = texts(reading_order(blocks_of(lines_of(tuple(glyphs), BODY)), BODY))
    assert [t[0] for t in order] == [HAN[0], "一", "二", "丙", "丁"]


def test_a_boxed_head_is_told_from_its_quote_by_the_quotes_last_lines_not_its_last_glyphs():
    """A subhead (9 points) over its pull quote (10.6 points) in one box; the quote's last
    line holds two glyphs, measured 11.2 points, or set in the half-width face of the
    quote's font. The head is the first two lines, the quote all the rest."""
    from convertkit_newspage.pdflines import PdfBlock, PdfLine
    from convertkit_newspage.pdfreader import _head_apart

    def line(text, base, size, face="Hei"):
        return PdfLine(tuple(g._replace(face=face) for g in row(text, 60, base, size)))

    head = [line("把握好深入落实优先发", 900, 9.0), line("展教育事业的重点任务", 888, 9.0)]
    quote = [line("保基本、补短板、促公平，重中", 872, 10.6), line("之重是推动城乡义务教育一体", 856, 10.6),
             line("化发展，高度重视农村义务教", 840, 10.6)]
    for last in (line("育。", 824, 11.2), line("育。", 824, 10.6, "Hei-HW")):
        parts = _head_apart(PdfBlock(tuple(head + quote + [last])))
        assert [len(p.lines) for p in parts] == [2, 4]


def test_a_box_is_read_whole_and_shows_no_column_edge():
    """Two boxes side by side at one height, each a one-line subhead (centred) over its
    quote, at the top of two columns: no cut across between the subheads and the quotes
    (the gap runs through the boxes); each box is read whole, then the column under it.
    The centred subhead starts no column of its own."""
    def box_rules(x0, y0, x1, y1):
        b = (x0, y0, x1, y1)
        return [Rule(x0, y0, x1, y0, box=b), Rule(x0, y1, x1, y1, box=b), Rule(x0, y0, x0, y1, box=b),
                Rule(x1, y0, x1, y1, box=b)]

    glyphs, rules = [], []
    for k, (head, mark) in enumerate((("国外媒体的解读", "甲"), ("国外学者的评价", "乙"))):
        x = 20 + 150 * k
        glyphs += row(head, x + 30, 800, 10.6)  # in the body's size, nearly
        glyphs += column(mark, x + 5, 784, 3, width=12)  # the quote
        glyphs += column("丙丁"[k], x, 740, 15, width=13)  # the column under the box
        rules += box_rules(x, 750, x + 125, 812)
    rules = tuple(rules)
    order = texts(reading_order(blocks_of(lines_of(tuple(glyphs), BODY), rules), BODY, rules))
    assert [t[:2] for t in order] == ["国外", "甲新", "丙新", "国外", "乙新", "丁新"]
    # one box across both columns, its subhead centred (set in more than half a column)
    glyphs = row("充分认识成功实践", 100, 800, 10.4) + row(HAN[:28], 25, 776) + row(HAN[1:29], 25, 762.5)
    glyphs += column("丙", 20, 740, 15, width=13) + column("丁", 170, 740, 15, width=13)
    rules = tuple(box_rules(20, 756, 295, 812))
    order = texts(reading_order(blocks_of(lines_of(tuple(glyphs), BODY), rules), BODY, rules))
    assert [t[:2] for t in order] == ["充分", HAN[:2], "丙新", "丁新"]


def test_a_two_character_name_letter_spaced_down_the_page_is_one_vertical_line():
    """A byline of two characters set vertically and letter-spaced (蒙 娃, 1.2 ems apart)
    beside a vertical headline: one vertical line, as three or more would be."""
    name = row("蒙", 923, 1050, BODY) + row("娃", 923, 1050 - 2.2 * BODY, BODY)
    text = column("甲", 600, 1100, 6, width=12)
    lines = lines_of(tuple(name + text), BODY)
    vertical = [ln for ln in lines if ln.vertical]
    assert [ln.text for ln in vertical] == ["蒙娃"]


def test_a_headline_beside_a_campaign_banner_in_the_top_margin_is_no_page_label():
    """The folio's row is its date, page number and label: a headline set high, level with
    a campaign banner (学习贯彻…精神) under the folio, is a head, not the page's label."""
    from convertkit_newspage.pdfglyphs import PageGlyphs
    from convertkit_newspage.pdfreader import _folio

    folio = row("2018年4月26日星期四", 740, 1395, 11)
    banner = row("认真学习宣传贯彻党的十九大精神", 460, 1348, 13.3)
    headline = row("优先发展教育事业", 24, 1327, 30)
    text = column("甲", 40, 1280, 20, width=20)
    glyphs = tuple(folio + banner + headline + text)
    blocks = blocks_of(lines_of(glyphs, BODY))
    kinds = _folio(blocks, PageGlyphs(1, 1010, 1438, glyphs), BODY)
    named = {"".join(ln.text for ln in b.lines): kinds.get(id(b)) for b in blocks}
    assert named["优先发展教育事业"] is None


def test_a_bold_head_of_two_clauses_on_narrow_lines_is_a_head():
    """A subhead set in the bold face at the body's size, its two clauses parted by a
    comma, on three lines well short of the page's column, or on one line set across the
    columns: a small head in another face, comma and all. Set the same but ending in a
    comma, it runs on into a sentence, and set on lines as wide as the column, it may be a
    quote's or a lede's first lines: text."""
    from convertkit_newspage.lines import Line
    from convertkit_newspage.pdfreader import _hint
    from convertkit_newspage.pieces import Hint

    def bold(parts: list[str]):
        glyphs = [g._replace(face="hei") for k, part in enumerate(parts)
                  for g in row(part, 100, 700 - k * 1.5 * BODY)]
        [block] = blocks_of(lines_of(tuple(glyphs), BODY))
        return block, [Line(k + 1, ln.text, ln.text, False) for k, ln in enumerate(block.lines)]

    column = 16 * BODY
    head = bold(["一、坚持规划引", "领，统筹推进老", "旧小区改造"])
    assert _hint(*head, BODY, "song", column=column) is Hint.HEAD
    clause = bold(["一、坚持规划引", "领，统筹推进老", "旧小区改造，"])
    assert _hint(*clause, BODY, "song", column=column) is Hint.TEXT
    wide = bold(["一、坚持规划引领，统筹推进老", "旧小区改造和街区更新"])
    assert _hint(*wide, BODY, "song", column=column) is Hint.TEXT
    # one line set across columns, two ems wider than the column at least: a lead's subhead
    across = bold(["坚持规划引领，统筹推进老旧小区改造和街区更新"])
    assert _hint(*across, BODY, "song", column=column) is Hint.HEAD
    first = bold(["有史以来，我国的城市更新经历了"])
    assert _hint(*first, BODY, "song", column=column) is Hint.TEXT
