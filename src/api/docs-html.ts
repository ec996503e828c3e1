import type { OpenApiDocument } from "./openapi.js";

// Server-rendered API reference from the OpenAPI document: no scripts, no CDN, no fs,
// so it works offline and on Workers. Every interpolated value goes through esc().

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const pretty = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

const anchor = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "-");

type Any = Record<string, any>;

function contentBlocks(content: Any | undefined): string {
  if (!content) return "";
  return Object.entries(content)
    .map(([type, media]) => `<div class="media"><code>${esc(type)}</code>${pretty((media as Any).schema ?? {})}</div>`)
    .join("");
}

function operation(path: string, method: string, op: Any): string {
  const params = (op.parameters ?? []) as Any[];
  const paramRows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td><code>${esc(JSON.stringify(p.schema ?? {}))}</code></td></tr>`,
    )
    .join("");
  const responses = Object.entries((op.responses ?? {}) as Any)
    .map(
      ([status, r]) =>
        `<li><strong>${esc(status)}</strong> ${esc(r.description ?? "")}${contentBlocks(r.content)}</li>`,
    )
    .join("");
  const id = anchor(`${method}-${path}`);
  return `<section class="op" id="${id}">
<h3><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${op.security?.length ? ' <span class="lock">bearer token</span>' : ""}</h3>
${op.summary ? `<p class="summary">${esc(op.summary)}</p>` : ""}${op.description ? `<p>${esc(op.description)}</p>` : ""}
${paramRows ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${paramRows}</table>` : ""}
${op.requestBody ? `<h4>Request body</h4>${contentBlocks(op.requestBody.content)}` : ""}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

export function renderDocsHtml(doc: OpenApiDocument): string {
  const paths = Object.entries((doc.paths ?? {}) as Any);
  const ops: Array<[string, string, Any]> = [];
  for (const [path, item] of paths) for (const m of METHODS) if (item[m]) ops.push([path, m, item[m]]);
  const toc = ops
    .map(
      ([p, m, op]) =>
        `<li><a href="#${anchor(`${m}-${p}`)}">${esc(m.toUpperCase())} ${esc(p)}</a> ${esc(op.summary ?? "")}</li>`,
    )
    .join("");
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Any)
    .map(([name, s]) => `<section id="schema-${anchor(name)}"><h3>${esc(name)}</h3>${pretty(s)}</section>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
code,pre{font:13px ui-monospace,Menlo,Consolas,monospace}pre{background:#f4f4f6;padding:.75rem;overflow:auto;border-radius:6px}
.op{border-top:1px solid #ddd;padding-top:.5rem}.m{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:0 .4rem}
.m-get{background:#2f6fb0}.m-put{background:#a5641a}.m-post{background:#2e8a4b}.m-patch{background:#6b4aa5}.m-delete{background:#b03030}
.lock{font-size:12px;color:#8a5a00;border:1px solid #e0c48a;border-radius:4px;padding:0 .3rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
${doc.info.description ? `<p>${esc(doc.info.description)}</p>` : ""}
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).
Errors are <code>application/problem+json</code> with a stable <code>code</code>.</p>
<h2>Operations</h2><ul>${toc}</ul>
${ops.map(([p, m, op]) => operation(p, m, op)).join("\n")}
<h2>Schemas</h2>${schemas}
</body></html>`;
}
