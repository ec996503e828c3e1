import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { committedFrames, pagesText, walPagesByTree } from "../../bench/lib/wal-pages.js";

// The write bench names the b-trees a booking's commits dirty (bench/lib/wal-pages.ts), and
// issue 17's index changes are judged by it: it must tell a random key's index (about a
// leaf per insert, whatever the group) from an appending one (a leaf shared by the group).

const dir = mkdtempSync(join(tmpdir(), "pitlane-wal-pages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A table with a random-key index and an appending one, grown first so the random index has many leaves. */
function world(name: string, payload = 0) {
  const path = join(dir, `${name}.db`);
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.exec(
    "CREATE TABLE t (id INTEGER PRIMARY KEY, h TEXT, at INTEGER, x TEXT); CREATE INDEX t_h ON t (h); CREATE INDEX t_at ON t (at)",
  );
  const insert = db.prepare("INSERT INTO t (h, at, x) VALUES (?, ?, ?)");
  let at = 0;
  const group = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run(randomBytes(32).toString("hex"), at++, "x".repeat(payload));
  });
  for (let i = 0; i < 200; i++) group(12);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("wal_autocheckpoint = 0");
  return { db, wal: `${path}-wal`, group };
}

/** Pages per insert by tree over `groups` commits of 12 into an emptied WAL. */
function grouped(name: string, groups: number, payload = 0) {
  const w = world(name, payload);
  for (let i = 0; i < groups; i++) w.group(12);
  const pages = walPagesByTree(w.db, w.wal, groups * 12);
  w.db.close();
  return pages;
}

describe("WAL pages by b-tree", () => {
  const pages = grouped("small-rows", 20);

  it("counts a random key's index at about a page per insert", () => {
    expect(pages.t_h).toBeGreaterThan(0.7);
  });

  it("counts an appending index and the table's own pages at a fraction of one", () => {
    expect(pages.t_at).toBeLessThan(0.3);
    expect(pages.t).toBeLessThan(0.3);
  });

  it("lists the trees largest first, and sums them in its text", () => {
    // Rows of 8 KB overflow onto pages of their own: the table outgrows the random index.
    const big = grouped("big-rows", 10, 8000);
    for (const [p, first] of [
      [pages, "t_h"],
      [big, "t"],
    ] as const) {
      const values = Object.values(p);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(Object.keys(p)[0]).toBe(first);
    }
    expect(pagesText(pages, 1)).toMatch(/^\d+\.\d pages: t_h \d+\.\d\d, the other \d+ \d+\.\d\d$/);
  });

  it("counts only the log's current generation, not the older frames a restarted log leaves behind", () => {
    const w = world("restarted");
    for (let i = 0; i < 20; i++) w.group(12);
    // RESTART copies every frame and lets the next writer begin the file again, with new
    // salts, over the old frames: the file keeps its size.
    w.db.pragma("wal_checkpoint(RESTART)");
    for (let i = 0; i < 3; i++) w.group(12);
    const [{ log }] = w.db.pragma("wal_checkpoint(PASSIVE)") as Array<{ log: number }>;
    const file = readFileSync(w.wal);
    const frameBytes = 24 + file.readUInt32BE(8);
    expect((file.length - 32) / frameBytes).toBeGreaterThan(log * 2); // stale frames are there
    expect(committedFrames(file)).toHaveLength(log);
    w.db.close();
  });
});
