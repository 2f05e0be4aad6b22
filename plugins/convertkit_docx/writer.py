"""DOCX writer (python-docx) for Chinese editors.

Word's own styles carry the structure (Title, Heading 1 per headline, Heading 2 per subhead,
Body Text), with named styles for the news parts (Kicker, Subtitle, Byline, Dateline, Pull
Quote based on Intense Quote, Sign-off). East Asian typography is set in the XML:
``w:rFonts/@w:eastAsia`` (宋体 body, 黑体 headings), ``w:lang/@w:eastAsia="zh-CN"`` in the
document defaults, two-character first-line indents, justified body text.

python-docx's template is loaded and styled once per process; each page empties the body,
fills it and saves (the template load is most of a small page's cost)."""
from __future__ import annotations

import datetime as dt
import io
import re
import threading
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml.etree import SubElement

from convertkit.model import (Article, BlockQuote, Div, Document, Emph, Heading, LineBreak, Link, ListBlock,
                              Note, Para, Section, Strong, Text, blocks_with_dateline, dateline_runs_in,
                              document_title, plain)
from convertkit.registry import Context
from convertkit.reproducible import build_time, source_date_epoch_set, zip_members
from convertkit.xmltext import XmlCleaner
from convertkit_html.render import safe_url

#: The East Asian faces, by the names Word writes them under on any system; each is declared
#: in the font table with its Chinese name as ``w:altName`` (宋体, 黑体, 楷体). The Latin name
#: matters off Windows: fontconfig knows SimSun as a serif CJK face and SimHei as a sans one,
#: and LibreOffice asks it so (measured, LibreOffice 7.4: with 宋体 as the style's face the body
#: fell back to Noto Sans CJK; with SimSun it is set in Noto Serif CJK).
SERIF_CJK, SANS_CJK, KAI_CJK = "SimSun", "SimHei", "KaiTi"
SERIF_LATIN, SANS_LATIN = "Times New Roman", "Arial"
#: the font table: name -> (w:altName, w:panose1, w:charset, w:family, w:pitch); charset 86 is GB2312
FONTS = {
    SERIF_LATIN: ("", "02020603050405020304", "00", "roman", "variable"),
    SANS_LATIN: ("", "020B0604020202020204", "00", "swiss", "variable"),
    "Courier": ("", "02070309020205020404", "00", "modern", "fixed"),  # python-docx's code styles
    SERIF_CJK: ("宋体", "02010600030101010101", "86", "auto", "variable"),
    SANS_CJK: ("黑体", "02010609060101010101", "86", "modern", "fixed"),
    KAI_CJK: ("楷体", "02010609060101010101", "86", "modern", "fixed"),
}
#: page sizes and margins in twentieths of a point: A4 with GB/T 9704's margins (top 37 mm,
#: bottom 35 mm, inside 28 mm, outside 26 mm), or US Letter with Word's one-inch margins
PAGES = {
    "a4": {"w": 11906, "h": 16838, "top": 2098, "bottom": 1984, "left": 1587, "right": 1474},
    "letter": {"w": 12240, "h": 15840, "top": 1440, "bottom": 1440, "left": 1440, "right": 1440},
}
BODY = "Body Text"
#: convertkit's own paragraph styles: name -> (based on, east-asian font, size pt, bold, alignment)
NEWS_STYLES = {
    "Kicker": ("Normal", SANS_CJK, 12, False, WD_ALIGN_PARAGRAPH.CENTER),
    "Subtitle": ("Normal", SANS_CJK, 14, False, WD_ALIGN_PARAGRAPH.CENTER),
    "Byline": ("Normal", KAI_CJK, 10.5, False, WD_ALIGN_PARAGRAPH.CENTER),
    "Dateline": ("Normal", SANS_CJK, 10.5, True, WD_ALIGN_PARAGRAPH.LEFT),
    "Pull Quote": ("Intense Quote", SANS_CJK, 12, True, WD_ALIGN_PARAGRAPH.LEFT),
    "Sign-off": ("Normal", SERIF_CJK, 10.5, False, WD_ALIGN_PARAGRAPH.RIGHT),
    "Note Text": ("Normal", SERIF_CJK, 9, False, WD_ALIGN_PARAGRAPH.LEFT),
}
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_LOCK = threading.Lock()
_RUN_CHARS = 1_000_000
_TEMPLATE: docx.document.Document | None = None
_STYLE_IDS: dict[str, str] = {}
_STATIC: dict[str, bytes] = {}  # zip member -> bytes, of the parts no page changes
_DYNAMIC: dict = {}  # zip member -> python-docx part, of those it does


