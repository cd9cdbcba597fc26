"""Who buys whom, from the direction of the verb, over the entity layer's organizations.

``direction(ents, text, start, end, registrant)`` reads one sentence (``text[start:end]``) and returns
``(buyer, target)``, each ``(name, start, end)`` with offsets into ``text``, or None when no pattern
holds. The patterns, with A the buyer and B the target:

- "A will acquire B", "A acquired B", "A has agreed to acquire B", "A completed its acquisition of B",
  "A announced the closing of the previously announced acquisition of B", "A completes acquisition of B";
- "A's acquisition of B", "the acquisition of B by A", the passive "B was acquired by A";
- "B to merge into A", "B will merge with and into A", "the merger of B with and into A";
- "B will become a wholly owned subsidiary of A", "with B surviving (or continuing as the surviving
  corporation and) a wholly owned subsidiary of A"; a sentence that only names the merger agreement
  takes the direction of the merger told right after it;
- "the sale of its X business to A", "sold our X Division pursuant to a … Agreement with A",
  "transfer to A substantially all of the assets … of its X business" (the business is the target);
- "the sale of [its] B to A", "sold B to A", "divestiture of B to A", "to an affiliate of A".

A and B are organizations of ``entities()``; "the Company", "we" and the registrant's own name are the
registrant (whose name is then given as printed in the filing's record by the caller). A seller is
never the target: in "sold B to A" the seller is the subject, and B is what was sold; a company after
"from" sells; a deal vehicle ("… Acquisition Corp.", "Merger Sub") is never the target.
``business_for_sale`` names a business sold when no buyer is named. ``status`` and ``consideration``
(``acquisition_terms``) are re-exported here.
"""

from __future__ import annotations

import re

from eightk.extract.acquisition_terms import consideration, status
from eightk.extract.entities import REGISTRANT, Entities, Mention
from eightk.parse.registrant import norm_name

__all__ = ["business_for_sale", "consideration", "direction", "status"]

