import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BY_NAMED_TOKEN, BY_TOKEN_HASH } from "../../src/db/repos/appointments.js";
import * as idem from "../../src/db/repos/idempotency.js";
import { type NewJob, scheduleJobs } from "../../src/db/repos/jobs.js";
import { PRIORITY_VINS_SQL } from "../../src/db/repos/people.js";
import { MIGRATIONS_FOLDER } from "../../src/db/open.js";
import { immediate } from "../../src/db/tx.js";
import { openDatabase } from "../../src/node.js";

// Storage behaviour on real SQLite files.

type Plan = Array<{ detail: string }>;

let dir: string;
let handles: Array<ReturnType<typeof openDatabase>>;
const open = () => {
  const h = openDatabase(join(dir, "nested", "scheduler.db"));
  handles.push(h);
  return h;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pitlane-db-"));
  handles = [];
});
afterEach(() => {
  for (const h of handles) if (h.sqlite.open) h.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("prepareDatabase", () => {
  it("creates the directory, applies the PRAGMAs and the migrations", () => {
    const { sqlite } = open();
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    // MEMORY: a group commit's per-write SAVEPOINT journals stay off the disk (issue 17).
    expect(sqlite.pragma("temp_store", { simple: true })).toBe(2);
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(["appointments", "audit_log", "dealers", "idempotency_keys"]));
  });

  it("is idempotent when the same file is opened again", () => {
    open().sqlite.close();
    const { sqlite } = open();
    // Each migration of the journal applied exactly once, none again on the second open.
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
    expect(sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get()).toEqual({
      n: journal.entries.length,
    });
  });

  it("reads a dealer's priority VINs from the partial index, not from every vehicle of the dealer", () => {
    const { sqlite } = open();
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${PRIORITY_VINS_SQL}`).all("d") as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.join("; ")).toMatch(/USING COVERING INDEX vehicles_priority_idx/);
  });

  it("finds a manage token's appointment by its id or through the partial index of hashes, never by a scan", () => {
    const { sqlite } = open();
    const plan = (where: string, ...params: string[]) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM appointments WHERE ${where}`).all(...params) as Plan)
        .map((r) => r.detail)
        .join("; ");
    expect(plan(BY_NAMED_TOKEN, "an-id", "a-hash")).toMatch(/USING INDEX sqlite_autoindex_appointments_1 \(id=\?\)/);
    expect(plan(BY_TOKEN_HASH, "a-hash")).toMatch(/USING INDEX appointments_manage_token_idx \(manage_token_hash=\?\)/);
  });

  it("enforces the appointment -> dealer foreign key", () => {
    const { sqlite } = open();
    const insert = () =>
      sqlite
        .prepare(
          `INSERT INTO appointments (id, dealer_id, status, version, manage_token_hash, advisor_id, reception_start,
             reception_minutes, ready_at, labour_json, interventions_json, vehicle_json, customer_json, mobility, created_at, updated_at)
           VALUES ('a1', 'ghost', 'requested', 1, 'h', 'anna', 0, 15, 0, '[]', '[]', '{}', '{}', 'none', 'x', 'x')`,
        )
        .run();
    expect(insert).toThrow(/FOREIGN KEY/);
  });
});

describe("scheduleJobs: many timers in one statement, each row as its own upsert", () => {
  const job = (n: number): NewJob => ({
    dealerId: "d",
    kind: "reminder",
    appointmentId: null,
    dueAt: 1_000 + n,
    dedupeKey: `k${n}`,
    payload: { n },
  });
  const rows = (sqlite: ReturnType<typeof open>["sqlite"]) =>
    sqlite.prepare("SELECT dedupe_key AS k, status, due_at AS due FROM jobs ORDER BY due_at").all() as {
      k: string;
      status: string;
      due: number;
    }[];

  it("writes more rows than one statement binds, in order, each once", () => {
    const { sqlite } = open();
    scheduleJobs(
      sqlite,
      Array.from({ length: 29 }, (_, n) => job(n)),
      "2026-11-23T07:00:00Z",
    );
    expect(rows(sqlite).map((r) => r.k)).toEqual(Array.from({ length: 29 }, (_, n) => `k${n}`));
  });

  it("leaves a known key alone, revives a cancelled one, and adds the new ones beside them", () => {
    const { sqlite } = open();
    scheduleJobs(sqlite, [job(1), job(2)], "2026-11-23T07:00:00Z");
    sqlite.prepare("UPDATE jobs SET status = 'done' WHERE dedupe_key = 'k1'").run();
    sqlite.prepare("UPDATE jobs SET status = 'cancelled' WHERE dedupe_key = 'k2'").run();
    scheduleJobs(sqlite, [{ ...job(1), dueAt: 5 }, { ...job(2), dueAt: 6 }, job(3)], "2026-11-23T08:00:00Z");
    expect(rows(sqlite)).toEqual([
      { k: "k2", status: "pending", due: 6 },
      { k: "k1", status: "done", due: 1_001 },
      { k: "k3", status: "pending", due: 1_003 },
    ]);
  });
});

