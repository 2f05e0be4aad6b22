"""Input decoding: BOM, strict UTF-8, then GB18030, Big5 and UTF-16, judged by content.

GB18030 and Big5 share most of their byte ranges, so a strict decode succeeding proves
little. Each candidate that decodes is scored by how much of it is ordinary text
(ASCII, CJK punctuation, and the most frequent Chinese characters in simplified and
traditional form); the best score wins. Nothing falls back silently to latin-1.
"""
from __future__ import annotations

import codecs

from .errors import DecodeError

# The few hundred most frequent Chinese characters, simplified then traditional forms
# of those that differ. Frequent characters dominate any real text; a wrong decoding
# scatters over the whole repertoire and rarely lands on them.
_COMMON_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着"
    "下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好"
    "小部其些主样理心本前开但因只从想实日者意无力与长把机十民第公此已工使情明性知全三又"
    "关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西"
    "月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各"
    "入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计"
    "管期市直德资命山金指克许统区保至队形社便空决治展马科司五基书非则听白却界达光放强即"
    "像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观"
    "清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失"
    "转夫令准布始怎存未远台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离"
    "况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功包片史委查轻易"
    "早曾除农找装广显阿李标谈图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽"
    "推势参希古众构房半节土投某案黑维革划致陈律足态护七兴派孩验责营星够章音跟志底站严例"
    "防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害双境客纪采举攻父苏"
    "密低朝友止细愿千值仍男钱破网热助育属坐限船职速刻乐否刚威状率独球般普创假久错承印试"
    "股益阳若微继送急血伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢警获模充负云"
    "停木游龙树层冷洲略范句室异激汉村策演简罪判担州静退既衣宗积余差富灵协角占配征修降阶"
    "审坚善刘读超免压银买养执副乱抗犯追帮宣岁航优香著田铁控税左右份艺背阵草概块顿守酒岛"
    "托央户烈洋款靠评版宝座释景顾付欧换闻危核介坏讨良序升监临亮露永呼味野架域沙括鱼杂误"
    "湾吉减编楚测败屋梦散温困渐封救贵缺楼县尚移朋班智亦耳恩短掌恐遗固席松秘谢遇康虑幸均"
    "销藏票损忽巨旧端探湖录叶春乡附吸予礼港雨板庭妇归含顺输招补谓督油疗旅泽材灭逐莫笔词"
    "择寻厂博授诺岸健堂旁宫借君禁园谋避抓荣孙牙束跳顶玉镇练迫篇础洞卷宁纸诸训私庄祖翻森"
    "塔默握隐熟访弱典欲盘扩盖雄稳亿拥齐赛曲迎冰虚析透购替努途侵刑绿兄迅套贸毕唯谷轮库迹"
    "竞街促延震弃伟申缓潜售针抵植纯夏页筑折郑尊吴秀振染盛圆搞措梅毁末乃拍丁赵")
_COMMON_TRADITIONAL = (
    "這個們來為國說時會對於後裡種現當動們還進樣實與長機無開從東員點業兩間問題體見產發"
    "經過學關頭應戰義變氣話報結務場計資電數區隊書達則強術領傳師觀聯給聽親極辦議遠單團"
    "價華級際約復線斷滿視器須寫稱專號語歷醫較選紅響類據組條權勢參眾構導責營嚴護興驗"
    "愛擊備連調質顧貨戶創歲陸習錢網熱華聯繫廣顯圖圍織雙紀舉處將師記隨驗萬觀雖認識護"
    "樂節園實歡獲靈協輸項區")
COMMON = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FALLBACKS = ("gb18030", "big5", "utf-16-le", "utf-16-be")


def _plausibility(text: str) -> float:
    """Share of characters that ordinary text is made of."""
    sample = text[:20000]
    if not sample:
        return 1.0
    good = 0
    for ch in sample:
        o = ord(ch)
        if (o < 0x80 and (ch.isprintable() or ch in "\n\r\t")) or ch in COMMON or 0x3000 <= o <= 0x303F \
                or 0xFF00 <= o <= 0xFF5E or 0x2010 <= o <= 0x201F:
            good += 1
    return good / len(sample)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, encoding: str | None = None, name: str = "input") -> tuple[str, str]:
    """Text and the encoding it was read with. ``encoding`` forces one.

    :raises DecodeError: a one-line message naming ``--encoding`` when nothing fits.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DecodeError(f"{name}: unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"{name}: not valid {encoding} (byte {exc.start}): {exc.reason}") from None
        if text.startswith("\ufeff"):
            text = text[1:]
        return text, codecs.lookup(encoding).name
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError:
                raise DecodeError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc};"
                                  " give the right one with --encoding") from None
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        # CJK text in UTF-16 has NULs only beside ASCII characters: judge by content
        scored = []
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                candidate = data.decode(enc)
            except UnicodeDecodeError:
                continue
            scored.append((_plausibility(candidate), candidate, enc))
        if scored:
            score, candidate, enc = max(scored)
            if score >= 0.6:
                return candidate, enc
        raise DecodeError(f"{name}: looks like a binary file (NUL bytes), not text; "
                          "if it is text, give its encoding with --encoding")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for enc in _FALLBACKS:
        if enc.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] < 0.5:
        raise DecodeError(f"{name}: cannot tell the text encoding (tried UTF-8, GB18030, Big5, UTF-16); "
                          "give it with --encoding")
    return best[1], best[2]