Name = tuple[str, int, int]
# (verb, kind): "bt" buyer before the verb and target after it; "tb" target before and buyer after; "ab"
# both after, the target first and the buyer after the word the pattern ends on ("… of B by A", "… B to A")
_VERBS = [
    # "Merger Sub will merge with and into the Company, with the Company surviving as a wholly owned
    # subsidiary of Parent": the survivor is bought, by the parent
    (
        r"\b(?:surviv(?:ing|es?)\s+(?:the\s+merger\s+)?as|continu(?:ing|es?)\s+as\s+the\s+surviving\s+"
        r"(?:corporation|company|entity)\s+(?:and|as))\s+an?\s+(?:direct\s+or\s+indirect\s+)?(?:wholly[\s-]+owned\s+)?"
        r"subsidiary\s+of\b",
        "tb",
    ),
    # the passive: "B was acquired by A", "B will be purchased by A"
    (r"\b(?:was|were|is|are|be|been|being)\s+(?:acquired|purchased|bought)\s+by\b", "tb"),
    (
        r"\b(?<!was\s)(?<!were\s)(?<!is\s)(?<!are\s)(?<!be\s)(?<!been\s)(?<!being\s)"
        r"(?:(?:has\s+|have\s+)?(?:agreed|agrees)\s+to\s+|will\s+|to\s+|would\s+)?(?:acquire[sd]?|purchase[sd]?|buy|bought)\b"
        # nouns: "a purchase agreement", "an asset purchase, supply and support agreement"
        r"(?!\s+(?:and\s+sale\s+)?agreements?\b|\s+price\b|\s+of\b|\s+and\s+sale\b|"
        r",\s*(?:[\w-]+\s+){0,4}?(?:and\s+)?(?:[\w-]+\s+)?agreements?\b)",
        "bt",
    ),
    (
        r"\b(?:complet(?:ed|es)|consummated|closed|closes|finali[sz](?:ed|es)|(?:closing|completion|consummation)\s+of|"
        r"announced(?:\s+today)?)\s+(?:(?:its|the|their)\s+)?(?:previously\s+announced\s+)?(?:acquisition|purchase)\s+of\b",
        "bt",
    ),
    # "the merger of B with and into A", "merger of B with and into a wholly owned subsidiary of A"
    (r"\bmerger\s+of\b(?=[^;]{0,120}?\binto\b)", "ab:into"),
    (r"['’]s?\s+(?:proposed\s+|pending\s+|planned\s+)?(?:acquisition|purchase)\s+of\b", "bt"),
    (r"\b(?:to|will|would|shall|agreed\s+to)\s+(?:be\s+)?merge[sd]?\s+(?:with\s+and\s+)?into\b", "tb"),
    (
        r"\b(?:will|would|shall|to)\s+(?:become|be)\s+an?\s+(?:direct\s+or\s+indirect\s+)?(?:wholly[\s-]+owned\s+)?"
        r"subsidiary\s+of\b",
        "tb",
    ),
    (r"\b(?:acquisition|purchase)\s+of\b(?=[^;]{0,120}?\bby\b)", "ab:by"),
    (r"\b(?:sale|divestiture|disposition)\s+of\b(?=[^;]{0,120}?\bto\b)", "ab:to"),
    (r"\b(?:sold|divested)\b(?=[^;]{0,120}?\bto\b)", "ab:to"),
    (r"\b(?:agreed|agrees|agreement)\s+to\s+sell\b(?=[^;]{0,120}?\bto\b)", "ab:to"),  # "agreed to sell B to A"
    (r"\b(?:will|would|plans\s+to|is\s+to)\s+sell\b(?=[^;]{0,120}?\bto\b)", "ab:to"),  # "said it would sell B to A"
]
_PATTERNS = [(re.compile(v, re.I), kind) for v, kind in _VERBS]
_NEAR = 90  # characters between a verb and the names it governs
_SELLER = re.compile(r"(?:the\s+)?(?:sellers?|vendors?|sellers?\s+parent)", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whereby)\b|\bto\s+(?:the\s+)?(?=[A-Z])")
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
# what is bought when no company is: "to acquire a portfolio of four industrial distribution buildings located …"
_ASSET = re.compile(
    r"\s+(?P<a>(?:an?|the|all|certain|substantially\s+all)\s+[^,;()]{4,120}?)(?=\s+(?:located|for|from|in\s+exchange|"
    r"pursuant|at\s+a|with\s+an?)\b|[,;(]|\.\s)",
    re.I,
)