describe("immediate", () => {
  it("commits what fn wrote and returns its value", () => {
    const { sqlite } = open();
    const r = immediate(sqlite, () => {
      sqlite.prepare("INSERT INTO dealers (id, config_json, updated_at) VALUES ('d', '{}', 'x')").run();
      return 42;
    });
    expect(r).toBe(42);
    expect(sqlite.prepare("SELECT count(*) AS n FROM dealers").get()).toEqual({ n: 1 });
  });

  it("rolls everything back when fn throws", () => {
    const { sqlite } = open();
    expect(() =>
      immediate(sqlite, () => {
        sqlite.prepare("INSERT INTO dealers (id, config_json, updated_at) VALUES ('d', '{}', 'x')").run();
        throw new Error("rule violated");
      }),
    ).toThrow("rule violated");
    expect(sqlite.prepare("SELECT count(*) AS n FROM dealers").get()).toEqual({ n: 0 });
  });

  it("refuses an async fn, because awaiting inside the transaction would break atomicity", () => {
    const { sqlite } = open();
    expect(() => immediate(sqlite, (async () => 1) as unknown as () => number)).toThrow(/promise/i);
  });

  it("nests as a savepoint: an inner failure rolls back alone, each level returns its own value", () => {
    const { sqlite } = open();
    const add = (id: string) =>
      sqlite.prepare("INSERT INTO dealers (id, config_json, updated_at) VALUES (?, '{}', 'x')").run(id);
    const ids = () => (sqlite.prepare("SELECT id FROM dealers ORDER BY id").all() as { id: string }[]).map((r) => r.id);
    const r = immediate(sqlite, () => {
      add("a");
      expect(immediate(sqlite, () => (add("b"), "inner"))).toBe("inner");
      expect(() =>
        immediate(sqlite, () => {
          add("c");
          immediate(sqlite, () => add("d"));
          throw new Error("refused");
        }),
      ).toThrow("refused");
      add("e"); // the outer body runs on after its nested calls
      return "outer";
    });
    expect(r).toBe("outer");
    expect(ids()).toEqual(["a", "b", "e"]);
    // Next to each other on one handle: each its own transaction.
    expect(() =>
      immediate(
        sqlite,
        () => (
          add("f"),
          (() => {
            throw new Error("x");
          })()
        ),
      ),
    ).toThrow("x");
    expect(immediate(sqlite, () => (add("g"), 1))).toBe(1);
    expect(ids()).toEqual(["a", "b", "e", "g"]);
  });

  it("makes a second connection wait for the write lock rather than interleave", () => {
    const a = open();
    const b = open();
    b.sqlite.pragma("busy_timeout = 50");
    immediate(a.sqlite, () => {
      expect(() => immediate(b.sqlite, () => 1)).toThrow(/locked|busy/i);
    });
    expect(immediate(b.sqlite, () => 2)).toBe(2);
  });
});

describe("idempotency store", () => {
  const scope = "POST /v1/dealers/{dealerId}/appointments";
  const NOW = Date.parse("2026-11-23T09:00:00Z");

  it("answers miss, then replay for the same request, then mismatch for a different one", () => {
    const { sqlite } = open();
    const h1 = idem.requestHash({ b: 1, a: [1, 2] });
    expect(immediate(sqlite, () => idem.lookup(sqlite, "demo", scope, "k1", h1))).toEqual({ kind: "miss" });
    immediate(sqlite, () =>
      idem.store(sqlite, {
        dealerId: "demo",
        scope,
        key: "k1",
        requestHash: h1,
        status: 201,
        body: { id: "x" },
        now: NOW,
      }),
    );
    // Same body with keys in another order is the same request.
    expect(idem.lookup(sqlite, "demo", scope, "k1", idem.requestHash({ a: [1, 2], b: 1 }))).toEqual({
      kind: "replay",
      status: 201,
      body: { id: "x" },
    });
    expect(idem.lookup(sqlite, "demo", scope, "k1", idem.requestHash({ a: [2, 1], b: 1 }))).toEqual({
      kind: "mismatch",
    });
  });

  it.each([
    ["another dealer", "other", scope],
    ["another endpoint", "demo", "PATCH /v1/dealers/{dealerId}/appointments/{id}"],
  ])("keeps keys separate per %s", (_, dealerId, otherScope) => {
    const { sqlite } = open();
    const h = idem.requestHash({});
    idem.store(sqlite, { dealerId: "demo", scope, key: "k", requestHash: h, status: 201, body: {}, now: NOW });
    expect(idem.lookup(sqlite, dealerId, otherScope, "k", h)).toEqual({ kind: "miss" });
  });

  it("forgets the key when the surrounding transaction rolls back", () => {
    const { sqlite } = open();
    const h = idem.requestHash({});
    expect(() =>
      immediate(sqlite, () => {
        idem.store(sqlite, { dealerId: "demo", scope, key: "k", requestHash: h, status: 201, body: {}, now: NOW });
        throw new Error("booking failed");
      }),
    ).toThrow();
    expect(idem.lookup(sqlite, "demo", scope, "k", h)).toEqual({ kind: "miss" });
  });

  it("keeps entries for 24 hours and purges them afterwards", () => {
    const { sqlite } = open();
    const h = idem.requestHash({});
    idem.store(sqlite, { dealerId: "demo", scope, key: "k", requestHash: h, status: 201, body: {}, now: NOW });
    expect(idem.purgeExpired(sqlite, NOW + idem.IDEMPOTENCY_TTL_MS - 1)).toBe(0);
    expect(idem.lookup(sqlite, "demo", scope, "k", h).kind).toBe("replay");
    expect(idem.purgeExpired(sqlite, NOW + idem.IDEMPOTENCY_TTL_MS + 1)).toBe(1);
    expect(idem.lookup(sqlite, "demo", scope, "k", h)).toEqual({ kind: "miss" });
  });

  it.each([
    ["a uuid", "2f1c7a4e-8d2b-4c1e-9f3a-1b2c3d4e5f60", true],
    ["an empty key", "", false],
    ["a key with spaces", "a b", false],
    ["a 201-character key", "k".repeat(201), false],
  ])("accepts %s as Idempotency-Key: %s", (_, key, ok) => {
    expect(idem.IdempotencyKey.safeParse(key).success).toBe(ok);
  });
});