# -- the template, once per process -------------------------------------------------------
def _set_fonts(rpr, latin: str, east: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east)
    fonts.set(qn("w:cs"), latin)


def _style_fonts(style, latin: str, east: str) -> None:
    _set_fonts(style.element.get_or_add_rPr(), latin, east)


def _first_line_chars(style, chars: int) -> None:
    """``w:ind/@w:firstLineChars`` (hundredths of a character): Word indents by characters,
    whatever the font size; ``w:firstLine`` is the fallback for readers without it."""
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars))
    size = style.font.size.pt if style.font.size else 10.5
    ind.set(qn("w:firstLine"), str(int(size * 20 * chars / 100)))


def _hanging_punctuation(style) -> None:
    """``w:overflowPunct=1`` said explicitly: line-end punctuation may hang in the margin, as
    Word does by default. Without it LibreOffice (7.4) squeezes a line-end 、 out of a
    justified line and never draws it (measured: gone from the PDF; with it, present)."""
    _child(style.element.get_or_add_pPr(), "w:overflowPunct").set(qn("w:val"), "1")


#: the elements that WordprocessingML's schema puts after each one we insert
_SUCCESSORS = {
    "w:overflowPunct": ("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                        "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                        "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:lang": ("w:eastAsianLayout", "w:specVanish", "w:oMath"),
}


def _child(parent, tag: str):
    """The ``tag`` child of an element, inserted where the schema's order puts it."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.insert_element_before(el, *_SUCCESSORS[tag])
    return el


def _build_template() -> docx.document.Document:
    d = docx.Document()
    pkg = d.part.package
    # leftovers of python-docx's template: a thumbnail of another document, Word 2010's
    # duplicate style part (it would shadow ours there), a bibliography data store
    for rels, reltypes in ((pkg.rels, (RT.THUMBNAIL,)), (d.part.rels, (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML))):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in reltypes]:
            rels.pop(rid)
    for rid, rel in pkg.rels.items():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_xml()

    styles = d.styles
    # document defaults: Latin and East Asian fonts, zh-CN as the East Asian language
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, SERIF_LATIN, SERIF_CJK)
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")

    normal = styles["Normal"]
    normal.font.size = Pt(10.5)  # 五号
    _style_fonts(normal, SERIF_LATIN, SERIF_CJK)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25

    body = styles[BODY]
    body.font.size = Pt(10.5)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.space_after = Pt(0)
    body.paragraph_format.widow_control = True
    _first_line_chars(body, 200)
    _hanging_punctuation(normal)

    for name, size, align in (("Title", 22, WD_ALIGN_PARAGRAPH.CENTER), ("Heading 1", 18, WD_ALIGN_PARAGRAPH.CENTER),
                              ("Heading 2", 14, WD_ALIGN_PARAGRAPH.LEFT), ("Heading 3", 12, WD_ALIGN_PARAGRAPH.LEFT)):
        st = styles[name]
        _style_fonts(st, SANS_LATIN, SANS_CJK)
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.alignment = align
        st.paragraph_format.keep_with_next = True
        st.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        st.paragraph_format.space_after = Pt(6)
        _drop_border(st)

    for name, (base, east, size, bold, align) in NEWS_STYLES.items():
        try:
            st = styles[name]
        except KeyError:
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        st.quick_style = True
        st.next_paragraph_style = styles[BODY]
        _style_fonts(st, SANS_LATIN if east == SANS_CJK else SERIF_LATIN, east)
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.alignment = align
        st.paragraph_format.first_line_indent = Pt(0)
        if name in ("Kicker", "Subtitle", "Byline", "Dateline"):
            st.paragraph_format.keep_with_next = True
    for level in (1, 2):  # the table of contents' entries (Word's built-in "toc N")
        st = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.paragraph_format.left_indent = Pt(10.5 * 2 * (level - 1))
        st.paragraph_format.space_after = Pt(3)
    header = styles["Header"]
    _style_fonts(header, SANS_LATIN, SANS_CJK)
    header.font.size = Pt(9)
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the page label (地方新闻, 理论 …) and date are the running head, as the paper prints them
    d.sections[0].header.is_linked_to_previous = False
    d.sections[0].header.paragraphs[0].style = header
    for part in pkg.iter_parts():
        if part.content_type == CT.WML_FONT_TABLE:
            part._blob = _font_table()
    if "Hyperlink" not in styles:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.underline = True
        link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    return d


def _font_table() -> bytes:
    """``word/fontTable.xml`` declaring exactly the faces the styles use."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">']
    for name, (alt, panose, charset, family, pitch) in FONTS.items():
        out.append(f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
                   + f'<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/>'
                   f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>')
    out.append("</w:fonts>")
    return "".join(out).encode("utf-8")


def _drop_border(style) -> None:
    ppr = style.element.pPr
    if ppr is not None:
        for el in ppr.findall(qn("w:pBdr")):
            ppr.remove(el)


def _split_parts(d) -> tuple[dict[str, bytes], dict]:
    """The package's members, once: those a page changes (the body and its relationships,
    the core properties, the running head) are serialised afresh for each page; the others
    (styles, fonts, theme, content types …) are kept as the bytes python-docx saves."""
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as z:
        saved = {n: z.read(n) for n in z.namelist()}
    d.core_properties  # noqa: B018 -- python-docx adds the core properties part when first asked
    changed = {CT.WML_DOCUMENT_MAIN, CT.OPC_CORE_PROPERTIES, CT.WML_HEADER}
    parts = {part.partname.membername: part for part in d.part.package.iter_parts()
             if part.content_type in changed}
    assert len(parts) == len(changed), sorted(parts)
    names = set(parts) | {p.partname.rels_uri.membername for p in parts.values()}
    return {n: c for n, c in saved.items() if n not in names}, parts


def _app_xml() -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            # AppVersion must look like XX.YYYY; convertkit's own version stays out of the file
            # so that goldens and byte-identical output survive a release
            "<Application>convertkit</Application><AppVersion>01.0000</AppVersion>"
            "</Properties>").encode("utf-8")


# -- one page ---------------------------------------------------------------------------
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _TAB, _BR = (_W + t for t in ("p", "pPr", "pStyle", "r", "rPr", "rStyle",
                                                                   "t", "tab", "br"))
_BOLD, _ITALIC, _VERT, _VAL = _W + "b", _W + "i", _W + "vertAlign", _W + "val"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_BREAKS = re.compile(r"([\t\n\r])")


class _Filler:
    """Appends the page's paragraphs to the template's body as WordprocessingML elements,
    the same elements python-docx's ``add_paragraph``/``add_run`` make (a test compares
    them), built directly: python-docx's run API walks the text one character at a time."""

    def __init__(self, d, body, clean: XmlCleaner, bookmarks: bool = False) -> None:
        self.d = d
        self.body = body
        self.clean = clean
        self.notes: list[tuple[int, tuple]] = []
        #: (level, text, bookmark name) of each headline and subhead, for the table of contents
        self.marks: list[tuple[int, str, str]] | None = [] if bookmarks else None

    def heading(self, level: int, inlines) -> None:
        p = self.para(_heading(level), inlines)
        if self.marks is not None and level <= 2:
            name = f"_Toc{len(self.marks) + 1:06d}"
            self.marks.append((level, plain(inlines), name))
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(len(self.marks)))
            start.set(qn("w:name"), name)
            p[0].addnext(start)
            SubElement(p, qn("w:bookmarkEnd")).set(qn("w:id"), str(len(self.marks)))

    def para(self, style: str, inlines=(), text: str = ""):
        p = SubElement(self.body, _P)
        SubElement(SubElement(p, _PPR), _PSTYLE).set(_VAL, _STYLE_IDS[style])
        if text:
            self._run(p, text)
        self.inlines(p, inlines)
        return p

    def inlines(self, p, nodes, bold=False, italic=False, link_parent=None) -> None:
        for n in nodes:
            if isinstance(n, Text):
                self._run(p, n.text, bold, italic, link_parent)
            elif isinstance(n, Emph):
                self.inlines(p, n.content, bold, True, link_parent)
            elif isinstance(n, Strong):
                self.inlines(p, n.content, True, italic, link_parent)
            elif isinstance(n, LineBreak):
                SubElement(self._run(p, "", bold, italic, link_parent), _BR)
            elif isinstance(n, Link):
                url = safe_url(self.clean(n.url))
                if link_parent is not None or not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url):
                    self.inlines(p, n.content, bold, italic, link_parent)
                    continue
                rid = self.d.part.relate_to(url, RT.HYPERLINK, is_external=True)
                h = SubElement(p, qn("w:hyperlink"))
                h.set(qn("r:id"), rid)
                self.inlines(p, n.content, bold, italic, h)
            elif isinstance(n, Note):
                k = len(self.notes) + 1
                self.notes.append((k, n.blocks))
                self._run(p, f"[{k}]", bold, italic, link_parent, superscript=True)

    def _run(self, p, s: str, bold: bool = False, italic: bool = False, link_parent=None,
             superscript: bool = False):
        s = self.clean(s)
        # one w:t per megabyte at most: libxml2-based readers (python-docx, LibreOffice) refuse
        # a text node over 10 MB, and a run boundary changes nothing that is shown
        while len(s) > _RUN_CHARS:
            self._run(p, s[:_RUN_CHARS], bold, italic, link_parent, superscript)
            s = s[_RUN_CHARS:]
        r = SubElement(p if link_parent is None else link_parent, _R)
        if bold or italic or superscript or link_parent is not None:
            rpr = SubElement(r, _RPR)  # children in the schema's order
            if link_parent is not None:
                SubElement(rpr, _RSTYLE).set(_VAL, _STYLE_IDS["Hyperlink"])
            if bold:
                SubElement(rpr, _BOLD)
            if italic:
                SubElement(rpr, _ITALIC)
            if superscript:
                SubElement(rpr, _VERT).set(_VAL, "superscript")
        # a tab is w:tab, a line feed or carriage return w:br, the rest w:t
        for piece in _RUN_BREAKS.split(s) if ("\t" in s or "\n" in s or "\r" in s) else (s,):
            if piece == "\t":
                SubElement(r, _TAB)
            elif piece in ("\n", "\r"):
                SubElement(r, _BR)
            elif piece:
                t = SubElement(r, _T)
                t.text = piece
                if len(piece.strip()) < len(piece):
                    t.set(_XML_SPACE, "preserve")
        return r

    def blocks(self, blocks, level: int, body_style: str = BODY) -> None:
        for b in blocks:
            if isinstance(b, Para):
                self.para(body_style, b.content)
            elif isinstance(b, Heading):
                self.heading(level + b.level - 1, b.content)
            elif isinstance(b, BlockQuote):
                self.blocks(b.blocks, level + 1, "Pull Quote" if b.kind == "pullquote" else "Quote")
            elif isinstance(b, ListBlock):
                style = "List Number" if b.ordered else "List Bullet"
                for item in b.items:
                    self.blocks(item, level + 1, style)
            elif isinstance(b, Section):
                if b.heading:
                    self.heading(level, b.heading)
                self.blocks(b.blocks, level + 1, body_style)
            elif isinstance(b, Article):
                self.article(b, level)
            elif isinstance(b, Div):
                self.blocks(b.blocks, level, body_style)

    def article(self, a: Article, level: int = 1) -> None:
        if a.kicker:
            self.para("Kicker", a.kicker)
        self.heading(level, a.headline or (Text("（无标题）"),))
        if a.subtitle:
            self.para("Subtitle", a.subtitle)
        if a.byline:
            self.para("Byline", a.byline)
        if a.dateline and not dateline_runs_in(a):
            self.para("Dateline", a.dateline)
        self.blocks(blocks_with_dateline(a), level + 1)
        if a.signoff:
            self.para("Sign-off", a.signoff)

    def endnotes(self) -> None:
        for k, blocks in self.notes:
            text = " ".join(plain(b.content) for b in blocks if isinstance(b, Para))
            self.para("Note Text", text=f"[{k}] {text}")


