"""Deal wording kinds met in the tenth batch of real deal passages (tests/data/deals/extra10): each test
copies the sentences of one real filing (its source in the comment) and checks the one kind of wording a
rule reads: a price per share is no deal amount, a non-binding letter of interest is no deal, the place
defined as "the Territory" is the territory, a label a term shares names both parties, a
passive "is obtained" gives no rights, "August, 2001" is a date, an
exclusive partner is no exclusive grant, buying all ownership rights is an asset purchase, "announcing
that the Company had entered" is no recount, a subaward is no collaboration, a title page's
label under a name gives its role, a global market or a party's seat is no territory, royalties
sold are no royalty term, a definitive agreement still to be executed is no deal, the value of
shares issued is no money paid, "are also parties to" recounts an agreement."""

from __future__ import annotations

from typing import Any

from eightk import parse_filing

DEAL_TYPES = ("license", "collaboration", "asset_purchase")


def _deals(text: str, name: str = "passage.txt") -> list[dict[str, Any]]:
    record = parse_filing(text.encode(), name=name).to_dict()
    return [e for e in record["events"] if e["type"] in DEAL_TYPES]


def test_a_price_per_share_is_no_equity_investment() -> None:
    # a 10-K note (CIK 1626644, fiscal year to July 31, 2021) on an asset purchase paid in shares: "$1.18 per
    # share" was read as an equity investment of $1.18
    text = (
        "On January 7, 2021, we entered into an Asset Purchase Agreement (the \u201cAPA\u201d) with Prevacus, Inc. "
        "(\u201cPrevacus\u201d), pursuant to which we purchased the assets and all of the rights, interests and "
        "intellectual property in a certain drug program (PRV-002) for treating mild brain trauma (concussion) and "
        "the delivery device in exchange for (i) 7,000,000 shares of our common stock plus (ii) the Milestone "
        "Consideration.\nOn March 1, 2021 (the \u201cClosing Date\u201d), our APA with Prevacus closed and we "
        "issued 6,000,000 shares of our common stock valued at the fair market value of $1.18 per share for the "
        "stock granted on the date of acquisition for $7,080,000. In addition, 1,000,000 shares of our common "
        "stock valued at $1.18 per share for $1,180,000 was recorded as a component of Additional Paid in Capital "
        "for the probability of earning the Milestone Consideration of first dosing in a Phase I Clinical Trial.\n"
    )
    (deal,) = _deals(text)
    assert deal["type"] == "asset_purchase"
    assert deal["equity"] is None


def test_a_non_binding_letter_of_interest_is_no_deal() -> None:
    # an EX-99.1 press release (Maxco, Inc., 8-K of August 2006): a preliminary, non-binding letter of interest to
    # buy a subsidiary's assets became an asset purchase
    text = (
        "Exhibit 99.1\nMaxco, Inc. Announces Receipt of a Preliminary, Non-Binding Letter of Interest to Acquire "
        "Substantially All the Assets of its Wholly Owned Subsidiary, Atmosphere Annealing, Inc.\n"
        "GRAND LEDGE, Mich., Aug. 16 /PRNewswire-FirstCall/ -- Maxco, Inc. (Nasdaq: MAXC) announced that it has "
        "received a preliminary, non-binding letter of interest to acquire substantially all the assets of its "
        'wholly owned subsidiary, Atmosphere Annealing, Inc. ("AAI") for cash.\nUnder the preliminary proposal, '
        "the purchaser would agree to purchase substantially all of the operating assets of AAI other than cash "
        "and specifically agreed upon items. The transaction is subject to comprehensive due diligence.\n"
        "Completion of the transaction is subject to various conditions, including completion of a full "
        "investigation by the potential purchaser, negotiation and entry into a definitive purchase agreement, "
        'required approvals including Board and Shareholder approval by Maxco, Inc. ("Maxco"), and possibly '
        "obtaining consents from regulatory authorities.\n"
    )
    assert _deals(text) == []


