import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { pagesText, walPagesByTree } from "../../bench/lib/wal-pages.js";

// The write bench names the b-trees a booking's commits dirty (bench/lib/wal-pages.ts), and
// issue 17's index changes are judged by it: it must tell a random key's index (about a
// leaf per insert, whatever the group) from an appending one (a leaf shared by the group).

const dir = mkdtempSync(join(tmpdir(), "pitlane-wal-pages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function groupedInserts(groups: number, perGroup: number) {
  const path = join(dir, `t-${groups}-${perGroup}.db`);
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.exec(
    "CREATE TABLE t (id INTEGER PRIMARY KEY, h TEXT, at INTEGER); CREATE INDEX t_h ON t (h); CREATE INDEX t_at ON t (at)",
  );
  const insert = db.prepare("INSERT INTO t (h, at) VALUES (?, ?)");
  let at = 0;
  const group = db.transaction(() => {
    for (let i = 0; i < perGroup; i++) insert.run(randomBytes(32).toString("hex"), at++);
  });
  // Enough rows first that the random index has many leaves; then an empty WAL to count.
  for (let i = 0; i < 200; i++) group();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("wal_autocheckpoint = 0");
  for (let i = 0; i < groups; i++) group();
  const pages = walPagesByTree(db, `${path}-wal`, groups * perGroup);
  db.close();
  return pages;
}

describe("WAL pages by b-tree", () => {
  const pages = groupedInserts(20, 12);

  it("counts a random key's index at about a page per insert", () => {
    expect(pages.t_h).toBeGreaterThan(0.7);
  });

  it("counts an appending index and the table's own pages at a fraction of one", () => {
    expect(pages.t_at).toBeLessThan(0.3);
    expect(pages.t).toBeLessThan(0.3);
  });

  it("lists the trees largest first, and sums them in its text", () => {
    const values = Object.values(pages);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(Object.keys(pages)[0]).toBe("t_h");
    expect(pagesText(pages, 1)).toMatch(/^\d+\.\d pages: t_h \d+\.\d\d, the other \d+ \d+\.\d\d$/);
  });
});