def _heading(level: int) -> str:
    return f"Heading {min(9, max(1, level))}"


def _toc(filler: _Filler, at: int, lang: str) -> None:
    """A table of contents at body position ``at``: a TOC field over Heading 1–2 whose result
    is already filled in, one entry per headline and subhead linking to its bookmark. No page
    numbers are claimed (the writer does not lay out pages), and ``w:updateFields`` is not set,
    so Word opens the file without asking; updating the field (F9) adds the page numbers."""
    body = filler.body
    entries = [filler.para("TOC Heading", text="目录" if lang.startswith("zh") else "Contents")]
    for i, (level, title, name) in enumerate(filler.marks or [(1, "", "")]):
        p = SubElement(body, _P)
        SubElement(SubElement(p, _PPR), _PSTYLE).set(_VAL, _STYLE_IDS[f"toc {level}"])
        if i == 0:  # the field opens in the first entry and closes in the last
            for kind, text in (("begin", None), ("instr", ' TOC \\o "1-2" \\h \\z \\u '), ("separate", None)):
                r = SubElement(p, _R)
                if kind == "instr":
                    instr = SubElement(r, qn("w:instrText"))
                    instr.set(_XML_SPACE, "preserve")
                    instr.text = text
                else:
                    SubElement(r, qn("w:fldChar")).set(qn("w:fldCharType"), kind)
        if name:
            link = SubElement(p, qn("w:hyperlink"))
            link.set(qn("w:anchor"), name)
            link.set(qn("w:history"), "1")
            filler._run(p, title, link_parent=link)
        entries.append(p)
    SubElement(SubElement(entries[-1], _R), qn("w:fldChar")).set(qn("w:fldCharType"), "end")
    for k, p in enumerate(entries):  # moved from the end of the body to their place
        body.insert(at + k, p)


