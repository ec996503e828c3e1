import { afterEach, describe, expect, it } from "vitest";
import { createAppWithJourney } from "../../src/app.js";
import type { Runtimes } from "../../src/scheduler/runtime.js";
import { BOUNDS_SQL, ChangeFeed, SINCE_SQL } from "../../src/db/change-feed.js";
import type { SqliteHandle } from "../../src/db/sqlite-handle.js";
import { beforeEveryWrite, immediate } from "../../src/db/tx.js";
import { openDatabase } from "../../src/node.js";
import { walCommitWatch } from "../../src/node/wal-watch.js";
import { ADMIN_TOKEN, createTestApp, FIXED_NOW } from "../support/app.js";
import { type Api, auth, availability, booking, romeDealer } from "../support/http.js";
import { type AppointmentView, type AvailabilityResponse, json } from "../support/contracts.js";

// Two server processes over one SQLite file (node.ts with WORKERS > 1), simulated as two
// apps in this process, each with its own connection, change feed and in-memory indexes.
// "a" and "b" never share memory: everything b knows of a's writes comes through the file.

const DEALER = "roma";
const query = availability({ from: "2026-11-24", days: 3, count: 3 });

interface Proc {
  api: Api;
  sqlite: SqliteHandle;
  runtimes: Runtimes;
}

const opened: Array<() => void> = [];
afterEach(() => opened.splice(0).forEach((close) => close()));