# a business sold, named by what it is: "its NAND memory business", "the Company’s payments business"
_BUSINESS_WORDS = (
    r"\s+(?:(?:substantially\s+all\s+(?:of\s+)?|certain\s+(?:of\s+)?)?(?:the\s+)?(?:assets\s+of\s+)?)?(?:its|our|their|the\s+Company['’]s|"
    r"the\s+Registrant['’]s|the)\s+(?P<a>[^,;()]{2,80}?\s+(?:business(?:es|\s+lines?)?|division|unit|segment|operations|subsidiary)"
    r"(?:\s+in\s+(?-i:[A-Z]\w*(?:\s+[A-Z]\w*)?))?)\b"
)
_BUSINESS = re.compile(_BUSINESS_WORDS + r"(?=[^;]{0,60}?\b(?:to|with)\b)", re.I)
_BUSINESS_ANY = re.compile(_BUSINESS_WORDS, re.I)
# the buyer of a business sold "pursuant to a Stock Purchase Agreement with A"
_AGREEMENT_WITH = re.compile(r"\bagreement\s+with\s+(?:the\s+)?$", re.I)
# what is bought when it is a business with no corporate suffix: "all of the assets of Halcyon"
_ASSETS_OF = re.compile(
    r"\s+(?:all|substantially\s+all)\s+(?:of\s+)?(?:the\s+)?(?:assets|businesses|business|operations)\s+of\s+"
    r"(?P<d>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,4})"
)
# a business bought from its owner, named by what it is: "Larkspur’s mortgage servicing business"
_OWNERS_BUSINESS = re.compile(
    r"\s+(?:(?:substantially\s+)?all\s+of\s+)?(?:the\s+)?(?:assets\s+of\s+)?(?:[A-Z][\w&.\-]*,?\s+){0,5}?[A-Z][\w&.\-]*['’]s\s+"
    r"(?P<a>[^,;()]{2,60}?\s+(?:business(?:es|\s+lines?)?|division|unit|segment|operations|product\s+lines?))\b"
)
# a company with no corporate suffix, known by the apposition that describes it: "acquired Halloway, a
# privately held maker of lenses", "the acquisition of Larkspur (“Larkspur”), a leading provider of …"
_DESCRIBED = re.compile(
    r"\s+(?P<n>(?-i:[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|&|of|and)){0,4}))(?:\s*\([^()]{1,40}\))?,\s+an?\s+"
    r"(?:privately[\s-]+held|leading|[\w-]+[\s-]based|provider|developer|manufacturer|maker|designer|distributor|"
    r"supplier|operator|global|independent|family[\s-]owned|venture[\s-]backed)\b",
    re.I,
)
# a deal vehicle is never what is bought: "Acquisition Corp. shall be merged with and into the Company"
_VEHICLE = re.compile(r"\b(?:Acquisition|Merger)\s+(?:Corp|Sub|Co|Inc|LLC)\b|\bMerger\s+Sub\b|^(?:Merger\s+)?Sub$")
_SALE_VERB = re.compile(r"\b(?:agreement|agreed|agrees)\s+to\s+sell\b|\b(?:sold|divested)\b|\bsale\s+of\b", re.I)


def _business_name(sold: re.Match[str]) -> Name:
    """The business a match names: "its Larkspur Optics subsidiary" is Larkspur Optics."""
    tail = re.search(r"\s+subsidiary$", sold.group("a"), re.I)
    end = sold.start("a") + tail.start() if tail else sold.end("a")
    return " ".join(sold.string[sold.start("a") : end].split()), sold.start("a"), end


def business_for_sale(text: str, start: int, end: int) -> Name | None:
    """The business the filer sells when no buyer is named ("signed a definitive agreement to sell our
    coatings operations in Brazil for gross proceeds of …"): the business, or None when the sentence names
    a buyer after "to" or none is named so."""
    for v in _SALE_VERB.finditer(text, start, end):
        sold = _BUSINESS_ANY.match(text, v.end(), end)
        if sold and not re.search(_TO + r"[A-Z]", text[sold.end() : end]):
            return _business_name(sold)
    return None


# "all of Seller’s right, title and interest in Uber Eats India", where "Uber Eats India" is a defined term
_INTEREST_IN = re.compile(
    r"\s+(?:all\s+(?:of\s+)?)?(?:[\w’'.,]+\s+){0,6}?(?:interests?|rights?)\s+in\s+(?:the\s+)?"
    r"(?P<d>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,5})"
)


def _defined_interest(text: str, at: int, end: int) -> Name | None:
    """What is bought, when it is a business the text defined (“Uber Eats India”) rather than a company."""
    m = _INTEREST_IN.match(text, at, end)
    if m is None or f"“{m.group('d')}”" not in text and f'"{m.group("d")}"' not in text:
        return None
    return m.group("d"), m.start("d"), m.end("d")


# the buyer's slot after "to": "to A", "to the A", "to an affiliate of A", "to funds managed by A"
_TO = (
    r"\bto\s+(?:the\s+|an?\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}(?:affiliates?|subsidiar(?:y|ies)|funds?)\s+(?:of|managed\s+by|advised\s+by)\s+)?"
)
_TO_SLOT = re.compile(_TO + r"$", re.I)
# after "to", "by" or "into": "the A", "an affiliate of A", "a wholly owned subsidiary of A"
_OWNER = r"(?:the\s+|an?\s+)?(?:(?:[\w-]+\s+){0,2}(?:affiliates?|subsidiar(?:y|ies))\s+of\s+)?"
# a buyer named in that slot without a corporate suffix: "to an affiliate of Brasher, Tolland & Price."
_SLOT_NAME = re.compile(
    r"\s*" + _TO + r"(?P<n>[A-Z][\w'’-]*(?:(?:,\s+|\s+&\s+|\s+)[A-Z][\w'’-]*){0,5})"
    r"(?=\s*(?:[.;(]|,\s+[a-z]|\s+for\b|$))"
)


