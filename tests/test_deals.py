"""Deals read from real deal texts given on their own (tests/data/deals, copied from the deal set's tune
half with their sources): what the document is, who is licensor or licensee, buyer or seller, which
amount is the upfront, the milestones, the equity or the total, and what is no new deal at all."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eightk import parse_filing
from eightk.extract.entities import REGISTRANT, entities
from eightk.extract.money import money_in
from tests.test_events import _check_spans

DATA = Path(__file__).parent / "data" / "deals"
DEAL_TYPES = ("license", "collaboration", "asset_purchase")


def _record(name: str) -> dict[str, Any]:
    filing = parse_filing((DATA / name).read_bytes(), name=name)
    _check_spans(filing)  # every value keeps the span it was read from
    return filing.to_dict()


def _deals(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in record["events"] if e["type"] in DEAL_TYPES]


def _roles(event: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["name"], p["role"]) for p in event["parties"]]


def _money(value: dict[str, Any] | None) -> tuple[float, str] | None:
    return None if value is None else (value["amount"], value["currency"])


def test_a_note_on_its_own_is_a_note_and_its_licence_is_read() -> None:
    rec = _record("004.txt")
    assert rec["document_kind"] == "financial_note"
    assert rec["form_type"] is None and rec["registrant"]["name"] is None
    assert [p["code"] for p in rec["problems"]] == ["bare_document"]
    (deal,) = _deals(rec)
    # "we licensed certain intellectual property of Sun Scientific": the registrant ("we") is left out
    assert _roles(deal) == [("Sun Scientific, Inc.", "licensor")]
    assert _money(deal["upfront"]) == (4_000_000, "USD")  # "an initiation fee of $4.0 million"
    assert deal["milestones"] is None  # a contingent sales threshold is no milestone
    assert deal["royalties"]["mentioned"] is True and deal["royalties"]["rate_low"] is None
    assert "United States and Canada" in deal["territory"]


def test_an_asset_sale_and_a_licence_in_one_note_are_two_events() -> None:
    rec = _record("029.txt")
    sale, licence = _deals(rec)
    assert sale["type"] == "asset_purchase" and licence["type"] == "license"
    assert _roles(sale) == [("Otter Pharmaceuticals, LLC", "buyer")]
    # "$44,021 of which we received a $18,000 at closing": a total and its closing payment
    assert _money(sale["total_value"]) == (44_021, "USD") and _money(sale["upfront"]) == (18_000, "USD")
    assert sale["territory"] is None  # territory belongs to grants
    assert _roles(licence) == [("Otter Pharmaceuticals, LLC", "licensee")]  # "we granted Otter a … license"
    assert licence["exclusive"] is True and licence["territory"] == "worldwide" and licence["upfront"] is None


def test_two_licences_to_two_partners_keep_their_own_money() -> None:
    bracco, elis = _deals(_record("041.txt"))
    assert _roles(bracco) == [("Bracco SpA", "licensee")]
    assert _money(bracco["upfront"]) == (750_000, "EUR") and _money(bracco["milestones"]) == (4_750_000, "EUR")
    assert bracco["territory"] == "Italy"
    assert _roles(elis) == [("Elis Pharmaceuticals Ltd.", "licensee")]
    assert elis["upfront"] is None and _money(elis["milestones"]) == (2_100_000, "USD")
    assert "Saudi Arabia" in elis["territory"]


@pytest.mark.parametrize(
    ("name", "roles", "exclusive"),
    [
        ("030.txt", [("BHPC Marketing, Inc.", "licensor"), ("I. C. Xxxxxx & Co., L.P.", "licensee")], True),
        ("048.txt", [("DSL Entertainment Group, Inc.", "licensor"), ("Eurolink", "licensee")], None),
        (
            "034.txt",
            [("ExxonMobil Research and Engineering Company", "licensee"), ("FuelCell Energy, Inc.", "licensor")],
            False,
        ),
    ],
)
def test_a_contract_names_its_parties_and_their_roles(name: str, roles: list, exclusive: bool | None) -> None:
    rec = _record(name)
    assert rec["document_kind"] == "agreement"
    (deal,) = _deals(rec)
    assert deal["type"] == "license"
    assert sorted(_roles(deal)) == sorted(roles)
    assert deal["exclusive"] is exclusive


def test_a_one_time_payment_for_the_grant_is_the_upfront() -> None:
    (deal,) = _deals(_record("034.txt"))  # "a one-time ten-million United States dollars ($10,000,000 USD) payment"
    assert _money(deal["upfront"]) == (10_000_000, "USD") and deal["territory"] == "worldwide"


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("007.txt", {"milestone", "amendment"}),  # a note recounting a 2011 licence, its amendment, milestones paid
        ("017.txt", {"amendment"}),  # an 8-K amending 2015 licences
        ("033.txt", {"milestone"}),  # a milestone earned under an old option agreement
    ],
)
def test_what_is_no_new_deal_is_a_deal_update(name: str, kinds: set[str]) -> None:
    rec = _record(name)
    assert _deals(rec) == []
    updates = [e for e in rec["events"] if e["type"] == "deal_update"]
    assert {u["kind"] for u in updates} == kinds
    assert all(u["parties"] for u in updates)


def test_a_risk_factor_and_an_old_deal_announce_nothing() -> None:
    assert _deals(_record("012.txt")) == []
    assert _deals(_record("018.txt"))  # a deal of the note's own year is read ...
    assert _deals(_record("007.txt")) == []  # ... one from eight years before is not


def test_a_10q_note_that_mentions_a_10k_is_no_10k() -> None:
    mention = b"\nSee our Annual Report on Form 10-K for the year ended December 31, 2018.\n"
    raw = (DATA / "007.txt").read_bytes() + mention
    rec = parse_filing(raw, name="note.txt")
    assert rec.form_type is None and rec.document_kind == "financial_note" and rec.ok


def test_entities_resolve_defined_terms_pronouns_and_groups() -> None:
    text = (
        "Alnylam Pharmaceuticals, Inc. (the “Company”) entered into an agreement with F. Hoffmann-La Roche Ltd. "
        "(“Roche Basel”) and Genentech, Inc. (“Genentech,” each of Roche Basel and Genentech, individually and "
        'collectively, “Roche”). We granted Roche rights. Eurolink - or order ("Licensee") signed.'
    )
    ents = entities(text)
    names = [o.name for o in ents.orgs]
    assert names[:3] == ["Alnylam Pharmaceuticals, Inc.", "F. Hoffmann-La Roche Ltd.", "Genentech, Inc."]
    assert ents.orgs[names.index("Eurolink")].label == "licensee"
    roche = [m.org for m in ents.mentions if text[m.start : m.end] == "Roche"]
    assert set(roche) == {1, 2}  # the group term names both companies
    we = [m.org for m in ents.mentions if text[m.start : m.end] == "We"]
    assert we == [0] and REGISTRANT not in we  # "we" is the company defined as "the Company"


def test_entities_bound_a_name_on_runs_of_capitalized_words() -> None:
    # the old name pattern took 38 s on this 48 KB (issue 13); names are now at most 12 words with short gaps
    text = "The Company completed the acquisition of " + "ACME WIDGET " * 4000 + "\n" + " " * 16000 + "Inc."
    orgs = entities(text + "\n\nBeta Widget Holdings, Inc. signed.").orgs
    assert "Beta Widget Holdings, Inc." in [o.name for o in orgs]  # a real name after the run is still found
    assert all(len(o.name.split()) <= 12 for o in orgs)


def test_a_heading_word_on_the_line_above_is_no_part_of_a_name() -> None:
    # a contract page's summary (a new-user test; names invented): "Summary" on its own line became the start
    # of the first party's name
    text = "Development and Licensing Agreement\nSummary\nCorvane Corporation and Halloway, Inc. have agreed."
    assert [o.name for o in entities(text).orgs] == ["Corvane Corporation", "Halloway, Inc."]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("an upfront payment of 500 million yen", 500_000_000, "JPY"),
        ("1.25 billion Japanese Yen", 1_250_000_000, "JPY"),
        ("€10 million ($11.8 million)", 10_000_000, "EUR"),
        ("SEK 100 million", 100_000_000, "SEK"),
        ("£0.3 million", 300_000, "GBP"),
        ("$0.112 billion", 112_000_000, "USD"),
    ],
)
def test_money_in_every_currency_a_deal_uses(text: str, amount: float, currency: str) -> None:
    first = next(money_in(text))
    assert (first.money.amount, first.money.currency) == (amount, currency)


def test_a_file_that_is_no_filing_is_an_error_in_the_cli(tmp_path: Path) -> None:
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
    proc = subprocess.run(
        [sys.executable, "-m", "eightk", "parse", "--jsonl", str(passwd), str(DATA / "004.txt")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "not_a_filing" in proc.stderr and "passwd" in proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["document_kind"] for r in records] == ["text", "financial_note"]
    assert records[0]["registrant"]["name"] is None  # not a registrant made of its first line
    # and a store keeps it out of its filings, in the quarantine with the reason
    db = tmp_path / "store.db"
    args = [sys.executable, "-m", "eightk", "ingest", str(passwd), str(DATA / "004.txt"), "--db", str(db)]
    subprocess.run(args, capture_output=True, text=True, check=False, timeout=120)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM filings").fetchone()[0] == 1
        (reason,) = conn.execute("SELECT reason FROM quarantine").fetchone()
    assert "not_a_filing" in reason


def test_a_fault_in_an_extractor_costs_the_events_not_the_record(monkeypatch: pytest.MonkeyPatch) -> None:
    from eightk import extract

    def broken(filing: object, regions: object) -> list:
        raise IndexError("no such group")

    monkeypatch.setattr(extract, "FAMILIES", (broken,))
    filing = parse_filing((DATA / "004.txt").read_bytes(), name="004.txt")
    assert filing.events == ()
    assert [p.code for p in filing.problems if p.severity == "error"] == ["events_failed"]
    assert "IndexError" in filing.problems[-1].message and filing.document_kind == "financial_note"


PROBES = DATA / "probes"


@pytest.mark.parametrize(
    ("name", "roles", "upfront", "milestones"),
    [
        ("warf-note-2024.txt", [("Wisconsin Alumni Research Foundation", "licensor")], 300_000, 17_500_000),
        # development and regulatory up to $16.0 million plus sales up to $340.0 million: the maxima added
        ("medivir-note-2021.txt", [("Medivir AB", "licensor")], 1_000_000, 356_000_000),
        # "to license … to X, or CJ": the licensee named without 'with'; "CJ agrees to pay CT"
        (
            "athenex-8k-2018.txt",
            [
                ("Chongqing Jingdong Junzhuo Pharmaceutical Co., Ltd.", "licensee"),
                ("Chongqing Taihao Pharmaceutical Co., Ltd.", "licensor"),
            ],
            14_500_000,
            15_000_000,
        ),
        (
            "arqule-8k-2018.txt",
            [("Basilea Pharmaceutica International Limited", "licensee"), ("ArQule, Inc.", "licensor")],
            10_000_000,
            326_000_000,
        ),
        (  # "with Millennium …, a wholly-owned subsidiary of Takeda … ("Takeda") … the Company granted Takeda licenses"
            "takeda-note-2017.txt",
            [("Millennium Pharmaceuticals, Inc.", "licensee"), ("Takeda Pharmaceutical Company Limited", "licensee")],
            100_000_000,
            240_000_000,
        ),
    ],
)
def test_licences_in_texts_outside_the_deal_set(name: str, roles: list, upfront: int, milestones: int) -> None:
    filing = parse_filing((PROBES / name).read_bytes(), name=name)
    _check_spans(filing)
    (deal,) = _deals(filing.to_dict())
    assert sorted(_roles(deal)) == sorted(roles)
    assert _money(deal["upfront"]) == (upfront, "USD") and _money(deal["milestones"]) == (milestones, "USD")


def test_an_asset_sale_note_names_the_buyer_and_the_closing_payment() -> None:
    (deal,) = _deals(_record("probes/cumberland-note-2018.txt"))
    assert deal["type"] == "asset_purchase" and _roles(deal) == [("Cumberland Pharmaceuticals Inc.", "buyer")]
    assert _money(deal["upfront"]) == (20_000_000, "USD")  # "$20.0 million at the closing"


EDGES = Path(__file__).parent / "data" / "edges"


def test_licence_terms_across_line_breaks_and_an_asset_bought() -> None:
    # a licence fee and the milestones after it, across <BR> breaks; what is licensed and for what use
    (deal,) = _deals(parse_filing((EDGES / "10-br-line-breaks-html-2006.htm").read_bytes()).to_dict())
    assert _money(deal["upfront"]) == (5_000_000, "USD") and _money(deal["milestones"]) == (62_000_000, "USD")
    assert deal["subject"] == "SLN-204" and "idiopathic pulmonary fibrosis" in deal["field"]
    assert _roles(deal) == [("Solano Therapeutics, Inc.", "licensor"), ("Vireo Pharma AG", "licensee")]
    # "entered into a purchase and sale agreement with X, a third party, to acquire a portfolio of …":
    # the registrant buys, the seller is not the target, and the target is what is bought
    events = parse_filing((EDGES / "11-dollar-then-nested-inline-div.htm").read_bytes()).to_dict()["events"]
    (acq,) = [e for e in events if e["type"] == "acquisition"]
    assert acq["buyer"] == "Meridian Crest Income Properties, Inc."
    assert "industrial distribution buildings" in acq["target"] and acq["status"] == "agreed"


def test_an_amount_with_its_equivalent_keeps_both() -> None:
    from eightk.extract.deal_terms import read_terms

    text = "Licensee paid an upfront payment of €10 million ($11.8 million) upon signing."
    money, start, end = read_terms([(0, text)]).money["upfront"]
    assert (money.amount, money.currency) == (10_000_000, "EUR")
    assert money.equivalent is not None and (money.equivalent.amount, money.equivalent.currency) == (11_800_000, "USD")
    assert text[start:end] == "€10 million ($11.8 million"


def test_a_region_cuts_its_text_once() -> None:
    # a 16 MB item used to be cut anew for each of its 150,000 sentences (130 CPU-s of events, issue 13)
    from eightk.extract.text import Region

    region = Region(1, 5, 5_000_005, "x" * 5_000_010, "item", "8.01")
    assert region.body is region.body and len(region.body) == 5_000_000


# Passages of the extra deal sets (tests/data/deals/extra*, real SEC texts with hand-written gold; their
# SOURCES.tsv gives each URL): one kind of wording each, read the way the rules now read it.
EXTRA = DATA / "extra" / "texts"
EXTRA2 = DATA / "extra2" / "texts"
EXTRA4 = DATA / "extra4" / "texts"
EXTRA6 = DATA / "extra6" / "texts"
EXTRA7 = DATA / "extra7" / "texts"
EXTRA8 = DATA / "extra8" / "texts"


def _extra(path: Path) -> dict[str, Any]:
    filing = parse_filing(path.read_bytes(), name=path.name)
    _check_spans(filing)
    return filing.to_dict()


@pytest.mark.parametrize(
    ("path", "kind", "roles"),
    [
        # "we entered into and closed on an Asset Purchase Agreement with FSC Laboratories, Inc. (the “Seller”)":
        # the registrant the item calls "we" is a party under the cover's name
        (EXTRA / "006.txt", "asset_purchase",
         [("AYTU BIOSCIENCE, INC.", "buyer"), ("FSC Laboratories, Inc.", "seller")]),
        # "(CRT / Licensor)", "(Licensee / RPT)": labels after a slash
        (EXTRA / "024.txt", "license",
         [("CANCER RESEARCH TECHNOLOGY LIMITED", "licensor"), ("RADIOPHARM THERANOSTICS LIMITED", "licensee")]),
        # three parties, one labelled "(the Licensee”)" with its opening quote lost: the others license
        (EXTRA / "025.txt", "license",
         [("OXFORD UNIVERSITY INNOVATION LIMITED", "licensor"),
          ("OXFORD UNIVERSITY (SUZHOU) SCIENCE & TECHNOLOGY CO., LTD", "licensor"), ("OXSED LIMITED", "licensee")]),
        # "announced the divestiture of Primsol® … to Allegis Holdings, LLC"
        (EXTRA / "030.txt", "asset_purchase",
         [("Aytu BioScience, Inc.", "seller"), ("Allegis Holdings, LLC", "buyer")]),
        # "HC Implants, B.V., the wholly owned subsidiary of Osteotech, Inc. (the "Registrant"), has entered into"
        (EXTRA2 / "043.txt", "license", [("HC Implants, B.V.", "licensor"), ("Matrix Medical BV", "licensee")]),
        # "the Company agreed to acquire Merck's right, title and interest", beside an "asset purchase agreement"
        (EXTRA2 / "018.txt", "asset_purchase",
         [("ANI Pharmaceuticals, Inc.", "buyer"), ("Merck Sharp & Dohme B.V.", "seller")]),
    ],
)  # fmt: skip
def test_parties_and_roles_from_the_wording_of_other_companies_deals(path: Path, kind: str, roles: list) -> None:
    (deal,) = _deals(_extra(path))
    assert deal["type"] == kind
    assert sorted(_roles(deal)) == sorted(roles)


def test_a_6k_item_is_a_heading_and_its_licence_is_read() -> None:
    # a Form 6-K's "Item 1. Settlement and License Agreement" is no 8-K item 1 (5.01): its text is read
    (deal,) = _deals(_extra(EXTRA2 / "036.txt"))
    assert deal["type"] == "license"
    assert ("Forward Pharma A/S", "licensor") in _roles(deal)
    assert deal["upfront"] == {"amount": 1_250_000_000, "currency": "USD", "qualifier": None, "equivalent": None}


def test_a_deal_retold_is_no_new_deal() -> None:
    # a 10-K note for 2012 on a November 2011 licence: before the period its header states
    assert _deals(_extra(EXTRA / "013.txt")) == []
    # "… has sold assets … to C.R. Bard, Inc. As was announced on October 19, 2001, …": a closing
    rec = _extra(EXTRA2 / "007.txt")
    assert _deals(rec) == []
    assert [e["kind"] for e in rec["events"] if e["type"] == "deal_update"] == ["closing"]
    # "The agreement, as amended, gave Saint-Gobain the option …", "If Saint-Gobain exercises the option and
    # enters into the license agreement, …": an option recounted and a condition
    assert _deals(_extra(EXTRA2 / "038.txt")) == []


@pytest.mark.parametrize(
    ("path", "events"),
    [
        # "Sucampo has granted Gloria the rights": an active grant ("has granted" is no passive), and
        # "Harbin Gloria Pharmaceuticals Co., Ltd. (Gloria)" a name's own word as its alias
        (EXTRA6 / "001.txt", [("license", [("Sucampo Pharmaceuticals, Inc.", "licensor"),
                                           ("Harbin Gloria Pharmaceuticals Co., Ltd.", "licensee")])]),
        # '"This global collaboration leverages …"': an executive's quote opens no second deal
        (EXTRA6 / "002.txt", [("license", [("Sucampo Pharmaceuticals, Inc.", "licensor"),
                                           ("Takeda Pharmaceutical Company Limited", "licensee")])]),
        # '(referred to in this Agreement as “WVURC” or “Licensor”)': the term and the label
        (EXTRA4 / "008.txt", [("license", [("West Virginia University Research Corporation", "licensor"),
                                           ("IAS Communications Inc.", "licensee")])]),
        # "Additionally, in a related transaction, the company has purchased the assets of the previous
        # licensee of this technology, AGT": a second deal, dated by the release's "(August 11, 2008)" issuer
        (EXTRA4 / "040.txt", [("license", [("Flight Safety Technologies, Inc.", "licensee"),
                                           ("University of Tennessee Research Foundation", "licensor")]),
                              ("asset_purchase", [("Flight Safety Technologies, Inc.", "buyer"),
                                                  ("Atmospheric Glow Technologies, Inc.", "seller")])]),
        # a title page "DEVELOPMENT AND LICENSE AGREEMENT / between / X (the "Licensor") / and / Y"
        (EXTRA6 / "016.txt", [("license", [("M & P Patent AG", "licensor"),
                                           ("Urigen Pharmaceuticals, Inc.", "licensee")])]),
        # a 10-Q note with no dated header, dated by "the six month periods ended June 30, 2012": the 2006
        # and 2007 sales it tells are old
        (EXTRA4 / "004.txt", []),
        # "On August 28, 2007, Matritech and Inverness … announced" in a release of September 28: told before
        (EXTRA6 / "038.txt", []),
        # "the sale of its shape-sensing technology for medical applications to Intuitive Surgical, Inc."
        (EXTRA7 / "001.txt", [("asset_purchase", [("Luna Innovations Incorporated", "seller"),
                                                  ("Intuitive Surgical, Inc.", "buyer")])]),
        # "an exclusive agreement with … Teson … for the commercialization of Aggrastat": a licence
        (EXTRA7 / "003.txt", [("license", [("Hong Kong Teson Pharma Limited", "licensee")])]),
        # "has executed a marketing and distribution agreement …; MultiCell grants XenoTech a … exclusive right"
        (EXTRA7 / "018.txt", [("license", [("MultiCell Technologies, Inc.", "licensor"),
                                           ("XenoTech, LLC", "licensee")])]),
        # "Nanogen will acquire Spectral’s rapid cardiac immunoassay test business"
        (EXTRA7 / "033.txt", [("asset_purchase", [("Nanogen Inc.", "buyer"),
                                                  ("Spectral Diagnostics Inc.", "seller")])]),
        # "to divest its Genetic Assays & Platforms (GAP) Business Unit to ADSTEC Corporation"
        (EXTRA7 / "034.txt", [("asset_purchase", [("Transgenomic, Inc.", "seller"), ("ADSTEC Corporation", "buyer")])]),
        # a contact's name on the line before the company ("Paul Landers\nQuidel Corp.") is no part of it; a
        # headline's "ANNOUNCES … PARTNERSHIP WITH" is none of the name after it; "In addition to the
        # partnership, the companies have entered into a cross-license agreement": a second deal, same parties
        (EXTRA7 / "037.txt", [(kind, [("Quidel Corp.", "partner"), ("CHURCH & DWIGHT CO., INC.", "partner")])
                              for kind in ("collaboration", "license")]),
        # '… with Graceway Pharmaceuticals, LLCTM\n(“Graceway”)': the term names the company printed before it,
        # though no finder took that form; "In a separate … transaction, Graceway has also purchased from …"
        (EXTRA4 / "027.txt", [("asset_purchase", [("Novavax, Inc.", "seller"),
                                                  ("Graceway Pharmaceuticals, LLC", "buyer")]),
                              ("asset_purchase", [("Graceway Pharmaceuticals, LLC", "buyer"),
                                                  ("Allergan, Inc.", "seller")])]),
        # a title page that labels its parties: "LICENSE AGREEMENT WRANGLER APPAREL CORP. LICENSOR AND CHAMBERS
        # BELT COMPANY LICENSEE"
        (EXTRA6 / "027.txt", [("license", [("WRANGLER APPAREL CORP.", "licensor"),
                                           ("CHAMBERS BELT COMPANY", "licensee")])]),
        # 'Ener1, Inc. hereinafter called “LICENSEE”, … AND EnerDel, Inc. hereinafter called “LICENSOR”'; the
        # recital "WHEREAS, LICENSOR is acquiring certain assets of LICENSEE" tells a sale of its own
        (EXTRA8 / "011.txt", [("license", [("Ener1, Inc.", "licensee"), ("EnerDel, Inc.", "licensor")]),
                              ("asset_purchase", [("EnerDel, Inc.", "buyer"), ("Ener1, Inc.", "seller")])]),
        # "(1) Panoptes Pharma Ges. m. b. H. in Gründung, …, Vienna, Austria,\n\n("LICENSOR")": an Austrian
        # suffix, and a party list's label across blank lines; "(C) LICENSEE has assigned to LICENSOR certain
        # know-how and patent rights … in a separate Assignment Agreement": the sale the licence goes with
        (EXTRA8 / "030.txt", [("license", [("Panoptes Pharma Ges.m.b.H.", "licensor"),
                                           ("4SC Discovery GmbH", "licensee")]),
                              ("asset_purchase", [("4SC Discovery GmbH", "seller"),
                                                  ("Panoptes Pharma Ges.m.b.H.", "buyer")])]),
        # a form's "LICENSEE: THE TOPPS COMPANY, INC." and "… is entered into by NBA Properties, Inc. ("NBAP") …
        # and the licensee listed above ("LICENSEE")"
        (EXTRA8 / "006.txt", [("license", [("NBA Properties Inc.", "licensor"), ("Topps Co. Inc.", "licensee")])]),
        # "RECITALS A. Centocor wishes to have access to GenPharm's … system … and to have an option to obtain an
        # exclusive license": the infinitive's subject is the one that opens the sentence
        (EXTRA8 / "005.txt", [("license", [("CENTOCOR, INC.", "licensee"),
                                           ("GENPHARM INTERNATIONAL, INC.", "licensor")])]),
        # "WHEREAS, Viking is … interested in developing and commercializing products": the licensee
        (EXTRA8 / "010.txt", [("license", [("Metabasis Therapeutics, Inc.", "licensor"),
                                           ("Ligand Pharmaceuticals Incorporated", "licensor"),
                                           ("Viking Therapeutics, Inc.", "licensee")])]),
        # "ITUS Corporation (the Company) and AU Optronics Corporation (AUO) entered into a Settlement Agreement and a
        # Patent Assignment Agreement pursuant to which the Company received … $9,000,000 from AUO"
        (EXTRA8 / "028.txt", [("asset_purchase", [("ITUS Corporation", "seller"),
                                                  ("AU Optronics Corporation", "buyer")])]),
        # "Shire acquires FOSRENOL® patent rights … it has acquired the rights to the global patents for FOSRENOL
        # … from AnorMED Inc. for a consideration of up to $31 million"
        (EXTRA8 / "022.txt", [("asset_purchase", [("Shire Pharmaceuticals Group plc", "buyer"),
                                                  ("AnorMED Inc.", "seller")])]),
        # 'Sinovac Biotech Ltd. ("Sinovac") ("the Company") … announces that it has signed an Avian Flu Vaccine
        # Co-development Agreement with China Centre …': the agreement's subject is the filer
        (EXTRA4 / "045.txt", [("collaboration", [("China Centre of Disease Control", "partner"),
                                                 ("SINOVAC BIOTECH LTD.", "partner")])]),
        # "US Food and Drug Administration has granted Icatibant fast track designation": a regulator's grant
        # is no licence (Kos was its licensor before)
        (EXTRA7 / "009.txt", [("collaboration", [("Kos Life Sciences, Inc.", "partner"),
                                                 ("Jerini US Inc.", "partner")])]),
        # "NEW YORK--(BUSINESS WIRE)--Lescarden Inc. (LCAR:OB) … an agreement with NanoASIA Company Limited of
        # Bangkok, Thailand granting NanoAsia a 10 year exclusive license"; "the licensed distributor" is no grant
        (EXTRA7 / "027.txt", [("license", [("Lescarden Inc.", "licensor"), ("NanoASIA Company Limited", "licensee")])]),
        # "by and among ENER1, INC. and ENER1 BATTERY COMPANY (hereinafter collectively referred to as "ENER1")":
        # the term names both, and both grant the licence
        (EXTRA8 / "016.txt", [("license", [("ENER1, INC.", "licensor"), ("ENER1 BATTERY COMPANY", "licensor"),
                                           ("ITOCHU Corporation", "licensee")])]),
        # "… PMA approval for the Focus Catheters from the U.S. Food and Drug\nAdministration": a slot's name cut at a
        # line break ("Drug") is no party
        (EXTRA7 / "024.txt", [("license", [("Cardiovascular Dynamics, Inc.", "licensor"),
                                           ("Endosonics Corporation", "licensee")])]),
        # "Medovex Corp." and its subsidiary "Medovex, LLC" are two companies (two legal forms), not one
        (EXTRA8 / "038.txt", [("license", [("Medovex Corp.", "licensor"), ("Medovex, LLC", "licensee")])]),
        # '(1) Multicosm Ltd, … (hereinafter called "the Licensor") and (2) CPSI, … (the "Licensee") WHEREAS The
        # Licensor is the sole licensee from the University of Southampton …, and has been granted the rights to
        # sublicense': the label with its article; the one granted is the recital's subject, not the university
        (EXTRA6 / "007.txt", [("license", [("Multicosm Ltd.", "licensor"),
                                           ("Computing Products & Services Inc.", "licensee")])]),
    ],
)  # fmt: skip
def test_deals_of_other_companies_wording(path: Path, events: list) -> None:
    got = [(d["type"], sorted(_roles(d))) for d in _deals(_extra(path))]
    assert got == [(kind, sorted(roles)) for kind, roles in events]


@pytest.mark.parametrize(
    ("path", "field", "amount", "currency"),
    [
        # "a $15 million upfront payment, and agreed to pay a total of up to $520.0 million … milestones, of which
        # $110.0 million, $150.0 million, and $260.0 million …": the cue after the first amount is its own
        (EXTRA7 / "005.txt", "milestones", 520_000_000, "USD"),
        # "up to €4.5 million (approx. $5.5 million) upon the achievement of certain regulatory … milestones"
        (EXTRA6 / "005.txt", "milestones", 4_500_000, "EUR"),
        # "license fees, research funding and milestone payments of up to $107 million": a total; then
        # "development milestone payments of $35 million, and … net sales threshold milestone payments of $55 million"
        (EXTRA4 / "032.txt", "total_value", 107_000_000, "USD"),
        (EXTRA4 / "032.txt", "milestones", 90_000_000, "USD"),
        # "plus up to an additional $80 million … (the "Milestone Payments")" and then "The Milestone Payments are
        # payable as follows: (1) $10 million …": the parts of the amount already stated
        (EXTRA6 / "026.txt", "milestones", 80_000_000, "USD"),
        (EXTRA8 / "022.txt", "total_value", 31_000_000, "USD"),  # "for a consideration of up to $31 million"
        # "MultiCell will receive an initial cash payment of $1.5 million"; "Atrix paid $485,000.00 for the
        # exclusive rights"; an asset sale's "the Company received an aggregate of $9,000,000 from AUO"
        (EXTRA7 / "018.txt", "upfront", 1_500_000, "USD"),
        (EXTRA2 / "002.txt", "upfront", 485_000, "USD"),
        (EXTRA8 / "028.txt", "upfront", 9_000_000, "USD"),
    ],
)  # fmt: skip
def test_money_of_other_companies_deals_in_its_field(path: Path, field: str, amount: float, currency: str) -> None:
    (deal,) = _deals(_extra(path))
    assert _money(deal[field]) == (amount, currency)


def test_a_contracts_recitals_tell_who_licenses() -> None:
    # "WHEREAS, NTI has developed software and patented technology …; WHEREAS, Motorola desires to license such
    # software and technology"; the licensor's name runs across a plain-text underline ("NUMERICAL\n--------\n…")
    (deal,) = _deals(_extra(EXTRA4 / "028.txt"))
    assert sorted(_roles(deal)) == [("MOTOROLA, INC.", "licensee"), ("NUMERICAL TECHNOLOGIES, INC.", "licensor")]


def test_a_party_list_names_companies_not_titles_or_places() -> None:
    # "Represented by Mr. Michel GRECO, its DIRECTEUR GENERAL, (hereinafter referred to as "LICENSOR")": a title
    # is no party; "Patent and Know-How License Agreement - Pasteur Merieux Serums & Vaccins and DrugAbuse
    # Sciences Inc." is two names when the second is printed on its own too
    names = [o.name for o in entities((EXTRA8 / "002.txt").read_text(encoding="utf-8")).orgs]
    assert "DIRECTEUR GENERAL" not in names and "Chief Executive Officer" not in names
    assert "Pasteur Merieux Serums & Vaccins" in names and "DrugAbuse Sciences Inc." in names
    # "(1)Panoptes Pharma Ges. m. b. H. in Gründung, …, 1050 Vienna, Austria,\n\n("LICENSOR")": no "Austria"
    orgs = entities((EXTRA8 / "030.txt").read_text(encoding="utf-8")).orgs
    assert [o.name for o in orgs] == ["Panoptes Pharma Ges.m.b.H.", "4SC Discovery GmbH"]
    assert [o.label for o in orgs] == ["licensor", "licensee"]


def test_granting_it_names_the_partner_after_with() -> None:
    # a real release (WuXi Biologics / Arcus Biosciences, 2017), a new-user test's input: "it" is the one
    # the agreement is with, and "with privately held X" still names X as that one
    text = (
        "WuXi Biologics (OTC:WXXWY) and Chinese partner Harbin Gloria Pharmaceuticals Co. "
        "Ltd. ink an agreement with privately held Arcus Biosciences granting it an exclusive license to develop "
        "and commercialize PD-1 inhibitor GLS-010 in North America, Europe, Japan and certain other territories.\n"
        "Under the terms of the deal, Arcus will pay $18.5M upfront, up to $422.5M in development and regulatory "
        "milestones and tiered high-single-digit to low-double-digit royalties on net sales. Under an existing "
        "agreement, WuXi and Gloria could receive commercial milestones up to $375M.\n"
    )
    (deal,) = _deals(parse_filing(text.encode(), name="wuxi-arcus.txt").to_dict())
    roles = dict(_roles(deal))
    assert roles == {
        "Arcus": "licensee",
        "WuXi Biologics": "licensor",
        "Harbin Gloria Pharmaceuticals Co. Ltd.": "licensor",
    }
    # "Under an existing agreement, … could receive commercial milestones up to $375M": another agreement's
    assert _money(deal["milestones"]) == (422_500_000, "USD")


def test_a_release_on_its_own_is_dated_by_its_dateline() -> None:
    # "SAN DIEGO, Calif., March 16, 2006 — Quidel Corporation …": with no cover, the dateline's date is the
    # date of report (search lists and filters bare releases by it), with its span
    filing = parse_filing((EXTRA7 / "037.txt").read_bytes(), name="037.txt")
    assert filing.document_kind == "press_release"
    assert filing.date_of_report == dt.date(2006, 3, 16)
    (source,) = [p for p in filing.provenance if p.field == "date_of_report"]
    assert source.span is not None and source.span.quote == "March 16, 2006"


def test_an_option_is_no_deal_and_its_reach_no_territory() -> None:
    # a real report (Abbisko Therapeutics / Merck, 2023), a new-user test's input: "Merck has the option to
    # co-develop" opened a collaboration, and the option's "global commercial rights" became the licence's
    # territory ("worldwide")
    text = (
        "Abbisko Therapeutics has entered into a licensing agreement with Merck. Under the agreement, Merck will be "
        "granted an exclusive license to commercialize products comprising or containing pimicotinib for all "
        "indications in Chinese mainland, Hong Kong, Macau and Taiwan. Abbisko Therapeutics has also granted Merck "
        "an exclusive option for global commercial rights of pimicotinib. Also, Merck has the option to co-develop "
        "pimicotinib in additional indications under certain conditions. In the event that Merck exercises the "
        "Global Commercialization Option, Merck will pay Abbisko an additional option exercise fee.\n"
    )
    (deal,) = _deals(parse_filing(text.encode(), name="abbisko.txt").to_dict())
    assert deal["type"] == "license" and deal["territory"] == "Chinese mainland, Hong Kong, Macau and Taiwan"


def test_a_territory_listed_as_places_of_greater_china() -> None:
    # "Exclusive Marketing Rights For People's Republic of China, Taiwan, Macao And Hong Kong" (a real release,
    # tests/data/deals/extra7/023): the list is the territory, "Macao" spelled so
    (deal,) = _deals(_record(str(EXTRA7 / "023.txt")))
    assert deal["territory"] == "the People's Republic of China, Taiwan, Macao and Hong Kong"


def test_an_amount_that_holds_an_upfront_named_without_its_own_amount_is_a_total() -> None:
    # a news copy of a 2021 licence release (a new-user test; names invented): the milestones "including an
    # upfront and equity payment" are the deal's total, not its milestones
    text = (
        "Corvane Inc. and Halloway Therapeutics AB announced a new research development and licensing agreement. "
        "Under the terms of the agreement, Corvane is entitled to gain exclusive global rights for further "
        "development and commercialization of Halloway's programme. Halloway is eligible to receive up to EUR 149 "
        "million in potential preclinical, clinical and regulatory milestones, including an upfront and equity "
        "payment from Corvane upon signing of the agreement.\n"
    )
    (deal,) = _deals(parse_filing(text.encode(), name="licence.txt").to_dict())
    assert _money(deal["total_value"]) == (149_000_000, "EUR") and deal["milestones"] is None


def test_global_work_is_no_territory_of_the_licence() -> None:
    # a news copy of a 2016 licence release (a new-user test; names invented): "may contribute to global
    # development" gave the licence the territory "worldwide"
    text = (
        "Corvane S.A. enters into an exclusive license, development and commercialization agreement with Halloway "
        "Pharmaceutical (OTC:HLWYF) for its cancer candidate CV-1183. Under the terms of the deal, Halloway will "
        "pay €30M upfront, up to €100M in milestones and tiered double-digit royalties. Halloway also has the "
        "rights to conduct clinical trials for additional indications and may contribute to global development.\n"
    )
    (deal,) = _deals(parse_filing(text.encode(), name="licence.txt").to_dict())
    assert deal["territory"] is None and _money(deal["upfront"]) == (30_000_000, "EUR")


def test_rights_after_the_term_and_exclusive_talks_are_no_exclusivity() -> None:
    # an 8-K paragraph quoted on a forum (2017, a new-user test; names invented): the rights kept after the
    # royalty term are non-exclusive, the licence's exclusivity is not told
    text = (
        "In consideration of the license and other rights granted by the Company, Halloway has agreed to pay the "
        "Company a $0.5 million license issue fee, with additional payments totaling up to approximately $87.0 "
        "million to be made upon the achievement of certain sales and regulatory milestones. Following expiration "
        "of the Royalty Term, Halloway will continue to maintain non-exclusive rights to commercialize the Product.\n"
    )
    (deal,) = _deals(parse_filing(text.encode(), name="licence.txt").to_dict())
    assert deal["exclusive"] is None and _money(deal["upfront"]) == (500_000, "USD")


def test_a_buyer_that_will_pay_an_amount_for_the_business_pays_the_price() -> None:
    # a news copy of a 2005 divestiture (a new-user test; names invented): the price was taken from a sale told
    # later of another business, to another buyer ("for $82.5 million"), not from "will pay 100 million euros
    # in cash for the business"
    text = (
        "Corvane Corp. (CRV) on Monday said it agreed to sell its European apparel division to an affiliate of "
        "private investment firm Halloway Partners Inc.\n\n"
        "The Halloway affiliate will pay 100 million euros in cash for the business, plus possible extra amounts "
        "based on its future performance, Corvane said.\n"
    )
    deal = next(
        d for d in _deals(parse_filing(text.encode(), name="sale.txt").to_dict()) if d["type"] == "asset_purchase"
    )
    assert _money(deal["upfront"]) == (100_000_000, "EUR")
