"""Deal wording kinds met in the tenth batch of real deal passages (tests/data/deals/extra10): each test
copies the sentences of one real filing (its source in the comment) and checks the one kind of wording a
rule reads: a price per share is no deal amount, ..."""

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