def _business_sold(
    ents: Entities, text: str, verb: re.Match[str], end: int, registrant: str | None
) -> tuple[Name, Name] | None:
    """``(buyer, business)`` of "the sale of its NAND memory business to A"; None when no business is
    named so, or a company is named for it ("its card business, Beta LLC, to A": that company is sold).
    A buyer with no corporate suffix is read from its slot ("to an affiliate of Brasher, Tolland & Price")."""
    sold = _BUSINESS.match(text, verb.end(), end)
    if sold is None:
        return None
    mentions = ents.between(verb.end(), end)
    b = next(
        (
            m
            for m in mentions
            if m.start >= sold.end()
            and (_TO_SLOT.search(text, sold.end(), m.start) or _AGREEMENT_WITH.search(text, sold.end(), m.start))
        ),
        None,
    )
    named = any(m.start < (b.start if b else end) and not _is_registrant(ents, m, registrant) for m in mentions)
    business = _business_name(sold)
    if b is None and not named and (slot := _SLOT_NAME.match(text, sold.end(), end)):
        return (slot.group("n"), slot.start("n"), slot.end("n")), business
    buyer = _name(ents, b, registrant, text) if b and not named else None
    return (buyer, business) if buyer else None


# what a buyer named first is sold: "substantially all of the assets and liabilities primarily related to the
# Company's lens business lines"
_ASSETS_OF_BUSINESS = re.compile(
    r"\s+(?:substantially\s+)?all\s+(?:of\s+)?(?:the\s+)?(?:assets|equity|shares)[^.;]{0,80}?\b(?:of|related\s+to|used\s+in)"
    r"(?=\s+(?:its|our|their|the\s+Company['’]s|the\s+Registrant['’]s|the)\s)"
)
# "agreed to transfer to the Buyers substantially all of the assets … of the Company's X business"
_SELL_TO = re.compile(r"\b(?:sell|transfer|assign|convey)\s+to\b", re.I)
# a party defined as a group: "Harrow Inc. … and Harrow B.V. … (together, “Buyers” and each a “Buyer”)"
_GROUP = re.compile(r"\(\s*(?:together|collectively)\b[^()]{0,40}?[“\"](?P<g>[A-Z][\w ]{1,20}?)[”\"]")


def _sold_to_first(
    ents: Entities, text: str, verb: re.Match[str], end: int, registrant: str | None
) -> tuple[Name, Name] | None:
    """``(buyer, business)`` of "transfer to the Buyers substantially all of the assets … of the Company's X
    business": the buyer right after "to", the business after the assets; a buyer that is a group's defined
    term is the group's first member."""
    mentions = [m for m in ents.between(verb.end(), end) if m.start - verb.end() <= 8]
    term = re.compile(r"\s+(?:the\s+)?([A-Z][\w]+)").match(text, verb.end(), end)
    if mentions:
        buyer, after = _name(ents, mentions[0], registrant, text), mentions[0].end
    elif term:  # a defined term the entity layer did not take for an organization: "the Buyers"
        buyer, after = (term.group(1), term.start(1), term.end(1)), term.end()
    else:
        return None
    assets = _ASSETS_OF_BUSINESS.match(text, after, end)
    sold = _BUSINESS_ANY.match(text, assets.end(), end) if assets else None
    if buyer is None or sold is None:
        return None
    first = _group_first(ents, text, buyer)
    if not mentions and first == buyer:
        return None  # a term that names no organization
    return first, _business_name(sold)


