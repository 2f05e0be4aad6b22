import codecs

import pytest

from convertkit.decoding import decode
from convertkit.errors import DecodeError


def big5_copy(text: str) -> str:
    """The sample page keeps only characters Big5 can hold (it is simplified Chinese)."""
    return "".join(c for c in text if c.encode("big5", "ignore") or c in "\n")


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_sample_page_in_each_encoding(sample_bytes, encoding, bom):
    text = sample_bytes.decode("utf-8")
    got, enc = decode(bom + text.encode(encoding))
    assert got == text
    assert codecs.lookup(enc).name == codecs.lookup(encoding).name


def test_big5_is_told_from_gb18030(sample_bytes):
    text = big5_copy(sample_bytes.decode("utf-8"))
    got, enc = decode(text.encode("big5"))
    assert (got, enc) == (text, "big5")


def test_traditional_big5_text():
    text = "這是一個關於臺灣經濟發展的報導，國際市場對於這個問題非常關注。\n" * 5
    assert decode(text.encode("big5")) == (text, "big5")


def test_forced_encoding_and_errors():
    assert decode("abc".encode("utf-8"), "latin-1") == ("abc", "iso8859-1")
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(b"abc", "no-such-codec")
    with pytest.raises(DecodeError, match="--encoding"):
        decode(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(200))
