import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, prepareDatabase } from "../../src/db/open.js";
import { migrate, type Journal } from "../../src/worker/migrate.js";

// The Worker's migrator (src/worker/migrate.ts) against drizzle's, which Node runs: over
// the same files they must build the same schema and the same bookkeeping, and the
// Worker bundle must list every migration of the journal.

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
const files = Object.fromEntries(
  journal.entries.map((e) => [e.tag, readFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), "utf8")]),
);

const open: Database.Database[] = [];
afterAll(() => open.forEach((db) => db.close()));
const fresh = () => {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  open.push(db);
  return db;
};
/** Whitespace aside (drizzle's own CREATE of its ledger table is indented differently). */
const schemaOf = (db: Database.Database) =>
  (
    db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").all() as Array<{
      sql: string | null;
    }>
  ).map((r) => ({
    ...r,
    sql: r.sql?.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")") ?? null,
  }));
const ledgerOf = (db: Database.Database) =>
  db.prepare('SELECT hash, created_at FROM "__drizzle_migrations" ORDER BY created_at').all();

describe("the Worker's migrator", () => {
  it("builds exactly the schema and ledger that drizzle's migrate() builds on Node", () => {
    const node = fresh();
    prepareDatabase(node);
    const worker = fresh();
    expect(migrate(worker, journal, files)).toBe(journal.entries.length);
    expect(schemaOf(worker)).toEqual(schemaOf(node));
    expect(ledgerOf(worker)).toEqual(ledgerOf(node));
  });

  it("applies only what is new: nothing on a second run, the rest after a partial one", () => {
    const db = fresh();
    const first = { entries: journal.entries.slice(0, 2) };
    expect(migrate(db, first, files)).toBe(2);
    expect(migrate(db, journal, files)).toBe(journal.entries.length - 2);
    expect(migrate(db, journal, files)).toBe(0);
  });

  it("refuses a journal entry whose file is not bundled, before touching the schema", () => {
    const db = fresh();
    const { [journal.entries.at(-1)!.tag]: _, ...missing } = files;
    expect(() => migrate(db, journal, missing)).toThrow(/not bundled/);
    expect(schemaOf(db)).toEqual([]);
  });

  it("is fed every migration of the journal by the bundle (src/worker/migrations.ts)", () => {
    const source = readFileSync(fileURLToPath(new URL("../../src/worker/migrations.ts", import.meta.url)), "utf8");
    for (const { tag } of journal.entries) {
      expect(source).toContain(`from "../../db/migrations/${tag}.sql"`);
      expect(source).toMatch(new RegExp(`"${tag}": m\\d{4}`));
    }
  });
});
