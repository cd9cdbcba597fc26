"""People in officer changes come from evidence that they are people, never from capitalization alone.

``test_every_officer_change_person_of_the_corpus`` lists every officer_change person of the samples and
of ../shared/corpus/filings in ``tests/data/officer_persons.txt`` (person, action, role, file), for a
reviewer to read: the list changes only with ``--update-golden`` and then shows as a diff. It also
asserts that no person is of an obvious non-person kind (a region, a division, a title, a product, a
defined term).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eightk import parse_filing
from eightk.extract.persons import person_evidence
from tests.conftest import ROOT, sample_files

CORPUS = ROOT.parent / "shared" / "corpus" / "filings"
LISTED = Path(__file__).parent / "data" / "officer_persons.txt"
# words no person's name holds: places, business units, titles, documents and legal terms
NON_PERSON = re.compile(
    r"\b(?:North|South|East|West|Southeast|Southwest|Northeast|Northwest|Asia|Europe|America|Pacific|Region|"
    r"Division|Group|Products|Free|Bank|Investment|Corporate|Controller|Officer|President|Director|Chair|Board|"
    r"Committee|Class|Period|Statement|Proxy|Plan|Agreement|Engineering|Energy|Beverages|Inc|Corp|LLC|U\.?S\.?A)\b"
)


def _item(text: str) -> bytes:
    return (
        "FORM 8-K\n\nCURRENT REPORT\n\nACME WIDGETS, INC.\n\n"
        "Item 5.02 Departure of Directors or Certain Officers; Election of Directors.\n\n"
        f"{text}\n\nItem 9.01 Financial Statements and Exhibits.\n\nNone.\n\nSIGNATURES\n\n"
        "ACME WIDGETS, INC.\n\nBy: /s/ Pat Q. Signer\nName: Pat Q. Signer\nTitle: Secretary\n"
    ).encode()


def _people(text: str) -> list[tuple[str | None, str | None]]:
    filing = parse_filing(_item(text), name="case.txt")
    return [(e.person, e.action) for e in filing.events if e.type == "officer_change"]  # type: ignore[attr-defined]


def test_evidence_kinds() -> None:
    ev = person_evidence(["Ms. Roe will lead it. Jane Doe, 54, joins. Sam Q. Public stays."], ["Pat Signer"])
    assert ev.is_person("Jane Roe") and ev.is_person("Jane Doe") and ev.is_person("Pat Signer")
    assert ev.is_person("Deirdre Kowalczyk")  # a given name of the census lists
    assert ev.is_person("Xq R. Zorblat")  # a middle initial
    for not_person in ("Southwest Division", "Corporate Controller", "Investment Bank", "Duty Free", "Class III"):
        assert not ev.is_person(not_person), not_person


def test_capitalized_words_before_a_verb_are_no_person() -> None:
    text = (
        "On May 1, 2024, the Board of Directors appointed Quorra Zindel, 47, as Corporate Controller, effective "
        "June 1, 2024. Southwest Division was renamed. The Investment Bank appointed new bankers, and Duty Free "
        "was named a segment."
    )
    got = _people(text)
    assert ("Quorra Zindel", "appointed") in got
    assert all(p == "Quorra Zindel" for p, _a in got), got


def _corpus_people() -> list[str]:
    if not CORPUS.is_dir():
        raise FileNotFoundError(f"{CORPUS}: the shared corpus is missing (it sits beside the repository)")
    files = sample_files() + sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.endswith(".tsv"))
    rows = set()
    for path in files:
        filing = parse_filing(path.read_bytes(), name=path.name)
        for e in filing.events:
            if e.type == "officer_change":
                rows.add(f"{e.person}\t{e.action}\t{e.role}\t{path.name}")  # type: ignore[attr-defined]
    return sorted(rows)


def test_every_officer_change_person_of_the_corpus(update_golden: bool) -> None:
    rows = _corpus_people()
    persons = sorted({r.split("\t")[0] for r in rows})
    bad = [p for p in persons if NON_PERSON.search(p) or len(p.split()) < 2]
    assert not bad, f"non-persons taken for officers: {bad}"
    text = "\n".join(rows) + "\n"
    if update_golden:
        LISTED.write_text(text, encoding="utf-8")
    if not LISTED.exists():
        pytest.fail(f"{LISTED} is missing: run pytest tests/test_persons.py --update-golden and read it")
    assert LISTED.read_text(encoding="utf-8") == text, "the list changed: --update-golden, then read the diff"


def test_a_company_whose_name_starts_with_a_given_name_is_no_person() -> None:
    text = (
        "On May 1, 2025, the Board appointed Quorra Zindel, 47, as Treasurer. Under the credit agreement, "
        "Morgan Larkspur Capital LLC (“Morgan Larkspur”) resigned as administrative agent, and Morgan Larkspur "
        "was named syndication agent."
    )
    assert _people(text) == [("Quorra Zindel", "appointed")]
