import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CHECK_EVERY, ChangeFeed, type CommitWatch } from "../../src/db/change-feed.js";
import type { SqliteHandle } from "../../src/db/sqlite-handle.js";
import { openDatabase } from "../../src/node.js";
import { walCommitWatch } from "../../src/node/wal-watch.js";

// The change feed's cursor (src/db/change-feed.ts), on two real connections to one file
// ("a" and "b", as two server processes): a connection skips its own rows unread while
// nobody else committed, never skips another's, and after a rolled-back transaction it
// does not skip the seqs SQLite hands out again. Each case runs twice: asking SQL on every
// read, and asking the WAL-index header first (node/wal-watch.ts, what node.ts installs).

let dir: string | undefined;
const feeds: ChangeFeed[] = [];
afterEach(() => {
  for (const f of feeds.splice(0)) f.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** asked: counts a's statements that read (get/all), through a proxy; after: runs after each, told which. */
interface Spy {
  asked: number;
  after?: (how: "get" | "all") => void;
}

function twoConnections(watched: boolean, spy: Spy = { asked: 0 }) {
  dir = mkdtempSync(join(tmpdir(), "pitlane-feed-"));
  const path = join(dir, "scheduler.db");
  const a = openDatabase(path).sqlite;
  const b = openDatabase(path).sqlite;
  const counted = new Proxy(a, {
    get(target, key) {
      if (key === "prepare")
        return (source: string) => {
          const st = target.prepare(source);
          const read =
            (how: "get" | "all") =>
            (...args: unknown[]) => {
              spy.asked++;
              const out = st[how](...args);
              spy.after?.(how);
              return out;
            };
          return { run: (...args: unknown[]) => st.run(...args), get: read("get"), all: read("all") };
        };
      const v = Reflect.get(target, key);
      return typeof v === "function" ? v.bind(target) : v;
    },
  }) as unknown as SqliteHandle;
  const feedA = new ChangeFeed(counted, watched ? walCommitWatch(path) : undefined);
  feeds.push(feedA);
  new ChangeFeed(b); // b's triggers, as its process has them
  const dealer = (sqlite: typeof a, id: string) =>
    sqlite
      .prepare("INSERT INTO dealers (id, config_json, version, updated_at) VALUES (?, '{}', 1, '2026-12-03T00:00:00Z')")
      .run(id);
  return { a, b, feedA, dealer };
}

const ids = (changes: ReturnType<ChangeFeed["read"]>) =>
  changes === null || changes === "reset" ? changes : changes.map((c) => c.dealerId);

describe.each([
  ["asking SQL on every read", false],
  ["asking the WAL header first", true],
])("the change feed's cursor, %s", (_, watched) => {
  it("skips this connection's own rows, unread, while no other connection committed", () => {
    const { a, feedA, dealer } = twoConnections(watched);
    dealer(a, "own-1");
    dealer(a, "own-2");
    expect(feedA.read()).toBeNull();
  });

  it("returns every row another connection committed, and this one's since the last read with them", () => {
    const { a, b, feedA, dealer } = twoConnections(watched);
    dealer(a, "own-before");
    expect(feedA.read()).toBeNull();
    dealer(b, "other-1");
    dealer(a, "own-after");
    dealer(b, "other-2");
    expect(ids(feedA.read())).toEqual(["other-1", "own-after", "other-2"]);
    expect(feedA.read()).toBeNull();
  });

  it("after a rolled-back transaction, sees the other connection's rows under the seqs handed out again (resync)", () => {
    const { a, b, feedA, dealer } = twoConnections(watched);
    expect(feedA.read()).toBeNull();
    a.exec("BEGIN IMMEDIATE");
    dealer(a, "rolled-back");
    expect(feedA.read()).toBeNull(); // the cursor is now on the uncommitted row's seq
    a.exec("ROLLBACK");
    feedA.resync(); // what Runtimes.invalidateAll() does after a failed group COMMIT
    dealer(b, "other"); // takes the same seq again
    expect(ids(feedA.read())).toEqual(["other"]);
  });
});

describe("the change feed with the WAL header watch", () => {
  it("asks SQL nothing while nobody commits, and again after any commit, its own or another's", () => {
    const spy = { asked: 0 };
    const { a, b, feedA, dealer } = twoConnections(true, spy);
    feedA.read();
    const quiet = spy.asked;
    for (let i = 0; i < 5; i++) expect(feedA.read()).toBeNull();
    expect(spy.asked).toBe(quiet);
    dealer(a, "own");
    expect(feedA.read()).toBeNull(); // asked, and its own row skipped
    expect(spy.asked).toBeGreaterThan(quiet);
    const afterOwn = spy.asked;
    expect(feedA.read()).toBeNull();
    expect(spy.asked).toBe(afterOwn);
    dealer(b, "other");
    expect(ids(feedA.read())).toEqual(["other"]);
  });

  it("sees a commit that lands right after its SQL look, on the next read", () => {
    const spy: Spy = { asked: 0 };
    const { b, feedA, dealer } = twoConnections(true, spy);
    expect(feedA.read()).toBeNull();
    dealer(b, "first");
    // b commits again just after a's last statement of the look (the rows since its
    // cursor) has read: a's read misses it, so the header a settles on must be the one
    // from before its look, never one read after.
    spy.after = (how) => {
      if (how !== "all") return;
      spy.after = undefined;
      dealer(b, "racing");
    };
    expect(ids(feedA.read())).toEqual(["first"]);
    expect(ids(feedA.read())).toEqual(["racing"]);
  });

  it("asks SQL again after a look that failed", () => {
    const spy: Spy = { asked: 0 };
    const { b, feedA, dealer } = twoConnections(true, spy);
    expect(feedA.read()).toBeNull();
    dealer(b, "lost?");
    spy.after = () => {
      spy.after = undefined;
      throw new Error("SQLITE_BUSY");
    };
    expect(() => feedA.read()).toThrow("SQLITE_BUSY");
    expect(ids(feedA.read())).toEqual(["lost?"]);
  });

  it("watches the file SQLite opened through a symbolic link, not a stale -shm beside the link", () => {
    const { a, b, dealer } = twoConnections(false);
    dealer(a, "before");
    // A decoy: a WAL index of the same file, frozen at this moment, where a watch that did
    // not resolve the link would look.
    const link = join(dir!, "link.db");
    symlinkSync(join(dir!, "scheduler.db"), link);
    copyFileSync(join(dir!, "scheduler.db-shm"), `${link}-shm`);
    const viaLink = openDatabase(link).sqlite;
    const feed = new ChangeFeed(viaLink, walCommitWatch(link));
    feeds.push(feed);
    expect(feed.read()).toBeNull();
    dealer(b, "other");
    expect(ids(feed.read())).toEqual(["other"]);
  });

  it("is caught and dropped if it ever says nobody committed when somebody did", () => {
    const { b, dealer } = twoConnections(false);
    const liar: CommitWatch = { quiet: () => true, settled: () => {}, forget: () => {}, close: () => {} };
    const a = openDatabase(join(dir!, "scheduler.db")).sqlite;
    const feed = new ChangeFeed(a, liar);
    dealer(b, "hidden");
    const seen: unknown[] = [];
    for (let i = 0; i < CHECK_EVERY; i++) seen.push(ids(feed.read()));
    expect(seen.flat().filter(Boolean)).toEqual(["hidden"]); // found by the check, once
    expect(feed.watchFailed).toBe(true);
    dealer(b, "next");
    expect(ids(feed.read())).toEqual(["next"]); // SQL on every read from now on
  });
});