def _page_setup(sect, page: str) -> None:
    """The section's page size and margins (``PAGES``)."""
    size = PAGES[page]
    sect.find(qn("w:pgSz")).attrib.update({qn("w:w"): str(size["w"]), qn("w:h"): str(size["h"])})
    sect.find(qn("w:pgMar")).attrib.update({qn(f"w:{k}"): str(size[k]) for k in ("top", "bottom", "left", "right")})


def _running_head(doc: Document, clean: XmlCleaner) -> None:
    """The page header: the page's label, date and page number as the paper prints them."""
    header = next(part for part in _DYNAMIC.values() if part.content_type == CT.WML_HEADER)
    p = header.element.find(_P)
    for r in p.findall(_R):
        p.remove(r)
    shown = [f.text for f in doc.meta.furniture if f.kind in ("label", "date", "page") and f.text.strip()]
    if shown:
        t = SubElement(SubElement(p, _R), _T)
        t.text = clean("　".join(shown))


def _core(d, doc: Document, title: str, lang: str, when: dt.datetime, clean: XmlCleaner) -> None:
    """Every core property set afresh, in a fixed order; empty ones left out."""
    cp = d.core_properties
    for child in list(cp._element):
        cp._element.remove(child)
    cp.title = clean(title)
    cp.author = clean("; ".join(a for a in doc.meta.authors if a.strip()))
    cp.subject = clean(doc.meta.get("label"))
    cp.language = lang
    cp.comments = ""
    cp.keywords = ""
    cp.category = ""
    cp.last_modified_by = ""
    cp.revision = 1
    cp.created = when.replace(tzinfo=None)
    cp.modified = when.replace(tzinfo=None)
    el = cp._element
    for child in list(el):
        if child.tag != qn("cp:revision") and not (child.text or "").strip() and not len(child):
            el.remove(child)