/** Process "a" owns the temp file; "b" opens the same file. beforeBegin: see the race test. */
function twoProcesses(beforeBegin?: { hook?: () => void }, watched = false): { a: Proc; b: Proc } {
  const first = createTestApp({ deps: { changeFeed: undefined } });
  const second = openDatabase(first.dbPath);
  // watched: each read asks the WAL header first, as node.ts sets it up.
  const feedOf = (sqlite: SqliteHandle) => {
    const feed = new ChangeFeed(sqlite, watched ? walCommitWatch(first.dbPath) : undefined);
    opened.push(() => feed.close());
    return feed;
  };
  const procOf = (db: typeof first.db, sqlite: SqliteHandle): Proc => {
    const { app, runtimes } = createAppWithJourney({
      db,
      sqlite,
      now: () => Date.parse(FIXED_NOW),
      adminToken: ADMIN_TOKEN,
      log: () => {},
      rateLimits: false,
      changeFeed: feedOf(sqlite),
    });
    return {
      sqlite,
      runtimes,
      api: async (method, path, body, headers = {}) =>
        app.request(path, {
          method,
          headers: { "Content-Type": "application/json", ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
    };
  };
  // b's handle can run something just before each of its transactions BEGINs: another
  // process committing between b's lookup of its runtime and b's BEGIN IMMEDIATE.
  const bHandle = new Proxy(second.sqlite as unknown as SqliteHandle, {
    get(target, prop, receiver) {
      if (prop === "transaction")
        return (fn: () => unknown) => ({
          immediate: () => (beforeBegin?.hook?.(), target.transaction(fn).immediate()),
        });
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  opened.push(
    () => second.sqlite.close(),
    () => first.close(),
  );
  return { a: procOf(first.db, first.sqlite), b: procOf(second.db, bHandle) };
}

/** The JSON body of an answer with the expected status (T: its contract type). */
async function ok<T = unknown>(res: Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = await json<T>(r);
  expect(r.status, JSON.stringify(body)).toBe(status);
  return body;
}
const offered = async (p: Proc) =>
  (await ok<AvailabilityResponse>(p.api("POST", `/v1/dealers/${DEALER}/availability`, query))).options.map(
    (o) => `${o.advisorId}@${o.start}`,
  );

describe.each([
  ["asking SQL on every read", false],
  ["asking the WAL header first", true],
])("processes sharing one database file, %s", (_, watched) => {
  it("forget their dealer's priority VINs when another process flags or unflags one (the feed, not this process's epoch)", async () => {
    const { a, b } = twoProcesses(undefined, watched);
    await ok(a.api("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth), 201);
    const vin = "ZAMFEEDPR10000001";
    const put = (priority: boolean) =>
      a.api("PUT", `/v1/dealers/${DEALER}/vehicles/${vin}`, { model: "Ghibli", priority }, auth);
    await ok(put(false), 201);
    for (const [priority, status] of [
      [true, 200],
      [false, 200],
    ] as const) {
      await offered(b); // b's runtime holds its set now
      const rt = b.runtimes.get(DEALER)!;
      rt.priorityVins = { epoch: Number.NaN, vins: new Set(["held"]) }; // no epoch could refresh it
      await ok(put(priority), status);
      expect(b.runtimes.get(DEALER)!.priorityVins).toBeNull();
    }
    // A priority vehicle's other facts (a plate, an owner at booking time) change no set: kept.
    await ok(put(true));
    b.runtimes.get(DEALER);
    const kept = { epoch: Number.NaN, vins: new Set<string>() };
    b.runtimes.get(DEALER)!.priorityVins = kept;
    await ok(
      a.api(
        "PUT",
        `/v1/dealers/${DEALER}/vehicles/${vin}`,
        { model: "Ghibli", plate: "AB123CD", priority: true },
        auth,
      ),
    );
    expect(b.runtimes.get(DEALER)!.priorityVins).toBe(kept);
  });

  it("stop offering a slot another process booked, once it committed", async () => {
    const { a, b } = twoProcesses(undefined, watched);
    await ok(a.api("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth), 201);
    const before = await offered(b); // b builds its index now, before a's booking
    const [advisorId, start] = before[0].split("@");
    await ok(a.api("POST", `/v1/dealers/${DEALER}/appointments`, booking({ start, advisorId })), 201);
    expect(await offered(b)).not.toContain(before[0]);
  });

  it("see a cancellation by another process: the slot is offered again", async () => {
    const { a, b } = twoProcesses(undefined, watched);
    await ok(a.api("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth), 201);
    const [slot] = await offered(b);
    const [advisorId, start] = slot.split("@");
    const appt = await ok<AppointmentView>(
      a.api("POST", `/v1/dealers/${DEALER}/appointments`, booking({ start, advisorId })),
      201,
    );
    expect(await offered(b)).not.toContain(slot);
    await ok(a.api("POST", `/v1/dealers/${DEALER}/appointments/${appt.id}/cancel`, {}, auth));
    expect(await offered(b)).toContain(slot);
  });

  it("refuse a slot that another process booked after this one looked its runtime up, before it began (409, one booking)", async () => {
    const race: { hook?: () => void } = {};
    const { a, b } = twoProcesses(race, watched);
    await ok(a.api("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth), 201);
    const [slot, other] = await offered(b);
    const [advisorId, start] = slot.split("@");
    const template = await ok<AppointmentView>(
      a.api(
        "POST",
        `/v1/dealers/${DEALER}/appointments`,
        booking({ start: other.split("@")[1], advisorId: other.split("@")[0] }),
      ),
      201,
    );
    // a commits the same slot in the gap between b's runtime lookup and b's BEGIN IMMEDIATE
    // (a copy of a's other booking moved onto it, written synchronously on a's connection):
    // only the replay right after BEGIN can tell b.
    const startMinute = Date.parse(start) / 60_000;
    race.hook = () => {
      race.hook = undefined;
      a.sqlite.exec(`CREATE TEMP TABLE copy AS SELECT * FROM appointments WHERE id = '${template.id}'`);
      a.sqlite
        .prepare(
          "UPDATE copy SET id = 'copy-1', manage_token_hash = 'copy-1', advisor_id = ?, reception_start = ?, return_start = NULL, return_minutes = NULL, return_advisor_id = NULL",
        )
        .run(advisorId, startMinute);
      a.sqlite.exec("INSERT INTO appointments SELECT * FROM copy");
    };
    const res = await b.api("POST", `/v1/dealers/${DEALER}/appointments`, booking({ start, advisorId }));
    expect(race.hook).toBeUndefined(); // the gap happened
    expect(res.status, await res.clone().text()).toBe(409);
    const rows = a.sqlite
      .prepare(
        "SELECT COUNT(*) AS n FROM appointments WHERE advisor_id = ? AND reception_start = ? AND status != 'cancelled'",
      )
      .get(advisorId, startMinute) as { n: number };
    expect(rows.n).toBe(1);
  });

  it("use another process's new configuration for the next search", async () => {
    const { a, b } = twoProcesses(undefined, watched);
    await ok(a.api("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth), 201);
    expect(
      (await ok<AvailabilityResponse>(b.api("POST", `/v1/dealers/${DEALER}/availability`, query))).options[0]
        .advisorName,
    ).toMatch(/Rossi|Neri/);
    await ok(
      a.api("PUT", `/v1/dealers/${DEALER}`, romeDealer({ advisors: [{ id: "carla", name: "Carla Verdi" }] }), auth),
    );
    const after = await ok<AvailabilityResponse>(b.api("POST", `/v1/dealers/${DEALER}/availability`, query));
    expect(after.options.map((o) => o.advisorId)).toEqual(after.options.map(() => "carla"));
  });
});

describe("the change feed's reads", () => {
  // Run on every write of a cluster's writer: a full scan of the feed (up to KEEP_CHANGES
  // rows) there made each write slower than the last (issue 17). Plans, not timings.
  it.each([
    ["its bounds (oldest and newest seq)", BOUNDS_SQL, []],
    ["the rows after the cursor", SINCE_SQL, [0]],
  ])("look up %s by the primary key, never by scanning the table", (_, sql, params) => {
    const { sqlite } = createTestApp({ deps: { changeFeed: undefined } });
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.join("; ")).toMatch(/SEARCH index_changes/);
    expect(plan.filter((d) => /^SCAN index_changes/.test(d))).toEqual([]);
  });

  // Once per booking in a group it cost ~2 % of the writer (issue 17): under the write
  // lock no other connection can commit, so the BEGIN hook's read is the last word.
  it("ask storage nothing again inside a write transaction that caught up at its BEGIN", () => {
    const { sqlite } = createTestApp({ deps: { changeFeed: undefined } });
    let asked = 0;
    const counting = new Proxy(sqlite, {
      get(target, key) {
        if (key === "prepare")
          return (source: string) => {
            const st = target.prepare(source);
            return {
              run: (...a: unknown[]) => st.run(...a),
              get: (...a: unknown[]) => (asked++, st.get(...a)),
              all: (...a: unknown[]) => (asked++, st.all(...a)),
            };
          };
        const v = Reflect.get(target, key);
        return typeof v === "function" ? v.bind(target) : v;
      },
    }) as unknown as SqliteHandle;
    const feed = new ChangeFeed(counting);
    beforeEveryWrite(counting, () => feed.read());
    const before = asked;
    immediate(counting, () => {
      expect(asked).toBeGreaterThan(before); // the hook caught up
      const caughtUp = asked;
      feed.read();
      immediate(counting, () => feed.read()); // a savepoint: the same lock
      expect(asked).toBe(caughtUp);
    });
    const after = asked;
    feed.read();
    expect(asked).toBeGreaterThan(after); // outside the lock it asks again
    expect(() =>
      immediate(counting, () => {
        throw new Error("refused");
      }),
    ).toThrow("refused");
    const afterRollback = asked;
    feed.read();
    expect(asked).toBeGreaterThan(afterRollback);
  });
});