def _group_first(ents: Entities, text: str, buyer: Name) -> Name:
    """The first organization defined as part of the group ``buyer`` names ("Buyers"), else ``buyer``."""
    since = 0
    for g in _GROUP.finditer(text):
        if g.group("g").rstrip("s").lower() == buyer[0].rstrip("s").lower():
            window = ents.between(max(since, g.start() - 600), g.start())  # after the group defined before it
            first = next((m for m in window if m.org != REGISTRANT), None)
            if first is not None and ents.orgs[first.org].name != buyer[0]:
                return ents.orgs[first.org].name, first.start, first.end
        since = g.end()
    return buyer


def _is_registrant(ents: Entities, m: Mention, registrant: str | None) -> bool:
    return m.org == REGISTRANT or norm_name(ents.orgs[m.org].name) == norm_name(registrant or "")


def _name(ents: Entities, m: Mention, registrant: str | None, text: str) -> Name | None:
    if m.org == REGISTRANT:
        return (registrant, m.start, m.end) if registrant else None
    name, printed = ents.orgs[m.org].name, " ".join(text[m.start : m.end].split())
    # a defined term that holds the organization's name and more ("Uber Eats India" of "India") is the thing
    return (printed if len(printed) > len(name) and name in printed else name), m.start, m.end


def _object(text: str, ents: Entities, mentions: list[Mention], at: int, end: int) -> Mention | None:
    """The first mention after ``at`` that is bought: not a possessive ("Seller’s interest in B"), not a
    seller by its defined term."""
    for m in mentions:
        if m.start < at or m.start > min(end, at + _NEAR):
            continue
        seller = bool(
            m.org != REGISTRANT and ents.orgs[m.org].label == "seller" or _SELLER.fullmatch(text[m.start : m.end])
        )
        seller = seller or _FROM.search(text, max(at, m.start - 12), m.start) is not None  # "… from B": B sells
        if _CLAUSE.search(text, at, m.start):
            return None  # "will purchase a contract that will transfer to B": B is past the verb's object
        if not seller and not _POSSESSIVE.match(text, m.end) and not _modifier(ents, text, m):
            return m
    return None


# a word after a name that makes the name a modifier: "the European intellectual property" (not "Acme and")
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:and|or|for|in|from|to|at|on|by|with|which|that|as|of|under|through|pursuant|for)\b)[a-z]"
)


def _modifier(ents: Entities, text: str, m: Mention) -> bool:
    """A short form used as an adjective ("the European intellectual property"), not the company itself."""
    if m.org == REGISTRANT or " ".join(text[m.start : m.end].split()) == ents.orgs[m.org].name:
        return False
    return _NOUN_AFTER.match(text, m.end) is not None


def _thing_bought(
    ents: Entities, text: str, v: re.Match[str], b: Mention, end: int, *, registrant: str | None
) -> tuple[Name, Name] | None:
    """``(buyer, what)`` when the verb's buyer ``b`` buys no company: a defined business ("acquired
    all of Seller’s interest in Uber Eats India"), "all of the assets of Halcyon", or after an infinitive
    with no company later, an asset ("to acquire a portfolio of four buildings")."""
    held = _defined_interest(text, v.end(), end)
    if held is None and (assets := _ASSETS_OF.match(text, v.end(), end)):
        held = assets.group("d"), assets.start("d"), assets.end("d")
    if held is None and (owned := _OWNERS_BUSINESS.match(text, v.end(), end)):
        held = _business_name(owned)  # "to purchase Larkspur’s mortgage servicing business"
    if held is None and (described := _DESCRIBED.match(text, v.end(), end)):
        held = described.group("n"), described.start("n"), described.end("n")  # "Halloway, a privately held …"
    buyer = _name(ents, b, registrant, text)
    if held and buyer:
        return buyer, held
    later = any(m.start >= v.end() for m in ents.between(v.end(), end))
    asset = _ASSET.match(text, v.end(), end) if v.group(0).lower().startswith("to ") and not later else None
    if asset and buyer:
        return buyer, (" ".join(asset.group("a").split()), asset.start("a"), asset.end("a"))
    return None