def _doc_time(doc: Document) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` if set, else the page's own date, else the fixed date."""
    if not source_date_epoch_set() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.meta.date or ""):
        try:
            return dt.datetime.strptime(doc.meta.date, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
        except ValueError:
            pass
    return build_time()


def _load_template() -> None:
    """Build the template and its parts, and publish them only once all are made: an
    interrupted build leaves nothing half made behind."""
    global _TEMPLATE
    _forget_template()
    template = _build_template()
    style_ids = {st.name: st.style_id for st in template.styles}
    static, dynamic = _split_parts(template)
    _STYLE_IDS.update(style_ids)
    _STATIC.update(static)
    _DYNAMIC.update(dynamic)
    _TEMPLATE = template


def _forget_template() -> None:
    global _TEMPLATE
    _TEMPLATE = None
    _STYLE_IDS.clear()
    _STATIC.clear()
    _DYNAMIC.clear()


def write_docx(doc: Document, ctx: Context) -> bytes:
    clean = XmlCleaner()
    lang = doc.meta.language or "zh-CN"
    when = _doc_time(doc)
    title = document_title(doc)
    page = ctx.option("docx_page") or "a4"
    with _LOCK:
        if _TEMPLATE is None:
            _load_template()
        d = _TEMPLATE
        body = d.element.body
        # the page's paragraphs are appended, then the section properties after them
        sect = body.find(qn("w:sectPr"))
        del body[:]  # (one slice deletion: removing children one by one is quadratic in lxml)
        # hyperlinks of the previous page
        for rid in [rid for rid, rel in d.part.rels.items() if rel.reltype == RT.HYPERLINK]:
            d.part.rels.pop(rid)
        try:
            toc = bool(ctx.option("docx_toc"))
            filler = _Filler(d, body, clean, bookmarks=toc)
            if doc.meta.title.strip():  # a title of its own (pandoc's habit); a page's label is the running head
                filler.para("Title", text=doc.meta.title)
            toc_at = len(body)
            filler.blocks(doc.blocks, 1)
            if toc:
                _toc(filler, toc_at, lang)
            _running_head(doc, clean)
            _page_setup(sect, page)
            filler.endnotes()
            _core(d, doc, title, lang, when, clean)
            body.append(sect)
            members = dict(_STATIC)
            for name, part in _DYNAMIC.items():
                part.before_marshal()
                members[name] = part.blob
                if len(part.rels):
                    members[part.partname.rels_uri.membername] = part.rels.xml
        except BaseException:
            # a page that failed half-way (an error, MemoryError, a timeout's signal) may
            # have left the shared template in any state: the next page builds a new one
            _forget_template()
            raise
        finally:
            if _TEMPLATE is not None:
                del body[:]
                body.append(sect)
    clean.report(ctx)
    # deflate level 6 (zlib's default): 5 ms less per page than level 9, 4% larger
    return zip_members(members, when, first=("[Content_Types].xml", "_rels/.rels"), level=6, memo=_STATIC)

