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


def _record_classes():
    """Every class convertkit declares over Record (the model, the registry, the API's
    results, the plugin and entry-point records, the HTML table of contents)."""
    import convertkit.api
    import convertkit.entrypoints
    import convertkit.plugins
    import convertkit.registry
    import convertkit_html.render
    from convertkit import model
    from convertkit.value import Record

    modules = (model, convertkit.registry, convertkit.api, convertkit.plugins, convertkit.entrypoints,
               convertkit_html.render)
    found = {cls for m in modules for cls in vars(m).values()
             if isinstance(cls, type) and issubclass(cls, Record) and cls.__module__ == m.__name__}
    return sorted(found, key=lambda c: (c.__module__, c.__name__))


@pytest.mark.parametrize("cls", _record_classes(), ids=lambda c: c.__name__)
def test_written_init_takes_what_a_generated_one_would(cls):
    """Each hand-written ``__init__`` (see convertkit.value) has the parameters, order and
    defaults of the one ``@dataclass`` generates, and stores every field as given; a field
    with a default factory takes ``None`` for a fresh default."""
    import dataclasses
    import inspect

    from convertkit.value import Value

    assert dataclasses.is_dataclass(cls)
    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        if f.default_factory is not dataclasses.MISSING:
            assert p.default is None
        else:
            assert p.default == (inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
    args = {f.name: object() for f in fields}
    obj = cls(**args)
    assert all(getattr(obj, name) is value for name, value in args.items())
    assert dataclasses.replace(obj) == obj
    required = {f.name: args[f.name] for f in fields
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    bare, other = cls(**required), cls(**required)
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:  # fresh each time, as generated
            assert getattr(bare, f.name) == f.default_factory()
            assert getattr(bare, f.name) is not getattr(other, f.name)
        elif f.default is not dataclasses.MISSING:
            assert getattr(bare, f.name) == f.default
    if issubclass(cls, Value):
        for attempt in (lambda: setattr(obj, fields[0].name if fields else "x", 1),
                        lambda: setattr(obj, "not_a_field", 1),
                        lambda: delattr(obj, fields[0].name if fields else "x")):
            with pytest.raises(dataclasses.FrozenInstanceError):
                attempt()
        assert hash(obj) == hash(dataclasses.replace(obj))
    else:
        with pytest.raises(TypeError):
            hash(obj)
