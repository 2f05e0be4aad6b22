import json

import pytest
from hypothesis import given, settings

from convertkit import jsonform
from convertkit.errors import ConversionError
from convertkit.model import Article, Document, Meta, Para, Text, articles, plain
from strategies import documents


@settings(max_examples=200, deadline=None)
@given(documents)
def test_json_round_trip_is_lossless(doc):
    assert jsonform.loads(jsonform.dumps(doc)) == doc


def test_json_carries_api_version():
    data = json.loads(jsonform.dumps(Document()))
    assert data["convertkit-api-version"] == list(jsonform.API_VERSION)


def test_other_major_version_is_refused_clearly():
    data = json.loads(jsonform.dumps(Document()))
    data["convertkit-api-version"] = [jsonform.API_VERSION[0] + 1, 0]
    with pytest.raises(ConversionError, match="major version"):
        jsonform.loads(json.dumps(data))


@pytest.mark.parametrize("text,msg", [
    ("{", "not valid JSON"),
    ('{"t": "Document"}', "convertkit-api-version"),
    ('{"convertkit-api-version": [1, 0], "t": "Evil", "x": 1}', "unknown node type"),
    ('{"convertkit-api-version": [1, 0], "t": "Document", "bogus": 1}', "unknown field"),
])
def test_bad_json_gives_clear_errors(text, msg):
    with pytest.raises(ConversionError, match=msg):
        jsonform.loads(text)


def test_model_is_frozen_and_articles_found():
    a = Article(headline=(Text("标题"),), blocks=(Para((Text("正文"),)),))
    doc = Document(Meta(title="t"), (a,))
    with pytest.raises(Exception):
        a.headline = ()  # type: ignore[misc]
    assert articles(doc) == [a]
    assert plain(a.headline) == "标题"
