// The API's reference, drawn from /openapi.json as text nodes (no third-party viewer, nothing fetched elsewhere).
"use strict";

function node(tag, text, cls) {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = text;
  if (cls) n.className = cls;
  return n;
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
  if (schema.enum) return schema.enum.join(" | ");
  return schema.type || (schema.$ref ? schema.$ref.split("/").pop() : "");
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  const out = document.getElementById("paths");
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const card = node("section", undefined, "card");
      card.append(node("h2", `${method.toUpperCase()} ${path}`), node("p", op.summary || ""), node("p", op.description || "", "muted"));
      const rows = (op.parameters || []).map((p) => [p.name, p.in, typeOf(p.schema), p.required ? "required" : "", p.description || (p.schema && p.schema.description) || ""]);
      if (rows.length) {
        const table = node("table");
        const head = node("tr");
        for (const h of ["name", "in", "type", "", "meaning"]) head.append(node("th", h));
        table.append(head);
        for (const r of rows) {
          const tr = node("tr");
          for (const c of r) tr.append(node("td", c));
          table.append(tr);
        }
        card.append(table);
      }
      out.append(card);
    }
  }
}

main().catch((err) => document.getElementById("paths").append(node("p", String(err), "error")));
