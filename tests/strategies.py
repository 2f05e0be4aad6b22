"""Hypothesis strategies for generated documents of the model."""
from __future__ import annotations

from hypothesis import strategies as st

from convertkit.model import (Article, BlockQuote, Div, Document, Emph, Furniture, Heading, LineBreak, Link,
                              ListBlock, Meta, Note, Para, Section, SourceInfo, Span, Strong, Text)

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
cjk_words = st.text(alphabet="的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会新闻广东",
                    min_size=1, max_size=30)
plain_text = st.one_of(words, cjk_words)
spans = st.one_of(st.none(), st.builds(lambda a, n: Span(a, a + n), st.integers(1, 500), st.integers(0, 50)))

inline = st.deferred(lambda: st.one_of(
    st.builds(Text, plain_text),
    st.builds(Emph, st.lists(inline, max_size=2).map(tuple)),
    st.builds(Strong, st.lists(inline, max_size=2).map(tuple)),
    st.just(LineBreak()),
    st.builds(Link, st.lists(inline, max_size=2).map(tuple), st.sampled_from(["https://example.org/a", "x y"]),
              plain_text),
    st.builds(Note, st.lists(st.builds(Para, st.lists(st.builds(Text, plain_text), max_size=2).map(tuple)),
                             max_size=1).map(tuple)),
))
inlines = st.lists(inline, max_size=4).map(tuple)
para = st.builds(Para, inlines, spans,
                 st.lists(st.tuples(st.integers(0, 80), st.integers(1, 500)), max_size=3).map(tuple))

block = st.deferred(lambda: st.one_of(
    para,
    st.builds(Heading, st.integers(1, 6), inlines, spans),
    st.builds(BlockQuote, st.lists(para, max_size=2).map(tuple), st.sampled_from(["quote", "pullquote"]), spans),
    st.builds(ListBlock, st.lists(st.lists(para, max_size=2).map(tuple), max_size=3).map(tuple), st.booleans(),
              spans),
    st.builds(Div, st.sampled_from(["aside", "box", "x y"]), st.lists(block, max_size=2).map(tuple),
              st.lists(st.tuples(st.sampled_from(["class", "id"]), plain_text), max_size=2).map(tuple), spans),
    st.builds(Section, inlines, st.lists(st.one_of(para, st.builds(BlockQuote, st.lists(para, max_size=1)
                                                                   .map(tuple), st.just("pullquote"))),
                                         max_size=3).map(tuple), spans),
))
article = st.builds(Article, inlines, st.lists(block, max_size=4).map(tuple), inlines, inlines, inlines, inlines,
                    inlines, spans)
meta = st.builds(
    Meta, plain_text, st.sampled_from(["", "zh-CN", "en"]), st.lists(plain_text, max_size=2).map(tuple),
    st.sampled_from(["", "2025-04-09"]), plain_text,
    st.builds(SourceInfo, plain_text, st.sampled_from(["", "utf-8", "gb18030"]), st.sampled_from(["", "ab" * 32])),
    st.lists(st.builds(Furniture, st.sampled_from(["label", "date", "page", "credit"]), plain_text, spans),
             max_size=3).map(tuple),
    st.lists(st.tuples(st.sampled_from(["k", "x y", "series"]), plain_text), max_size=2).map(tuple))
documents = st.builds(Document, meta, st.lists(st.one_of(article, block), max_size=4).map(tuple))