def test_the_place_defined_as_the_territory_is_the_territory() -> None:
    # a 10-K subsequent-events note (CIK 1586105, fiscal 2014): the territory was the United States of an
    # approval named before, not the 'worldwide (the "Territory")' the licence defines
    text = (
        'In January 2015, the Company entered into a Collaboration and License Agreement, (the "License '
        'Agreement") with Acura Pharmaceuticals, Inc., a New York corporation ("Acura") to commercialize '
        "OXAYDO\u2122 (oxycodone hydrochloride) tablets containing Acura's Aversion\u00ae Technology. OXAYDO "
        "(formerly known as "
        "Oxecta\u00ae) is currently approved by the FDA for marketing in the United States in 5 and 7.5 mg strengths. "
        "Under the terms of the License Agreement, Acura transferred the approved NDA for OXAYDO to the Company and "
        "the Company was granted an exclusive license under Acura's intellectual property rights for development "
        'and commercialization of OXAYDO worldwide (the "Territory") in all strengths.\n'
    )
    (deal,) = _deals(text)
    assert deal["territory"] == "worldwide"


def test_the_republic_of_korea_is_a_place() -> None:
    # a 6-K (Galmed Pharmaceuticals, July 2016): 'in the Republic of Korea (the "Territory")' gave no territory
    text = (
        'On July 28, 2016, Galmed Pharmaceuticals Ltd. (the "Company") issued a press release announcing it had '
        'entered into a license agreement (the "Agreement") with Samil Pharma. Co., Ltd. ("Samil"), for the '
        "commercialization of AramcholTM (with the option to manufacture) in the Republic of Korea (the "
        '"Territory").\nUnder the terms of the Agreement, the Company grants Samil an exclusive licence (the '
        '"License") for fatty liver indications including nonalcoholic Steatohepatitis, or NASH (the "Field of '
        'Use") in the Territory to the Licensed Information and the Patents.\n'
    )
    (deal,) = _deals(text)
    assert "Republic of Korea" in (deal["territory"] or "")


def test_a_term_shared_with_the_licensee_labels_both_and_a_consent_obtained_is_no_grant() -> None:
    # a note of a six-month report (CIK 1498403, June 30, 2023): Gloria, defined "together with HST, ... the
    # “Licensee”", was a partner; the Israeli Innovation Authority, whose consent "is obtained", became a licensee
    text = (
        "On August 27, 2023, the Company entered into a license agreement (the \u201cLicense Agreement\u201d) with "
        "Hong Seng Technology Limited (\u201cHST\u201d) and Guangzhou Gloria Biosciences Co., Ltd. (\u201cGloria\u201d "
        "and together with HST, the \u201cPurchaser Parties\u201d or the \u201cLicensee\u201d), pursuant to which the "
        "Company granted HST an exclusive, royalty-bearing, sublicensable license to develop and commercialize "
        "motixafortide in Asia (other than Israel and certain other countries) (collectively, the "
        "\u201cTerritory\u201d) and to engage and authorize Gloria to perform services under the License Agreement "
        "in the Territory. Effectiveness of the License Agreement is conditioned, among other things, upon "
        "obtaining the consent of the Israeli Innovation Authority (the \u201cIIA\u201d) within four months from the "
        "execution of the License Agreement.\nPursuant to the terms of the License Agreement, the Licensee is "
        "required to deposit a $15 million upfront payment in escrow within seven days after execution of the "
        "License Agreement, which will be released from escrow and transferred to the Company on the date that "
        "consent of the License Agreement is provided by the IIA, so long as that consent is obtained within four "
        "months from the execution of the License Agreement.\n"
    )
    (deal,) = _deals(text)
    roles = {p["name"]: p["role"] for p in deal["parties"]}
    assert roles == {
        "Hong Seng Technology Limited": "licensee",
        "Guangzhou Gloria Biosciences Co., Ltd.": "licensee",
    }


def test_a_date_with_a_comma_after_its_month_dates_a_recounted_licence() -> None:
    # an EX-99.8 press release (Naturol Holdings, January 2003) recounting a licence "on the 20th day of August,
    # 2001": "August, 2001" was no date, and the old licence became a deal of 2003
    text = (
        "FOR IMMEDIATE RELEASE\nJanuary 13th 2003. (OTC:BB-NTUH) Naturol, Inc., a wholly owned subsidiary of "
        'Naturol Holdings Ltd., (Naturol) entered into a License Agreement ("the Agreement") with MGA Holdings '
        "(MGA) on the 20th day of August, 2001 granting Naturol the exclusive North American rights under certain "
        "patents held by MGA in a process for the extraction of oils from natural plants and other materials. "
        "Under the terms of the Agreement, Naturol was obligated to fund and advance the commercial development of "
        "the technology, which included the annual payment of a $360,000 license fee payable quarterly, in "
        "addition to royalty payments.\n"
    )
    assert _deals(text) == []


