"""convertkit plugin: simplified ⇄ traditional Chinese with OpenCC.

    convertkit page.txt --to epub --transform s2t

``s2t`` writes OpenCC's standard traditional characters and tags the document ``zh-Hant``;
``t2s`` goes back and tags it ``zh-Hans``. Both convert every piece of text, metadata included.
"""
from __future__ import annotations

import functools

import convertkit
from convertkit.model import map_text
from convertkit.registry import TransformSpec


@functools.lru_cache(maxsize=None)
def _converter(config: str):
    import opencc  # imported on first use: `convertkit --help` stays fast

    return opencc.OpenCC(config)


def _transform(config: str, language: str):
    def run(doc, ctx):
        from dataclasses import replace

        out = map_text(doc, _converter(config).convert)
        return replace(out, meta=replace(out.meta, language=language))

    return run


@convertkit.hookimpl
def convertkit_register_transforms(registry):
    registry.add(TransformSpec("s2t", _transform("s2t", "zh-Hant"),
                               description="simplified to traditional Chinese (OpenCC s2t)"))
    registry.add(TransformSpec("t2s", _transform("t2s", "zh-Hans"),
                               description="traditional to simplified Chinese (OpenCC t2s)"))
