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


def _nodes(node):
    """Every dataclass instance inside ``node``."""
    import dataclasses

    if isinstance(node, tuple):
        for x in node:
            yield from _nodes(x)
    elif dataclasses.is_dataclass(node):
        yield node
        for f in dataclasses.fields(node):
            yield from _nodes(getattr(node, f.name))


@settings(max_examples=60, deadline=None)
@given(documents)
def test_value_semantics_match_generated_dataclass_methods(doc):
    """The model's eq/hash/repr, written once in convertkit.value, behave as the methods
    @dataclass would generate: compared with a generated twin of each class."""
    import dataclasses

    from convertkit.model import NODE_TYPES

    twins = {name: dataclasses.make_dataclass(name, [f.name for f in dataclasses.fields(cls)], frozen=True)
             for name, cls in NODE_TYPES.items()}

    def twin(node):
        if isinstance(node, tuple):
            return tuple(twin(x) for x in node)
        if dataclasses.is_dataclass(node):
            return twins[type(node).__name__](*(twin(getattr(node, f.name)) for f in dataclasses.fields(node)))
        return node

    for node in _nodes(doc):
        assert type(node).__name__ in NODE_TYPES
        assert repr(node) == repr(twin(node))
        same = dataclasses.replace(node)
        assert same == node and not (same != node) and hash(same) == hash(node)
        assert node != twin(node)  # another class is never equal
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            other = "x" if value != "x" else "y"
            if isinstance(value, str):
                assert dataclasses.replace(node, **{f.name: other}) != node
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(node, dataclasses.fields(node)[0].name, None) if dataclasses.fields(node) else node.__setattr__("x", 1)
