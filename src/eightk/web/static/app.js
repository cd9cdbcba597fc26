// eightk's web page: search, a filing with its values marked in the text, deals, a company's timeline.
// Everything from a filing goes into the page as text nodes (never as HTML), so markup in a filing is
// shown, not run. Views are chosen by the URL's hash: #/search?q=, #/filing/KEY, #/deals, #/company?cik=.
"use strict";

const MONEY_FIELDS = new Set(["upfront", "milestones", "equity", "total_value", "consideration", "revenue", "net_income"]);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await resp.json().catch(() => ({ error: { message: "the server's answer was not JSON" } }));
  if (!resp.ok) {
    const err = new Error((body.error && body.error.message) || resp.statusText);
    err.code = body.error && body.error.code;
    throw err;
  }
  return body;
}

function money(value, currency) {
  if (value === null || value === undefined) return "";
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency || "USD", maximumFractionDigits: 0 }).format(value);
  } catch (e) {
    return `${currency || ""} ${Math.round(value).toLocaleString("en-US")}`.trim();
  }
}

function hashParams() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  return { path: path || "/", params: new URLSearchParams(query || "") };
}

function show(...nodes) {
  const main = document.getElementById("main");
  main.replaceChildren(...nodes);
}

function failure(err) {
  show(el("p", { class: "error", role: "alert", text: err.message || String(err) }));
}

// Snippets mark matched words as [word]; they become <mark> elements holding text.
function snippet(text) {
  const out = el("span", { class: "snippet" });
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.append(text.slice(last, m.index), el("mark", { text: m[1] }));
    last = re.lastIndex;
  }
  out.append(text.slice(last));
  return out;
}

const FILTERS = [
  ["item", "Item", "8.01 or 5"], ["company", "Company", "name contains"], ["event", "Event", "license"],
  ["date_from", "From", "YYYY-MM-DD"], ["date_to", "To", "YYYY-MM-DD"], ["min_amount", "Min amount", "units"],
];

function companyLink(name, cik) {
  if (!name && !cik) return "";
  const q = cik ? `cik=${encodeURIComponent(cik)}` : `name=${encodeURIComponent(name)}`;  // the page's hash route
  return el("a", { href: `#/company?${q}`, text: name || `CIK ${cik}` });
}

function filingLink(key, text) {
  return el("a", { href: `#/filing/${encodeURIComponent(key)}`, text });
}

async function searchView(params) {
  const form = el("form", { class: "search", role: "search" });
  const q = el("input", { name: "q", type: "search", placeholder: 'license, "up-front payment", auditor', value: params.get("q") || "", "aria-label": "search" });
  form.append(q, el("button", { type: "submit", text: "Search" }));
  const more = el("div", { class: "filters" });
  for (const [name, label, hint] of FILTERS) {
    more.append(el("label", {}, label, el("input", { name, placeholder: hint, value: params.get(name) || "" })));
  }
  form.append(more);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) if (input.value.trim()) p.set(input.name, input.value.trim());
    location.hash = `#/search?${p}`;
  });
  const results = el("section", { id: "results" });
  show(form, results);
  if (!params.get("q")) {
    const stats = await api("/api/stats").catch(() => null);
    if (stats) results.append(el("p", { class: "muted", text: `${stats.filings} filings from ${stats.first_date || "?"} to ${stats.last_date || "?"}; ${Object.values(stats.events || {}).reduce((a, b) => a + b, 0)} events.` }));
    return;
  }
  try {
    await searchPage(params, results, null);
  } catch (err) {
    if (err.code !== "search") throw err;
    // A query FTS cannot read (stray punctuation, "up-front"): offer it as a phrase.
    const phrase = `"${params.get("q").replace(/"/g, " ")}"`;
    const p = new URLSearchParams(params);
    p.set("q", phrase);
    results.append(el("p", { class: "error", role: "alert", text: err.message }),
      el("p", {}, "Try ", el("a", { href: `#/search?${p}`, class: "as-phrase", text: phrase }), " as a phrase."));
  }
}

async function searchPage(params, results, cursor) {
  const query = Object.fromEntries(params.entries());
  const page = await api("/api/search", { ...query, limit: 20, cursor });
  if (!cursor && page.hits.length === 0) results.append(el("p", { class: "muted", text: "No filing matches." }));
  const list = el("ol", { class: "hits" });
  for (const h of page.hits) {
    list.append(el("li", { class: "hit" },
      el("div", { class: "hit-head" }, filingLink(h.filing_key, h.company || h.source || h.filing_key), " ",
        el("span", { class: "muted", text: `${h.date || ""} · ${h.form_type || ""}` }), " ",
        el("span", { class: "label", text: h.label || "" })),
      snippet(h.snippet)));
  }
  results.append(list);
  if (page.next_cursor) {
    const more = el("button", { class: "more", text: "More results" });
    more.addEventListener("click", () => { more.remove(); searchPage(params, results, page.next_cursor).catch(failure); });
    results.append(more);
  }
}

