import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Persistence in one place (README "Persistence"): SQL is written only in the
// repositories (src/db/repos), in one style (raw statements; drizzle is the schema, not
// a query builder) and prepared through one statement cache (db/prepared.ts). A
// statement, a builder call or a hand-made statement cache anywhere else fails here,
// with where it is.

const ROOT = resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Lines of code (comments dropped), with their file and number. */
const lines = files(ROOT).flatMap((f) =>
  readFileSync(f, "utf8")
    .split("\n")
    .map((text, i) => ({ file: relative(ROOT, f), line: i + 1, text }))
    .filter((l) => !/^\s*(\/\/|\/?\*)/.test(l.text)),
);

// Below the repositories: the storage machinery itself, each with its own reason.
const MACHINERY = new Set([
  "db/prepared.ts", // the statement cache
  "db/change-feed.ts", // TEMP triggers and the feed's probes, per connection
  "db/dealer-pulse.ts", // pragma_data_version probes, per connection
  "worker/durable-sqlite.ts", // the driver over Durable Object SQL
  "worker/migrate.ts", // the Worker's migration runner
  "worker/directory.ts", // the directory object's own one-table store
]);
const inRepos = (file: string) => file.startsWith("db/repos/");

const offenders = (pattern: RegExp, allowed: (file: string) => boolean) =>
  lines.filter((l) => pattern.test(l.text) && !allowed(l.file)).map((l) => `${l.file}:${l.line}: ${l.text.trim()}`);

describe("persistence in one place", () => {
  it("writes SQL only in src/db/repos (and the storage machinery)", () => {
    // A statement's first word followed by SQL (not a path: "DELETE /v1/…" is a route).
    const sql =
      /\.prepare\(|\bsql\.exec\(|["'`]\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\s+[\w*"(]|\b(INSERT INTO|DELETE FROM)\b/;
    expect(offenders(sql, (f) => inRepos(f) || MACHINERY.has(f))).toEqual([]);
  });

  it("uses drizzle for the schema and migrations only, never as a query builder", () => {
    const builder = /\b(db|tx)\s*\.\s*(select|insert|update|delete|run|all|get|values)\s*\(|from "drizzle-orm"/;
    // db/schema.ts: `sql` for a partial index's WHERE (vehicles_priority_idx), which is schema.
    const schemaSide = new Set(["db/repos/rows.ts", "db/prepared.ts", "worker/drizzle.ts", "db/schema.ts"]);
    expect(offenders(builder, (f) => schemaSide.has(f))).toEqual([]);
  });

  it("caches statements in one place (db/prepared.ts)", () => {
    expect(
      offenders(/new WeakMap<\s*SqliteHandle\s*,\s*(SqliteStatement|Record|Stmts|Map)/, (f) => f === "db/prepared.ts"),
    ).toEqual([]);
  });
});
