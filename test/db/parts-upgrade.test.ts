import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, prepareDatabase } from "../../src/db/open.js";
import { migrate, type Journal } from "../../src/worker/migrate.js";

// Migration 0014 adds parts_orders. A file written before it (every migration up to 0013,
// with a row in it) opens with the new table and loses nothing.

const dir = mkdtempSync(join(tmpdir(), "pitlane-parts-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
const before = { entries: journal.entries.filter((e) => e.idx < 14) };
const files = Object.fromEntries(
  before.entries.map((e) => [e.tag, readFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), "utf8")]),
);

describe("migration 0014 (parts orders)", () => {
  it("upgrades a database written before it", () => {
    const path = join(dir, "old.db");
    const old = new Database(path);
    migrate(old, before, files);
    old.prepare("INSERT INTO dealers (id, config_json, version, updated_at) VALUES ('d', '{}', 1, 'x')").run();
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'parts_orders'").all()).toEqual([]);
    old.close();
    const db = new Database(path);
    prepareDatabase(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'parts_orders'").all()).toHaveLength(1);
    expect(db.prepare("SELECT id FROM dealers").all()).toEqual([{ id: "d" }]);
    db.close();
  });
});
