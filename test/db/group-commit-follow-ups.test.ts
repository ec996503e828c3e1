import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FollowUpsFailed, GroupCommit } from "../../src/db/group-commit.js";
import { afterGroupWrites, afterGroupWritesBatched } from "../../src/db/follow-ups.js";
import { immediate } from "../../src/db/tx.js";

// A write's follow-up rows (a booking's timers and supervisor's notice: book.ts) are
// written after the group's last write, in the group's transaction (src/db/tx.ts
// afterGroupWrites, src/db/group-commit.ts): outside every write's savepoint, yet stored
// exactly when the write is, and taken back with any savepoint that is rolled back.

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

  it("are taken back with an inner savepoint that is rolled back while its write goes on", async () => {
    const { sqlite, queue, rows, insert } = setUp();
    const write = () => {
      insert("a");
      try {
        immediate(sqlite, () => {
          insert("a-inner");
          afterGroupWrites(sqlite, () => insert("a-inner-follow-up"));
          throw new Error("the inner part is refused");
        });
      } catch {
        // the write carries on without it
      }
      afterGroupWrites(sqlite, () => insert("a-follow-up"));
      return "a";
    };
    expect(await queue.run(write)).toBe("a");
    expect(rows()).toEqual(["a", "a-follow-up"]);
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
    // Every write gets the group's error, not the follow-up's own (which may be meant for one of them).
    for (const a of answers) {
      expect(a.status).toBe("rejected");
      const reason = (a as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(FollowUpsFailed);
      expect((reason.cause as Error).message).toBe("disk full");
    }
    expect(rows()).toEqual([]);
    expect(aborts).toHaveLength(1); // the in-memory state counted writes that are gone
  });

  it("are written at once outside a group, before and after one was flushed on the handle", async () => {
    const { sqlite, queue, has, insert, booking } = setUp();
    afterGroupWrites(sqlite, () => insert("before"));
    expect(has("before")).toBe(true);
    await queue.run(booking("a"));
    afterGroupWrites(sqlite, () => insert("after"));
    expect(has("after")).toBe(true);
  });
});

describe("a group's batched follow-ups (the supervisor's one notice of a group's bookings)", () => {
  /** A write that stores `name` and adds it to the batch `key`, whose flush stores the items joined. */
  function batched(sqlite: Database.Database, insert: (n: string) => unknown, flushes: string[][]) {
    return (name: string, key: string, then: () => void = () => {}) =>
      () => {
        insert(name);
        afterGroupWritesBatched(sqlite, key, name, (items) => {
          flushes.push(items);
          insert(`${key}:${items.join("+")}`);
        });
        then();
        return name;
      };
  }

  it("flush once per key with the items of the writes that stood, in order, where the first was asked", async () => {
    const { sqlite, queue, rows, insert, booking } = setUp();
    const flushes: string[][] = [];
    const write = batched(sqlite, insert, flushes);
    const answers = await Promise.allSettled([
      queue.run(write("a", "x")),
      queue.run(booking("p")),
      queue.run(write("b", "y")),
      queue.run(
        write("c", "x", () => {
          throw new Error("refused c");
        }),
      ),
      queue.run(write("d", "x")),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled"]);
    // c's item went with its savepoint; x is flushed once, before p's follow-up (a asked first).
    expect(flushes).toEqual([["a", "d"], ["b"]]);
    expect(rows()).toEqual(["a", "b", "d", "p", "p-follow-up", "x:a+d", "y:b"]);
    const at = (n: string) => sqlite.prepare("SELECT rowid FROM t WHERE name = ?").pluck().get(n) as number;
    expect(at("x:a+d")).toBeLessThan(at("p-follow-up"));
    expect(at("p-follow-up")).toBeLessThan(at("y:b"));
  });

  it("flush at once, with the one item, outside a group", () => {
    const { sqlite, has, insert } = setUp();
    const flushes: string[][] = [];
    batched(sqlite, insert, flushes)("a", "x")();
    expect(flushes).toEqual([["a"]]);
    expect(has("x:a")).toBe(true);
  });
});
