"""The word gates before the acquisition and deal-entry cues and the re-election test: a pattern is tried
only where a word every match of it holds is present, so each wording of it must hold one."""

from __future__ import annotations

import pytest

from eightk.extract.acquisition_texts import _MORE_CUE, _MORE_GATED, _MORE_WORDS
from eightk.extract.deal_cues import _ENTRY, _ENTRY_STEMS, _entry
from eightk.extract.deal_openings import _CONTRACT_OPENING, _TITLE_OPENING, _contract_opening
from eightk.extract.families import _ACQ_CUE, _ACQ_WORDS, _SALE_CUE, _SALE_WORDS, acq_cue, sale_cue
from eightk.extract.gates import Cue
from eightk.extract.officer_context import no_news
from eightk.parse.text import fold

_ACQUISITIONS = (
    "Acme completed its previously announced acquisition of Beta.",
    "The closing of the merger occurred on May 1.",
    "Acme acquired Beta Inc.",
    "The transaction was consummated on May 1.",
    "Acme entered into an Agreement and Plan of Merger with Beta.",
    "Under the Merger Agreement, Beta will merge with Acme.",
    "Acme signed a definitive agreement to acquire Beta.",
    "Acme agreed to acquire Beta.",
    "Acme will acquire Beta.",
    "Acme entered into an agreement to purchase Beta.",
    "Acme agreed to buy all of the issued and outstanding shares of Beta.",
    "Acme terminated the merger agreement.",
)
_ENTRIES = (
    "Acme entered into a license agreement. Acme enters into an agreement. Entering into the agreement.",
    "Acme signed an agreement. The agreement was executed. Acme has agreed. Acme concluded an agreement.",
    "Acme announced a deal. The agreement is made as of May 1. The agreement was entered. It is between them.",
    "Acme has exclusively licensed X. Acme today announced a deal. The signing of the agreements with Beta.",
    "Acme signs a deal. Acme has formed a venture. Acme has in-licensed X. Acme agreed to license X.",
    "Acme launched a research collaboration.",
)


def test_every_acquisition_cue_holds_one_of_its_words() -> None:
    for sent in _ACQUISITIONS:
        cue = _ACQ_CUE.search(sent)
        assert cue is not None, sent
        assert any(w in cue.group(0).lower() for w in _ACQ_WORDS), sent
        assert acq_cue(sent) is not None and acq_cue(sent).span() == cue.span()  # type: ignore[union-attr]
    assert acq_cue("Acme reported its results.") is None
    assert acq_cue("Acme acquıred Beta.") is not None  # a dotless i matches "i" under IGNORECASE


def test_every_deal_entry_holds_one_of_its_stems() -> None:
    for text in _ENTRIES:
        matches = list(_ENTRY.finditer(fold(text)))
        assert len(matches) >= 3 or text.startswith("Acme launched"), text
        for m in matches:
            assert any(w in m.group(0) for w in _ENTRY_STEMS), m.group(0)
    assert _entry("Acme reported its results.") is None
    assert _entry("Acme entered into a license agreement.") is not None


def test_a_reelection_needs_both_its_words() -> None:
    assert no_news("At the Annual Meeting, the stockholders elected Jane Roe a director.")
    assert not no_news("Following the Annual Meeting, the Board elected Jane Roe a director.")
    assert not no_news("At the meeting, the stockholders elected Jane Roe a director.")


def test_a_contract_opening_is_found_where_the_full_search_finds_it() -> None:
    texts = (
        "THIS LICENSE AGREEMENT is made between Acme and Beta.",
        "Exhibit 10.1\n\n  This Agreement is entered into by and between Acme and Beta.",
        "Dated May 1, 2020, this Agreement is entered into by Acme.",
        "Acme said this agreement is good. Nothing else.",
        "Acme and Beta: THIS AMENDMENT is made among them.",
        "Exhibit 10.1\n  EXCLUSIVE LICENSE AGREEMENT\n\nby and between Acme and Beta",
        "LICENSE AGREEMENT\nBETWEEN Acme AND Beta",
    )
    for text in texts:
        for pattern in (_CONTRACT_OPENING, _TITLE_OPENING):
            full, fast = pattern.search(text, 0, 5000), _contract_opening(text, 5000, pattern)
            assert (full and full.span()) == (fast and fast.span()), text
    assert _contract_opening(texts[1], 5000) is not None and _contract_opening(texts[3], 5000) is None


def test_every_bare_acquisition_cue_holds_one_of_its_words() -> None:
    sentences = (
        "Acme closed its previously announced acquisition of Beta.",
        "Acme finalized the sale of Beta.",
        "Acme announced today the acquisition of Beta.",
        "Acme agreed to buy Beta.",
        "Acme will purchase Beta.",
        "Beta is to be acquired by Acme.",
        "Acme has divested Beta.",
        "Acme plans to sell its Beta unit to Gamma.",
        "Acme signed a stock purchase agreement.",
    )
    for sent in sentences:
        cue = _MORE_CUE.search(sent)
        assert cue is not None and any(w in cue.group(0).lower() for w in _MORE_WORDS), sent
        assert _MORE_GATED.search(sent) is not None
    assert _MORE_GATED.search("Acme reported its results.") is None


def test_every_sale_cue_holds_one_of_its_words() -> None:
    sales = ("Acme completed the sale of Beta.", "The divestiture of Beta.", "The disposition of Beta.")
    for sent in (*sales, "Acme sold Beta.", "Acme agreed to sell Beta.", "Acme has an agreement to sell Beta."):
        cue = _SALE_CUE.search(sent)
        assert cue is not None and any(w in cue.group(0).lower() for w in _SALE_WORDS), sent
        assert sale_cue(sent) is not None
    assert sale_cue("Acme reported its results.") is None


def test_a_gated_cue_answers_as_its_pattern() -> None:
    for sent in (*_ACQUISITIONS, "ACME ACQUIRED BETA.", "Acme acquıred Beta.", "Acme reported its results."):
        full = _ACQ_CUE.search(sent)
        gated = acq_cue(sent)
        assert (full and (full.span(), full.group(0))) == (gated and (gated.span(), gated.group(0))), sent
    with pytest.raises(ValueError):
        Cue(_CONTRACT_OPENING, ("this",))  # not IGNORECASE: nothing to fold