// ---- the filing view ------------------------------------------------------------------------------
function valueText(ev, v) {
  const field = v.field;
  if (field.startsWith("parties.")) return field.slice(8);
  const raw = ev[field];
  if (raw && typeof raw === "object" && "amount" in raw) return money(raw.amount, raw.currency);
  if (typeof raw === "string" || typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "yes" : "no";
  return (v.span && v.span.quote ? v.span.quote.replace(/\s+/g, " ").slice(0, 80) : "");
}

// Marks: every value's span in its document's text; the chosen one gets class "current".
function renderText(pre, text, spans, current) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { frag.append(text.slice(a, b)); continue; }
    const inner = covering.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x));
    const isCurrent = current && current.start <= a && current.end >= b;
    const cls = ["v", MONEY_FIELDS.has(inner.field) ? "money" : "", isCurrent ? "current" : ""].filter(Boolean).join(" ");
    frag.append(el("mark", { class: cls, "data-field": inner.field, title: inner.field, text: text.slice(a, b) }));
  }
  pre.replaceChildren(frag);
}

function section(title, ...children) {
  return el("section", { class: "card" }, el("h2", { text: title }), ...children);
}

function table(headers, rows) {
  const t = el("table", {}, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { text: h })))));
  const body = el("tbody");
  for (const r of rows) body.append(el("tr", {}, ...r.map((c) => el("td", {}, c ?? ""))));
  t.append(body);
  return el("div", { class: "scroll" }, t);
}