def test_an_exclusive_partner_and_rights_that_vest_exclusively_are_no_exclusive_grant() -> None:
    # an 8-K Item 1.01 (Turbine Truck Engines, April 2010): "exclusive development partner" made the
    # cooperative agreement an exclusive grant
    partner = (
        "Item 1.01 Entry Into a Material Definitive Agreement\n\nThe Company entered into a Cooperative Agreement "
        "(the \u201cAgreement\u201d) dated April 27, 2010 with Beijing Royal Aerospace Facilities Co, Ltd., a PRC "
        "corporation (\u201cBeijing Royal\u201d), for the purpose of providing a framework for the collaboration "
        "between the two companies on the development and commercialization of the Detonation Cycle Gas Turbine "
        "Engine (\u201cDCGT\u201d) specifically for application to heavy duty trucks, with Beijing Royal to be the "
        "Company\u2019s exclusive development partner.\n"
    )
    # a 10-K note (CIK 1446159, fiscal 2023): rights to project results "vest exclusively in CRH"
    vest = (
        "On March 16, 2023, the Company entered into a Collaboration Agreement (the \u201cCRH Agreement\u201d) with "
        "Cancer Research Horizons (\u201cCRH\u201d), pursuant to which the Company will use its PEDAL technology to "
        "evaluate CRH pre-clinical drug inhibitors of Glutaminase. Under the CRH Agreement, both parties will "
        "retain rights to their respective background intellectual property. Rights to reports, findings, "
        "supporting data, and materials that are generated by the Company pursuant to its performance under the "
        "CRH Agreement vest exclusively in CRH.\n"
    )
    for text in (partner, vest):
        (deal,) = _deals(text)
        assert deal["type"] == "collaboration" and deal["exclusive"] is None


def test_a_purchase_of_all_ownership_rights_is_an_asset_purchase_not_the_earlier_licence() -> None:
    # an EX-99.1 press release (Valcent Products, June 2009): buying the technology "previously part of the
    # master license agreement" was read as a licence
    text = (
        "EXHIBIT 99.1\nNEWS\nRELEASE\nJune 4, 2009 - Valcent Products Inc. (the \u201cCompany\u201d, or "
        "\u201cValcent\u201d) announces that it has executed a conditional purchase agreement to acquire all "
        "ownership rights and intellectual property relating to its VertiCrop\u2122 vertical plant growing technology "
        "and Tomorrow Garden\u2122 plant kit technology, all previously part of the master license agreement with "
        "Pagic LP, a company controlled by Glen Kertz, the Company\u2019s past President.\n"
    )
    (deal,) = _deals(text)
    assert deal["type"] == "asset_purchase"


def test_a_release_announcing_that_the_company_had_entered_into_a_licence_tells_a_deal() -> None:
    # an 8-K old Item 5 (Aronex Pharmaceuticals, December 2000): "a press release announcing that the Company
    # had entered into a license agreement" was read as an agreement recounted ("had entered")
    text = (
        'ITEM 5. OTHER EVENTS\n\n         On December 18, 2000, Aronex Pharmaceuticals, Inc. (the "Company")\n'
        "publicly disseminated a press release announcing that the Company had entered\ninto a license agreement "
        'with Sumitomo Pharmaceuticals Co., Ltd. ("Sumitomo") in\nsettlement of Sumitomo\'s litigation with '
        "Aronex.\n"
    )
    (deal,) = _deals(text)
    assert deal["type"] == "license"
    assert {p["name"] for p in deal["parties"]} >= {"Sumitomo Pharmaceuticals Co., Ltd."}


def test_a_subaward_and_development_agreement_is_no_collaboration() -> None:
    # an 8-K Item 1.01 (Gyrotron Technology, April 2015): a subcontract under a government-funded project was
    # read as a collaboration
    text = (
        "Item 1.01 Entry into a Material Definitive Agreement.\nOn April 30, 2015, Gyrotron Technology, Inc. "
        "(\u201cGTI\u201d) entered into a Subaward and Development Agreement (the \u201cAgreement\u201d) with PPG "
        "Industries, Inc. (\u201c\u201dPPG\u201d). GTI will assist PPG as a subcontractor in a project majority funded "
        "by the Department of Energy (\u201cDOE\u201d) which calls for PPG to demonstrate components of a "
        "fabricate-on-demand vacuum insulating glazing manufacturing process.\n"
    )
    assert _deals(text) == []


