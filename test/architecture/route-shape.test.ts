import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// One shape for a route (README "Layout"): a route file validates, calls one verb with
// the request's context and maps the result. So a route reaches storage only through a
// verb (src/scheduler), never a repository, and every registrar takes the app alone (the
// request's services come from the context, c.get(name), not from arguments).

const ROOT = resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const routes = files(join(ROOT, "routes")).map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, "utf8") }));

// A value a route may take from a repository, with why: it is a constant, not a query.
const ALLOWED = new Set(["routes/shared.ts IDEMPOTENCY_KEY_PATTERN"]);

/** Value imports (not `import type`) from src/db/repos in a file, as "file name". */
function repoValueImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"[./]*\/db\/repos\/[^"]+"/g)) {
    if (m[1]) continue;
    for (const part of m[2].split(",")) {
      const name = part.trim();
      if (name && !name.startsWith("type ")) out.push(`${file} ${name.split(/\s+as\s+/)[0]}`);
    }
  }
  return out;
}

describe("the shape of a route", () => {
  it("reaches storage only through a verb: no route imports a repository's functions", () => {
    const found = routes.flatMap((r) => repoValueImports(r.file, r.text)).filter((x) => !ALLOWED.has(x));
    expect(found).toEqual([]);
  });

  it("registers with the app alone: every registrar is (app: ApiApp) and app.ts calls each with (app)", () => {
    const odd = routes.flatMap((r) =>
      [...r.text.matchAll(/export function (register\w*)\(([^)]*)\)/g)]
        .filter((m) => m[1] !== "registerWebAsset" && m[2].trim() !== "app: ApiApp")
        .map((m) => `${r.file} ${m[1]}(${m[2]})`),
    );
    expect(odd).toEqual([]);
    const app = readFileSync(join(ROOT, "app.ts"), "utf8");
    const calls = [...app.matchAll(/^\s*(register\w+)\(([^)]*)\)/gm)];
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.filter((m) => m[2].trim() !== "app").map((m) => m[0].trim())).toEqual([]);
  });

  it("reads the request's services with c.get(name), never c.var (a fresh object of every variable per read)", () => {
    // hono's c.var is Object.fromEntries(all of the context's variables) on EACH access:
    // ~2 % of an availability search's CPU when every middleware and handler read it (issue 17).
    const all = files(ROOT).map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, "utf8") }));
    const reads = all.flatMap(({ file, text }) =>
      text
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && /\bc\.var\b/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(reads).toEqual([]);
  });

  it("never spreads a request's context ({ ...ctx }): its facts are getters on a prototype, which a spread drops", () => {
    const all = files(ROOT).map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, "utf8") }));
    const spreads = all.flatMap(({ file, text }) =>
      text
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && /\.\.\.ctx\b/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(spreads).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    expect(repoValueImports("routes/x.ts", 'import { getDealer } from "../../db/repos/dealers.js";')).toEqual([
      "routes/x.ts getDealer",
    ]);
    expect(repoValueImports("routes/x.ts", 'import type { StoredDealer } from "../../db/repos/dealers.js";')).toEqual(
      [],
    );
    expect(
      repoValueImports("routes/x.ts", 'import { type Row, findRow as f } from "../db/repos/appointments.js";'),
    ).toEqual(["routes/x.ts findRow"]);
  });
});
