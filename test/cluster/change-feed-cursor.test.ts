import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChangeFeed } from "../../src/db/change-feed.js";
import { openDatabase } from "../../src/node.js";

// The change feed's cursor (src/db/change-feed.ts), on two real connections to one file
// ("a" and "b", as two server processes): a connection skips its own rows unread while
// nobody else committed, never skips another's, and after a rolled-back transaction it
// does not skip the seqs SQLite hands out again.

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function twoConnections() {
  dir = mkdtempSync(join(tmpdir(), "pitlane-feed-"));
  const a = openDatabase(join(dir, "scheduler.db")).sqlite;
  const b = openDatabase(join(dir, "scheduler.db")).sqlite;
  const feedA = new ChangeFeed(a);
  new ChangeFeed(b); // b's triggers, as its process has them
  const dealer = (sqlite: typeof a, id: string) =>
    sqlite
      .prepare("INSERT INTO dealers (id, config_json, version, updated_at) VALUES (?, '{}', 1, '2026-12-03T00:00:00Z')")
      .run(id);
  return { a, b, feedA, dealer };
}

const ids = (changes: ReturnType<ChangeFeed["read"]>) =>
  changes === null || changes === "reset" ? changes : changes.map((c) => c.dealerId);

describe("the change feed's cursor", () => {
  it("skips this connection's own rows, unread, while no other connection committed", () => {
    const { a, feedA, dealer } = twoConnections();
    dealer(a, "own-1");
    dealer(a, "own-2");
    expect(feedA.read()).toBeNull();
  });

  it("returns every row another connection committed, and this one's since the last read with them", () => {
    const { a, b, feedA, dealer } = twoConnections();
    dealer(a, "own-before");
    expect(feedA.read()).toBeNull();
    dealer(b, "other-1");
    dealer(a, "own-after");
    dealer(b, "other-2");
    expect(ids(feedA.read())).toEqual(["other-1", "own-after", "other-2"]);
    expect(feedA.read()).toBeNull();
  });

  it("after a rolled-back transaction, sees the other connection's rows under the seqs handed out again (resync)", () => {
    const { a, b, feedA, dealer } = twoConnections();
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