def test_a_title_pages_labels_on_their_own_lines_give_the_roles() -> None:
    # an EX-2.1 opening (Clarus Therapeutics / Tolmar, 8-K of October 2022): "SELLERS," and "PURCHASER," under
    # the names left both sides partners
    text = (
        "Exhibit 2.1\n\n \n\nEXECUTION VERSION\n\n \n\nASSET PURCHASE AGREEMENT\n\n \n\nby and between\n\n \n\n"
        "CLARUS THERAPEUTICS HOLDINGS, INC., and CLARUS THERAPEUTICS, INC.,\n\n \n\nSELLERS,\n\n \n\nTolmar, Inc.\n\n "
        "\n\nPURCHASER,\n\n \n\nAND\n\n \n\nTOLMAR HOLDINGS, INC.\n\n \n\nGUARANTOR\n\n \n\nDATED AS OF OCTOBER 25, "
        "2022\n\n \n\nTABLE OF CONTENTS\n\n  Page\nARTICLE 1 DEFINITIONS AND CONSTRUCTION 2\nARTICLE 2 THE "
        "TRANSACTION 17\nSection 2.1 Sale and Purchase of Purchased Assets 17\n"
    )
    (deal,) = _deals(text)
    roles = {p["name"].lower(): p["role"] for p in deal["parties"]}
    assert roles.get("clarus therapeutics holdings, inc.") == "seller"
    assert roles.get("tolmar, inc.") == "buyer"


def test_a_global_market_or_global_regions_are_no_territory() -> None:
    # an EX-99.1 press release (Neptune Technologies / Aker BioMarine, October 2016; tests/data/deals/extra7 029):
    # "the leading innovators in the global krill oil market" became a worldwide licence
    text = (
        "FOR IMMEDIATE RELEASE\nNeptune and Aker BioMarine reach important patent agreement\n"
        "Laval, Qu\u00e9bec, CANADA \u2013 October 3, 2016 \u2013 Neptune Technologies & Bioressources Inc. "
        '("Neptune") and Aker BioMarine ("Aker") are pleased to jointly announce that they have entered into a '
        "broad patent cross-licensing agreement, thus ending all outstanding litigation between both companies.\n"
        '"This joint patent agreement signifies the importance of respecting IP, further strengthening our '
        'position as the leading innovators in the global krill oil market," Matts Johansen, CEO, Aker BioMarine '
        "commented.\n"
    )
    (deal,) = _deals(text)
    assert deal["territory"] is None


def test_where_a_party_is_organised_is_no_territory() -> None:
    # an EX-10 opening (Multicosm Ltd / Computing Products & Services, 1995; tests/data/deals/extra6 007): the
    # licensee's seat "under the laws of the State of Virginia in the United States of America" became the territory
    text = (
        "SOFTWARE LICENSING AGREEMENT\nTHIS AGREEMENT is made the 7th day of Dec. One thousand nine hundred and "
        "ninety five BETWEEN (1) Multicosm Ltd, Town Quay House, 7 Town Quay, Southampton SO14 2PT (hereinafter "
        'called "the Licensor") and (2) CPSI, a company organised and existing under the laws of the State of '
        "Virginia in the United States of America with its registered office at 12701 Fairlakes Circle, Suite 550, "
        'Fairfax, VA 22033 and its principal place of business at same as above (the "Licensee") WHEREAS The '
        "Licensor is the sole licensee from the University of Southampton of intellectual property relating to "
        "articles known as Microcosm, a hypermedia programming system, and has been granted the rights to "
        "sublicense this intellectual property.\n"
    )
    (deal,) = _deals(text)
    assert deal["territory"] is None


def test_royalties_sold_are_the_asset_not_a_royalty_term() -> None:
    # an EX-99.1 press release (Titan Pharmaceuticals / Deerfield Management, November 2011; tests/data/deals/extra6
    # 006): selling "the Company's remaining future royalties" made royalties a term of the sale
    text = (
        "Exhibit 99.1\n\nTITAN PHARMACEUTICALS ENTERS INTO $15 MILLION ROYALTY SALE\n\nAGREEMENT WITH DEERFIELD "
        "MANAGEMENT\n\nSouth San Francisco, CA \u2013 November 15, 2011 \u2013 Titan Pharmaceuticals, Inc. (TTNP.OB) "
        "today announced that it has entered into an agreement with Deerfield Management Company, L.P. and certain "
        "investment funds managed by it (Deerfield) to sell a substantial portion of the Company\u2019s remaining "
        "future royalties on the sales of Fanapt\u00ae (iloperidone), an atypical antipsychotic approved in the U.S. "
        "for the treatment of schizophrenia in adult patients, to Deerfield in exchange for $5 million in cash.\n"
    )
    (deal,) = _deals(text)
    assert deal["type"] == "asset_purchase" and deal["royalties"] is None


