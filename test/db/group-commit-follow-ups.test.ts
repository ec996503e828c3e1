import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { afterGroupWrites, GroupCommit } from "../../src/db/group-commit.js";

// A write's follow-up rows (a booking's timers and supervisor's notice: book.ts) are
// written after the group's last write, in the group's transaction (src/db/group-commit.ts
// afterGroupWrites): outside every write's savepoint, yet stored exactly when the write is.

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function setUp() {
  dir = mkdtempSync(join(tmpdir(), "pitlane-follow-ups-"));
  const sqlite = new Database(join(dir, "f.db"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec("CREATE TABLE t (name TEXT PRIMARY KEY)");
  const aborts: number[] = [];
  const queue = new GroupCommit(sqlite, { onAbort: () => aborts.push(1) });
  const insert = (name: string) => sqlite.prepare("INSERT INTO t (name) VALUES (?)").run(name);
  const has = (name: string) => sqlite.prepare("SELECT 1 FROM t WHERE name = ?").get(name) !== undefined;
  const rows = () =>
    (sqlite.prepare("SELECT name FROM t ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  /** A write that stores `name`, and asks for `name`-follow-up after the group's writes. */
  const booking =
    (name: string, then: () => void = () => {}) =>
    () => {
      insert(name);
      afterGroupWrites(sqlite, () => insert(`${name}-follow-up`));
      then();
      return name;
    };
  return { sqlite, queue, insert, has, rows, booking, aborts };
}

describe("a group's follow-up rows", () => {
  it("are written after the group's last write, in its transaction: stored with the writes", async () => {
    const { queue, has, rows, booking } = setUp();
    const seen: boolean[] = [];
    const answers = await Promise.all([
      queue.run(booking("a")),
      // The next write of the group runs before a's follow-up is written.
      queue.run(booking("b", () => seen.push(has("a-follow-up")))),
    ]);
    expect(answers).toEqual(["a", "b"]);
    expect(seen).toEqual([false]);
    expect(rows()).toEqual(["a", "a-follow-up", "b", "b-follow-up"]);
  });

  it("are taken back with a write that throws after asking for them", async () => {
    const { queue, rows, booking } = setUp();
    const refuse = booking("b", () => {
      throw new Error("refused b");
    });
    const answers = await Promise.allSettled([queue.run(booking("a")), queue.run(refuse), queue.run(booking("c"))]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(rows()).toEqual(["a", "a-follow-up", "c", "c-follow-up"]);
  });

  it("fail the whole group when one of them throws, as a failed COMMIT does: nothing stored", async () => {
    const { sqlite, queue, rows, booking, aborts } = setUp();
    const broken = () => {
      afterGroupWrites(sqlite, () => {
        throw new Error("disk full");
      });
      return "b";
    };
    const answers = await Promise.allSettled([queue.run(booking("a")), queue.run(broken), queue.run(booking("c"))]);
    expect(answers.map((a) => (a.status === "rejected" ? (a.reason as Error).message : a.value))).toEqual([
      "disk full",
      "disk full",
      "disk full",
    ]);
    expect(rows()).toEqual([]);
    expect(aborts).toHaveLength(1); // the in-memory state counted writes that are gone
  });

  it("are written at once outside a group (no group commit, or a write of its own)", () => {
    const { sqlite, has, insert } = setUp();
    afterGroupWrites(sqlite, () => insert("now"));
    expect(has("now")).toBe(true);
  });
});