function coverSection(f) {
  const r = f.registrant || {};
  const a = r.address || {};
  const rows = [
    ["Company", companyLink(r.name, r.cik)], ["CIK", r.cik], ["Form", f.form_type], ["Date of report", f.date_of_report],
    ["Filed", f.filed_at], ["Accession", f.accession], ["State of incorporation", r.state_of_incorporation],
    ["File number", r.file_number], ["IRS number", r.irs_number],
    ["Address", [a.street, a.city, a.state, a.zip].filter(Boolean).join(", ")], ["Phone", r.phone],
    ["Securities", (r.securities || []).map((s) => `${s.symbol || ""} ${s.exchange || ""}`.trim()).join("; ")],
  ].filter(([, v]) => v);
  return section("Cover", el("dl", { class: "cover" }, ...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", {}, v)])));
}

async function filingView(key) {
  const f = await api(`/api/filings/${encodeURIComponent(key)}`);
  const texts = {};
  const docs = (f.documents || []).filter((d) => d.text_chars > 0).slice(0, 20);
  await Promise.all(docs.map(async (d) => { texts[d.sequence] = (await api(`/api/filings/${encodeURIComponent(key)}/documents/${d.sequence}`)).text; }));
  const spans = {};
  const addSpan = (s, field) => { if (s && s.doc !== undefined && s.end > s.start && texts[s.doc] !== undefined) (spans[s.doc] ||= []).push({ doc: s.doc, start: s.start, end: s.end, field }); };
  (f.events || []).forEach((ev) => (ev.values || []).forEach((v) => addSpan(v.span, v.field)));
  const pres = {};
  const mark = (span) => {
    for (const [doc, pre] of Object.entries(pres)) renderText(pre, texts[doc], spans[doc] || [], span && String(span.doc) === doc ? span : null);
    const cur = document.querySelector("mark.current");
    if (cur) cur.scrollIntoView({ block: "center" });
  };
  const head = el("div", { class: "filing-head" },
    el("h1", { text: (f.registrant && f.registrant.name) || "(no registrant name)" }),
    el("p", { class: "muted" }, `${f.form_type || ""} · ${f.date_of_report || f.filed_at || ""} · `, el("a", { href: `/api/filings/${encodeURIComponent(key)}`, text: "JSON" })));
  const items = el("ol", { class: "items" }, ...(f.items || []).map((it) => el("li", {},
    el("button", { class: "link", onclick: () => mark(it.span && it.span.end ? { ...it.span, field: "item" } : null), text: `Item ${it.number}` }),
    ` (${it.code || "?"}) ${it.title || ""}`, it.applicable ? "" : el("span", { class: "muted", text: " — not applicable" }))));
  const events = (f.events || []).map((ev, i) => el("div", { class: "event", "data-event": i },
    el("h3", { text: ev.type }),
    el("ul", { class: "values" }, ...(ev.values || []).map((v) => el("li", {},
      el("span", { class: "field", text: v.field.startsWith("parties.") ? "party" : v.field.replace(/_/g, " ") }), " ",
      el("button", { class: `value ${MONEY_FIELDS.has(v.field) ? "money" : ""}`, "data-field": v.field, onclick: () => mark({ ...v.span, field: v.field }), text: valueText(ev, v) || "(see text)" }))))));
  const sigs = (f.signatures || []).map((s) => [s.name, s.title, s.date, s.entity]);
  const exh = (f.exhibits || []).map((x) => [x.number, x.description, x.document]);
  const docNodes = docs.map((d) => {
    pres[d.sequence] = el("pre", { class: "doctext", id: `doc-${d.sequence}` });
    return section(`Document ${d.sequence}${d.type ? ` (${d.type})` : ""}${d.description ? ` — ${d.description}` : ""}`, pres[d.sequence]);
  });
  const problems = (f.problems || []).map((p) => el("li", { class: p.severity, text: `${p.severity} ${p.code}: ${p.message}` }));
  show(head,
    el("div", { class: "filing" },
      el("div", { class: "side" }, coverSection(f), section("Items", items),
        section("Events", ...(events.length ? events : [el("p", { class: "muted", text: "No events found." })])),
        section("Signatures", table(["Name", "Title", "Date", "Entity"], sigs)),
        section("Exhibits", table(["Number", "Description", "Document"], exh)),
        problems.length ? section("Problems", el("ul", {}, ...problems)) : null),
      el("div", { class: "texts" }, ...docNodes)));
  mark(null);
}

// ---- deals and companies ----------------------------------------------------------------------------
async function dealsView(params) {
  const sort = params.get("sort") || "upfront";
  const order = params.get("order") || "desc";
  const sortable = { Date: "date", Upfront: "upfront", Milestones: "milestones", Equity: "equity" };
  const heads = ["Date", "Company", "Type", "Parties", "Upfront", "Milestones", "Equity", "Royalties", "Territory", "Subject"];
  const thead = el("tr", {}, ...heads.map((h) => {
    if (!sortable[h]) return el("th", { text: h });
    const next = sort === sortable[h] && order === "desc" ? "asc" : "desc";
    const arrow = sort === sortable[h] ? (order === "desc" ? " ▼" : " ▲") : "";
    return el("th", { "aria-sort": sort === sortable[h] ? (order === "desc" ? "descending" : "ascending") : null },
      el("a", { href: `#/deals?sort=${sortable[h]}&order=${next}`, text: h + arrow }));
  }));
  const body = el("tbody");
  show(el("h1", { text: "Deals" }), el("div", { class: "scroll" }, el("table", { class: "deals" }, el("thead", {}, thead), body)));
  let cursor = null;
  do {
    const page = await api("/api/deals", { sort, order, limit: 100, cursor });
    for (const d of page.deals) {
      const parties = d.parties.map((p) => `${p.name || "?"}${p.role ? ` (${p.role})` : ""}`).join("; ");
      const roy = d.royalties ? (d.royalty_low !== null ? `${(d.royalty_low * 100).toFixed(1)}–${((d.royalty_high ?? d.royalty_low) * 100).toFixed(1)}%` : "yes") : "";
      body.append(el("tr", {}, el("td", {}, filingLink(d.filing_key, d.date || "?")), el("td", {}, companyLink(d.company, d.cik)),
        el("td", { text: d.type }), el("td", { text: parties }), el("td", { class: "num", text: money(d.upfront, d.currency) }),
        el("td", { class: "num", text: money(d.milestones, d.currency) }), el("td", { class: "num", text: money(d.equity, d.currency) }),
        el("td", { text: roy }), el("td", { text: d.territory || "" }), el("td", { text: d.subject || "" })));
    }
    cursor = page.next_cursor;
  } while (cursor && body.children.length < 500);
}

async function companyView(params) {
  const cik = params.get("cik");
  const h = cik ? await api(`/api/companies/${encodeURIComponent(cik)}`) : await api("/api/companies", { name: params.get("name") || "" });
  const list = el("ol", { class: "timeline" });
  for (const f of h.filings) {
    list.append(el("li", {}, el("time", { text: f.date || "?" }), " ", filingLink(f.filing_key, `${f.form_type || "8-K"} ${f.accession || ""}`.trim()),
      el("span", { class: "muted", text: ` items ${f.item_codes.join(", ") || "—"}` }),
      el("ul", { class: "tl-events" }, ...f.events.map((e) => el("li", {}, el("span", { class: "etype", text: e.type }), " ", e.summary)))));
  }
  show(el("h1", { text: h.names.join(" / ") || `CIK ${h.cik}` }), el("p", { class: "muted", text: `${h.filings.length} filings${h.cik ? ` · CIK ${h.cik}` : ""}` }), list);
}

async function route() {
  const { path, params } = hashParams();
  try {
    if (path.startsWith("/filing/")) await filingView(decodeURIComponent(path.slice(8)));
    else if (path === "/deals") await dealsView(params);
    else if (path === "/company") await companyView(params);
    else await searchView(params);
    document.body.dataset.ready = path;
  } catch (err) {
    failure(err);
    document.body.dataset.ready = "error";
  }
}

window.addEventListener("hashchange", () => { delete document.body.dataset.ready; route(); });
window.addEventListener("DOMContentLoaded", route);