# a sentence that names the merger agreement, whose next sentences say who merges into whom
_MERGER_AGREEMENT = re.compile(r"\bagreement\s+and\s+plan\s+of\s+merger\b|\bmerger\s+agreement\b", re.I)
_MERGER_FOLLOWS = 600  # characters after such a sentence in which the merger is told


def direction(ents: Entities, text: str, start: int, end: int, registrant: str | None) -> tuple[Name, Name] | None:
    """``(buyer, target)`` of the sentence text[start:end] by the patterns above, else None. ``ents`` are the
    entities of all of ``text`` (defined terms reach across sentences); offsets are into ``text``; a
    registrant mention ("the Company", "we") is named ``registrant``. A sentence that names a merger
    agreement and no direction takes the direction of the merger told right after it ("Merger Sub will
    merge with and into the Company, with the Company continuing as … a wholly owned subsidiary of
    Parent")."""
    found = _direction(ents, text, start, end, registrant)
    for v in _SELL_TO.finditer(text, start, end) if found is None else ():
        found = _sold_to_first(ents, text, v, end, registrant)
        if found:
            return found
    if found is None and _MERGER_AGREEMENT.search(text, start, end):
        after = min(len(text), end + _MERGER_FOLLOWS)
        later = _direction(ents, text, end, after, registrant, kinds=("tb",))
        found = (_full(ents, text, later[0]), _full(ents, text, later[1])) if later else None
    return found


def _full(ents: Entities, text: str, name: Name) -> Name:
    """``name`` with the span of its first full printing when the span given is a short form ("Reata")."""
    if " ".join(text[name[1] : name[2]].split()) == name[0]:
        return name
    org = next((o for o in ents.orgs if o.name == name[0]), None)
    return (name[0], org.start, org.end) if org is not None else name


def _direction(
    ents: Entities, text: str, start: int, end: int, registrant: str | None, *, kinds: tuple[str, ...] = ()
) -> tuple[Name, Name] | None:
    mentions = ents.between(start, end)
    for pattern, kind in _PATTERNS:
        if kinds and kind not in kinds:
            continue
        for v in pattern.finditer(text, start, end):
            before = [m for m in mentions if v.start() - _NEAR <= m.end <= v.start() + 1]
            if kind == "bt":
                b, t = (before[-1] if before else None), _object(text, ents, mentions, v.end(), end)
                if (
                    v.group(0).lower().startswith("to ")
                    and b is not None
                    and _WITH.search(text, max(start, b.start - 8), b.start)
                ):
                    # "… entered into an agreement with B, a third party, to acquire X": the subject buys
                    b = next(
                        (
                            m
                            for m in mentions
                            if m.end <= b.start and not _WITH.search(text, max(start, m.start - 8), m.start)
                        ),
                        None,
                    )
                thing = (
                    _thing_bought(ents, text, v, b, end, registrant=registrant) if t is None and b is not None else None
                )
                if thing:
                    return thing
            elif kind == "tb":
                t, b = (before[-1] if before else None), _object(text, ents, mentions, v.end(), end)
            else:
                t = _object(text, ents, mentions, v.end(), end)
                lead = re.compile(rf"(?<!pursuant\s)(?<!according\s)(?<!prior\s)\b{kind[3:]}\s+{_OWNER}$")
                b = next((m for m in mentions if t and m.start > t.end and lead.search(text, t.end, m.start)), None)
            sold = _business_sold(ents, text, v, end, registrant) if kind == "ab:to" else None
            if sold:  # "the sale of its NAND memory business to A": the business is the target
                return sold
            if b is None or t is None or b.org == t.org:
                continue
            buyer, target = _name(ents, b, registrant, text), _name(ents, t, registrant, text)
            if buyer and target and not _VEHICLE.search(target[0]):
                return buyer, target
    return None