def test_a_letter_that_says_a_definitive_agreement_must_still_be_executed_is_no_deal() -> None:
    # a letter of intent filed with an 8-K (Preventia Inc. / Private Trading Systems PLC, June 2012): "a
    # definitive agreement must be prepared and executed" was read as a licence entered into
    text = (
        'Re: System and Intellectual Property License\nWhereas Private Trading Systems PLC ("PTS", a company '
        "incorporated in England and Wales) is the sole owner of a trading system, this letter of intent (this "
        '"LOI") sets out the basic terms of arrangements under which: (i) PTS shall license to Preventia Inc. '
        '("Preventia") the exclusive right to use and otherwise exploit and enforce the System.\nWhile it is '
        "recognized that further discussions and negotiations must occur between the parties hereto and that a "
        "definitive agreement must be prepared and executed in regard to the subject matter hereof, the parties "
        "hereto hereby acknowledge and agree that paragraphs 6, 7 and 8, below, are binding on the parties "
        "regardless of whether any such definitive agreement is prepared and/or executed.\n1. Sub-License- PTS "
        "shall grant a five (5) year, worldwide exclusive license to Preventia to use and otherwise exploit and "
        "enforce the System, on such terms as are mutually agreed between the parties.\n"
    )
    assert _deals(text) == []


def test_the_value_of_shares_issued_is_no_upfront_or_milestone() -> None:
    # the same 10-K note (CIK 1626644): "shares … valued at $1.18 per share for $7,080,000" became the upfront and
    # "… per share for $1,180,000 … for the probability of earning the Milestone Consideration" the milestones
    text = (
        "On January 7, 2021, we entered into an Asset Purchase Agreement (the \u201cAPA\u201d) with Prevacus, Inc. "
        "(\u201cPrevacus\u201d), pursuant to which we purchased the assets and all of the rights, interests and "
        "intellectual property in a certain drug program (PRV-002) in exchange for (i) 7,000,000 shares of our common "
        "stock plus (ii) the Milestone Consideration.\nOn March 1, 2021 (the \u201cClosing Date\u201d), our APA with "
        "Prevacus closed and we issued 6,000,000 shares of our common stock valued at the fair market value of $1.18 "
        "per share for the stock granted on the date of acquisition for $7,080,000. In addition, 1,000,000 shares of "
        "our common stock valued at $1.18 per share for $1,180,000 was recorded as a component of Additional Paid in "
        "Capital for the probability of earning the Milestone Consideration of first dosing in a Phase I Clinical "
        "Trial. In addition, we withheld 1,000,000 shares of our common stock valued at $1.18 per share, for "
        "$1,180,000, in exchange for our payment of certain liabilities of Prevacus.\n"
    )
    (deal,) = _deals(text)
    assert deal["upfront"] is None and deal["milestones"] is None


def test_parties_that_are_also_parties_to_a_licence_recount_it() -> None:
    # an EX-99.1 press release (BioDelivery Sciences International / Accentia, September 2004; tests/data/deals/
    # extra 028): "BDSI and Accentia are also parties to a License Agreement, dated April 12, 2004" was a new licence
    text = (
        "NEWARK, NJ, September 8, 2004 \u2013 BioDelivery Sciences International, Inc. (NASDAQ: BDSI, BDSIW) announced "
        "today that it has entered into a definitive Asset Purchase Agreement with Accentia, Inc. "
        "(\u201cAccentia\u201d) pursuant to which BDSI has sold to Accentia, effective today, an asset consisting of a "
        "royalty revenue stream in consideration of a one-time, irrevocable cash payment of $2,500,000.\nBDSI and "
        "Accentia are also parties to a License Agreement, dated April 12, 2004 (the \u201cLicense Agreement\u201d) "
        "pursuant to which the Company has licensed a topical version of encochleated Amphotericin B to Accentia "
        "(the \u201cLicensed Technology\u201d).\n"
    )
    assert [d["type"] for d in _deals(text)] == ["asset_purchase"]
