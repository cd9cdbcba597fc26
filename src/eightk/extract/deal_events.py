"""A drafted deal as the record it becomes: parties with roles and the span each was read from, money,
exclusivity, territory, royalties, what is licensed and the field, other terms; and a second telling of
the same deal filling the first's gaps.
"""

from __future__ import annotations

import dataclasses

from eightk.extract.deal_cues import _FIELD, _GRANTISH, _RIGHTS_TO, _SUBJECT, _TREATMENT
from eightk.extract.deal_parties import _Deal, _party_roles
from eightk.extract.deal_terms import Terms, milestones_total
from eightk.extract.entities import REGISTRANT
from eightk.extract.terms import other_terms
from eightk.extract.text import span, squash
from eightk.model import Deal, FieldSource, MilestonesSplit, Money, Party, Royalties, Span
from eightk.parse.registrant import norm_name

_MAX_TERMS = 8  # other terms quoted per deal


def _event(d: _Deal) -> Deal:
    region, ents = d.region, d.ents
    values: list[FieldSource] = []
    evidence = [d.anchor]

    def at(a: int, b: int) -> Span:
        sp = span(region, a, b)
        if not any(e.start <= sp.start and sp.end <= e.end for e in evidence):
            evidence.append(sp)
        return sp

    role_of = _party_roles(d)
    parties: list[Party] = []
    for i in dict.fromkeys([*d.parties, *role_of]):
        if i == REGISTRANT:  # "we": the filer, named when the filing names it (cover or header)
            said = next((m for m in ents.mentions if m.org == REGISTRANT and m.start >= d.at), None)
            if d.registrant and said is not None:
                parties.append(Party(d.registrant, role_of.get(i, "partner"), None))
                values.append(FieldSource(f"parties.{d.registrant}", "text", at(said.start, said.end)))
            continue
        org = ents.orgs[i]
        parties.append(Party(org.name, role_of.get(i, "partner"), org.ticker))
        values.append(FieldSource(f"parties.{org.name}", "text", at(org.start, org.end)))
    t = d.terms
    money: dict[str, Money | None] = {}
    for name, (m, a, b) in t.money.items():
        money[name] = m
        values.append(FieldSource(name, "text", at(a, b)))
    if ms := milestones_total(t.milestone_parts):
        money["milestones"] = ms[0]
        values.append(FieldSource("milestones", "text", at(ms[1], ms[2])))
    split = _split(t, values, at)
    exclusive = t.exclusive[0] if t.exclusive else None
    if t.exclusive and exclusive is not None:
        values.append(FieldSource("exclusive", "text", at(t.exclusive[1], t.exclusive[2])))
    territory = t.territory[0] if t.territory and d.kind != "asset_purchase" else None
    if t.territory and territory:
        values.append(FieldSource("territory", "text", at(t.territory[1], t.territory[2])))
    royalties = None
    if t.royalties:
        royalties = Royalties(True, t.royalties[1], t.royalties[2])
        values.append(FieldSource("royalties", "text", at(t.royalties[3], t.royalties[4])))
    subject, field_, terms = _prose(d, values, at)
    return Deal(
        type=d.kind,
        evidence=tuple(evidence),
        values=tuple(values),
        parties=tuple(parties),
        exclusive=exclusive,
        territory=territory,
        subject=subject,
        field=field_,
        upfront=money.get("upfront"),
        milestones=money.get("milestones"),
        royalties=royalties,
        equity=money.get("equity"),
        milestones_split=split,
        total_value=money.get("total_value"),
        other_terms=tuple(terms),
    )


def _split(t: Terms, values: list[FieldSource], at) -> MilestonesSplit | None:  # type: ignore[no-untyped-def]
    parts: dict[str, Money] = {}
    for kind, money, a, b in t.milestone_parts:
        if kind and kind != "aggregate" and kind not in parts:
            parts[kind] = money
            values.append(FieldSource(f"milestones_split.{kind}", "text", at(a, b)))
    return MilestonesSplit(**parts) if parts else None  # type: ignore[arg-type]


def _prose(d: _Deal, values: list[FieldSource], at) -> tuple[str | None, str | None, list[str]]:  # type: ignore[no-untyped-def]
    """Subject (what is licensed), field of use, and other terms quoted as the text states them."""
    subject = field_ = None
    terms: list[str] = []
    for offset, sent in d.sents:
        if subject is None and (m := _SUBJECT.search(sent)):
            g = "s" if m.group("s") else "c"
            subject = squash(m.group(g))
            values.append(FieldSource("subject", "text", at(offset + m.start(g), offset + m.end(g))))
        elif subject is None and (m := _RIGHTS_TO.search(sent)):
            subject = squash(m.group("s"))
            values.append(FieldSource("subject", "text", at(offset + m.start("s"), offset + m.end("s"))))
        if field_ is None and _GRANTISH.search(sent) and (m := _FIELD.search(sent) or _TREATMENT.search(sent)):
            field_ = squash(m.group("f"))
            values.append(FieldSource("field", "text", at(offset + m.start("f"), offset + m.end("f"))))
        for _kind, text, a, b in other_terms(sent):
            if text not in terms and len(terms) < _MAX_TERMS:
                terms.append(text)
                values.append(FieldSource("other_terms", "text", at(offset + a, offset + b)))
    return subject, field_, terms


def _same_sides(a: set[str], b: set[str]) -> bool:
    """Two tellings of one deal: they share a party and neither names a party the other lacks (a deal with
    the same buyer and another seller is another deal)."""
    return bool(a & b) and (a <= b or b <= a)


def _names(d: _Deal) -> set[str]:
    return {norm_name(d.ents.orgs[i].name) for i in d.parties if i != REGISTRANT}


def _fill(ev: Deal, other: Deal) -> Deal:
    """``ev`` with what another telling of the same deal adds: empty fields, roles, tickers, terms and
    evidence, each value with the span it was read from in that telling."""
    changes: dict[str, object] = {}
    have = {v.field.split(".")[0] for v in ev.values}
    extra_values = []
    for name in ("territory", "subject", "field", "upfront", "milestones", "royalties", "equity",
                 "milestones_split", "total_value"):  # fmt: skip
        if getattr(ev, name) is None and getattr(other, name) is not None:
            changes[name] = getattr(other, name)
            extra_values += [v for v in other.values if v.field.split(".")[0] == name and name not in have]
    parties = list(ev.parties)
    for i, p in enumerate(parties):
        twin = next((o for o in other.parties if norm_name(o.name) == norm_name(p.name)), None)
        if twin and (p.ticker is None and twin.ticker is not None or p.role == "partner" and twin.role != "partner"):
            parties[i] = Party(p.name, p.role if p.role != "partner" else twin.role, p.ticker or twin.ticker)
    have_names = {norm_name(p.name) for p in parties}
    for o in other.parties:  # a party the first telling did not name ("… Agreement" in a headline, then "with X")
        if norm_name(o.name) not in have_names:
            parties.append(o)
            have_names.add(norm_name(o.name))
            extra_values += [v for v in other.values if v.field == f"parties.{o.name}"]
    changes["parties"] = tuple(parties)
    terms = list(ev.other_terms)
    for t, v in zip(other.other_terms, [v for v in other.values if v.field == "other_terms"], strict=False):
        if t not in terms and len(terms) < _MAX_TERMS:
            terms.append(t)
            extra_values.append(v)
    changes["other_terms"] = tuple(terms)
    evidence = list(ev.evidence) + [e for e in other.evidence if e not in ev.evidence]
    return dataclasses.replace(ev, evidence=tuple(evidence), values=ev.values + tuple(extra_values), **changes)  # type: ignore[arg-type]
