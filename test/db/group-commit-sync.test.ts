import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Durability, GroupCommit } from "../../src/db/group-commit.js";
import { walDurability } from "../../src/node/wal-sync.js";

// Group commit with its fsync off the event loop (db/group-commit.ts `durable`,
// node/wal-sync.ts): a write is answered only once the sync that covers its COMMIT
// reported, syncs run one at a time in commit order while the next groups commit, and a
// failed sync fails its writes and stops acknowledgements. Real SQLite files in WAL mode.

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pitlane-sync-"));
  db = new Database(join(dir, "t.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("CREATE TABLE t (v INTEGER)");
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A Durability whose syncs the test completes by hand, in the order they were asked for. */
function heldSyncs() {
  const waiting: Array<(err: Error | null) => void> = [];
  const durable: Durability = { commitRelaxed: (commit) => commit(), sync: (done) => void waiting.push(done) };
  return { durable, waiting };
}

const insert = (v: number) => () => db.prepare("INSERT INTO t (v) VALUES (?)").run(v).changes;
const stored = () => (db.prepare("SELECT v FROM t ORDER BY v").all() as Array<{ v: number }>).map((r) => r.v);
const tick = () => new Promise((ok) => setImmediate(ok));

/** Which of the promises have settled, and how: "ok", "failed" or "waiting". */
function watch(ps: Array<Promise<unknown>>) {
  const state: string[] = ps.map(() => "waiting");
  ps.forEach((p, i) =>
    p.then(
      () => void (state[i] = "ok"),
      () => void (state[i] = "failed"),
    ),
  );
  return state;
}

describe("group commit with the sync off the loop", () => {
  it("answers a group only after the sync that covers its COMMIT, not at the COMMIT", async () => {
    const { durable, waiting } = heldSyncs();
    const q = new GroupCommit(db, { durable });
    const state = watch([q.run(insert(1)), q.run(insert(2))]);
    await tick();
    expect(stored()).toEqual([1, 2]); // committed …
    expect(waiting).toHaveLength(1);
    expect(state).toEqual(["waiting", "waiting"]); // … but not acknowledged
    waiting[0](null);
    await tick();
    expect(state).toEqual(["ok", "ok"]);
  });

  it("commits the next groups while a sync runs, and answers them after one more sync, in order", async () => {
    const { durable, waiting } = heldSyncs();
    const q = new GroupCommit(db, { durable });
    const first = watch([q.run(insert(1))]);
    await tick();
    const later = watch([q.run(insert(2))]);
    await tick();
    const last = watch([q.run(insert(3))]);
    await tick();
    expect(stored()).toEqual([1, 2, 3]);
    expect(waiting).toHaveLength(1); // one sync at a time
    waiting[0](null);
    await tick();
    expect([first, later, last]).toEqual([["ok"], ["waiting"], ["waiting"]]);
    expect(waiting).toHaveLength(2); // one sync for both groups committed meanwhile
    waiting[1](null);
    await tick();
    expect([later, last]).toEqual([["ok"], ["ok"]]);
  });

  it("fails the writes a failed sync covered, tells onSyncFailure, and acknowledges nothing committed after them", async () => {
    const { durable, waiting } = heldSyncs();
    const failures: Error[] = [];
    const q = new GroupCommit(db, { durable, onSyncFailure: (e) => failures.push(e) });
    const a = watch([q.run(insert(1))]);
    await tick();
    const b = watch([q.run(insert(2))]);
    await tick();
    waiting[0](new Error("EIO"));
    await tick();
    expect(a).toEqual(["failed"]);
    expect(failures.map((e) => e.message)).toEqual(["EIO"]);
    // The process stops on onSyncFailure (node.ts); until it does, the next group is not
    // answered by the failed sync, only by a sync of its own.
    expect(b).toEqual(["waiting"]);
  });

  it("answers a refused write with its own error after the sync, and stores nothing of it", async () => {
    const { durable, waiting } = heldSyncs();
    const q = new GroupCommit(db, { durable });
    const refuse = () => {
      insert(9)();
      throw new Error("refused");
    };
    const state = watch([q.run(insert(1)), q.run(refuse)]);
    await tick();
    expect(stored()).toEqual([1]);
    expect(state).toEqual(["waiting", "waiting"]);
    waiting[0](null);
    await tick();
    expect(state).toEqual(["ok", "failed"]);
  });

  it("drains only once the last group's sync reported", async () => {
    const { durable, waiting } = heldSyncs();
    const q = new GroupCommit(db, { durable });
    void q.run(insert(1));
    let drained = false;
    void q.drained().then(() => void (drained = true));
    await tick();
    expect(drained).toBe(false);
    waiting[0](null);
    await tick();
    expect(drained).toBe(true);
  });
});

describe("walDurability (Node)", () => {
  it("commits a group under synchronous=NORMAL and puts FULL back for every other write", () => {
    const durable = walDurability(db, join(dir, "t.db"));
    const during = durable.commitRelaxed(() => db.pragma("synchronous", { simple: true }));
    expect(during).toBe(1); // NORMAL
    expect(db.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(() =>
      durable.commitRelaxed(() => {
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    durable.close();
  });

  it("syncs the -wal file, and reports a log it cannot open as an error (never as durable)", async () => {
    insert(1)();
    const durable = walDurability(db, join(dir, "t.db"));
    await expect(new Promise((ok) => durable.sync(ok))).resolves.toBeNull();
    durable.close();
    const missing = walDurability(db, join(dir, "absent.db"));
    const err = await new Promise<Error | null>((ok) => missing.sync(ok));
    expect((err as NodeJS.ErrnoException).code).toBe("ENOENT");
  });
});
