"""The word stems that gate the officer action patterns (``officer_actions.STEMS``) and the honorific scan
of ``persons``: shortcuts that must find exactly what the full patterns find."""

from __future__ import annotations

from eightk.extract.officer_actions import _FOLDED, ACTIONS, STEMS, actions_in, last_cue
from eightk.extract.persons import _HONORIFIC, _honorifics
from eightk.parse.text import fold

# one wording (at least) for each alternative of each action's pattern
_WORDINGS = """Jane Roe retired. Jane Roe will retire. Her retirement. Jane Roe resigned as CFO. Jane Roe will step
down. Jane Roe stepped down. Jane Roe departed. Her departure. Jane Roe will leave the Company. Jane
Roe is leaving. Jane Roe will cease to serve as CFO. Jane Roe has left the Company. Her separation
from the Company. Following the transition of duties from Jane Roe. Jane Roe will not stand for re-
election. Jane Roe will not seek re-election. The Company terminated the employment agreement of
Jane Roe. Termination of her employment. Jane Roe was terminated as CFO. Jane Roe ceased to serve.
Jane Roe will no longer serve. Jane Roe will transition from her role. Jane Roe transitioned the
role of CEO. Jane Roe decided to leave. Jane Roe passed away. Jane Roe died. Jane Roe was removed
from the Board. The Board relieved Jane Roe of her duties. The Board removed Jane Roe as CFO. Her
employment with the Company will end. Jane Roe was elected. The election of Jane Roe. Jane Roe was
appointed to the role of CFO. Jane Roe was promoted to CFO. Jane Roe moved from COO to the role of
CFO. Jane Roe will move to Finance. Jane Roe will transition from COO to the new role of CFO. Jane
Roe will transition to the role of CFO. Jane Roe will serve as interim CFO. The Board will appoint
Jane Roe. Jane Roe was named CFO. Jane Roe was hired. Jane Roe was designated. The Board selected
Jane Roe as CFO. Jane Roe was welcomed back. Jane Roe will become CFO. Jane Roe succeeds John Doe.
Succeeding Mr. Doe as CFO on May 1, will be Jane Roe. Jane Roe joined Acme as CFO. Jane Roe will
join the Board of Directors. Jane Roe begins a new role at Acme as CFO. Her title was changed to
CFO. John Doe was succeeded by Jane Roe. The appointment of Jane Roe. The promotion of Jane Roe. Her
promotion to CFO. Jane Roe assumed the role of CFO."""


def test_every_action_match_holds_one_of_its_stems() -> None:
    low = fold(_WORDINGS)
    for (action, pattern), folded in zip(ACTIONS, _FOLDED, strict=True):
        matches = [m.group(0) for m in pattern.finditer(_WORDINGS)] + [m.group(0) for m in folded.finditer(low)]
        assert matches, action
        for text in matches:
            assert any(stem in text.lower() for stem in STEMS[action]), (action, text)


def test_the_gated_search_finds_what_the_patterns_find() -> None:
    low = fold(_WORDINGS)
    assert last_cue(_WORDINGS) == max(m.start() for f in _FOLDED for m in f.finditer(low))
    for sent in _WORDINGS.split(". "):
        assert actions_in(sent) == [a for a, f in zip(ACTIONS, _FOLDED, strict=True) if f.search(fold(sent))]
    assert actions_in("The Company reported its results.") == []


def test_honorifics_are_found_as_the_pattern_finds_them() -> None:
    text = "MrMr. Roe, Mrs. Jane Roe and Ms. Roe met Dr. Roe, Captain Jane Roe, Sir John van der Roe, Judge Roe.\nMr."
    assert [m.span() for m in _honorifics(text)] == [m.span() for m in _HONORIFIC.finditer(text)]
    assert len(list(_honorifics(text))) == 7
