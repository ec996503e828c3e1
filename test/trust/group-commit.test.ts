import { toldSupervisor } from "../support/supervisor.js";
import { afterEach, describe, expect, it } from "vitest";
import { createAppWithJourney } from "../../src/app.js";
import { Runtimes } from "../../src/scheduler/runtime.js";
import { runDue } from "../../src/scheduler/journey/runner.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { putDealer, romeDealer, type Api } from "../support/http.js";

// Group commit (src/db/group-commit.ts): the writes that arrive together share one
// transaction, each in its own savepoint. 200 bookings race for 100 slots, two customers
// per slot: exactly one of each pair is stored, the other gets its own 409 and leaves no
// trace (no appointment, customer, vehicle, timer, message, audit row or idempotency
// record), and the in-memory index equals one rebuilt from the database.

const ADVISORS = Array.from({ length: 10 }, (_, i) => ({ id: `sa-${i}`, name: `Advisor ${i}` }));
/** Ten weekdays after the frozen "now" (Monday 2026-11-23): one reception per advisor per day, so no two slots share a rule. */
const DAYS = [
  "2026-11-24",
  "2026-11-25",
  "2026-11-26",
  "2026-11-27",
  "2026-11-30",
  "2026-12-01",
  "2026-12-02",
  "2026-12-03",
  "2026-12-04",
  "2026-12-07",
];

let t: TestApp | undefined;
afterEach(() => t?.close());

function racer(i: number, slot: { start: string; advisorId: string }) {
  return {
    ...slot,
    vehicle: { model: "Grecale", vin: `ZN6RACER${String(i).padStart(9, "0")}` },
    interventions: ["tyres"],
    customer: {
      known: true,
      name: `Racer ${i}`,
      email: `racer-${i}@example.com`,
      reminders: { consent: true, channel: "email" },
    },
    mobility: "none",
    channel: "web",
  };
}

describe("group commit", () => {
  it("commits exactly one booking per contested slot; every refused one answers 409 alone and stores nothing", async () => {
    t = createTestApp();
    const groups: number[] = [];
    const { app, runtimes } = createAppWithJourney({ ...t.deps, groupCommit: { onGroup: (n) => groups.push(n) } });
    const api: Api = async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await putDealer(
      api,
      "race",
      romeDealer({
        advisors: ADVISORS,
        openingHours: {
          mon: [["08:00", "18:00"]],
          tue: [["08:00", "18:00"]],
          wed: [["08:00", "18:00"]],
          thu: [["08:00", "18:00"]],
          fri: [["08:00", "18:00"]],
          sat: [],
          sun: [],
        },
        workshop: {
          mechanical: { technicians: 100, hoursPerDay: 8 },
          diagnosis: { technicians: 1, hoursPerDay: 7 },
          bodywork: { technicians: 1, hoursPerDay: 7 },
        },
      }),
    );
    const before = counts(t);
    const slots = DAYS.flatMap((day) =>
      ADVISORS.map((a, k) => ({ start: `${day}T${String(8 + k).padStart(2, "0")}:00`, advisorId: a.id })),
    );
    expect(slots).toHaveLength(100);
    // Request i and i + 100 want the same slot; all 200 are in flight at once.
    const bodies = Array.from({ length: 200 }, (_, i) => racer(i, slots[i % 100]));
    const answers = await Promise.all(
      bodies.map(async (b, i) => {
        const res = await api("POST", "/v1/dealers/race/appointments", b, { "Idempotency-Key": `racer-${i}` });
        return { i, status: res.status, body: (await res.json()) as { id?: string; code?: string } };
      }),
    );

    expect(groups.some((n) => n > 1)).toBe(true); // the writes really were committed together
    expect(groups.reduce((a, b) => a + b, 0)).toBe(200);
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status !== 201);
    for (const a of lost) expect(a).toMatchObject({ status: 409, body: { code: "slot_unavailable" } });
    for (let s = 0; s < 100; s++) expect(answers.filter((a) => a.i % 100 === s && a.status === 201)).toHaveLength(1);

    // Stored: the winners' rows and nothing of the losers.
    const winners = new Set(won.map((a) => a.i));
    const ids = new Set(won.map((a) => a.body.id!));
    const rows = t.sqlite.prepare("SELECT id FROM appointments WHERE dealer_id = 'race'").all() as Array<{
      id: string;
    }>;
    expect(new Set(rows.map((r) => r.id))).toEqual(ids);
    const emails = t.sqlite.prepare("SELECT email FROM customers WHERE dealer_id = 'race'").all() as Array<{
      email: string;
    }>;
    expect(new Set(emails.map((r) => r.email))).toEqual(new Set([...winners].map((i) => `racer-${i}@example.com`)));
    const vins = t.sqlite.prepare("SELECT vin FROM vehicles WHERE dealer_id = 'race'").all() as Array<{ vin: string }>;
    expect(new Set(vins.map((r) => r.vin))).toEqual(new Set([...winners].map((i) => bodies[i].vehicle.vin)));
    const jobOwners = t.sqlite
      .prepare("SELECT DISTINCT appointment_id AS id FROM jobs WHERE dealer_id = 'race' AND appointment_id IS NOT NULL")
      .all() as Array<{ id: string }>;
    // No loser has a timer (the winners' fire once each at the end of this test).
    for (const r of jobOwners) expect(ids).toContain(r.id);
    // The supervisor was told of each winner once (a group's bookings in one notice), of no loser.
    expect(toldSupervisor(t.sqlite, "race")).toEqual([...ids].sort());
    const after = counts(t);
    expect(after.audit - before.audit).toBe(100);
    expect(after.idempotency - before.idempotency).toBe(100);

    // A refused request's Idempotency-Key stuck to nothing: retried on a free slot, it books.
    const loser = lost[0];
    const retry = await api(
      "POST",
      "/v1/dealers/race/appointments",
      racer(loser.i, { start: "2026-12-08T15:00", advisorId: "sa-0" }),
      { "Idempotency-Key": `racer-${loser.i}` },
    );
    expect(retry.status).toBe(201);

    // The index the app kept through the race equals one rebuilt from the database.
    const kept = runtimes.get("race")!.index.bookings;
    const rebuilt = new Runtimes(t.db, t.deps.now).get("race")!.index.bookings;
    const norm = (m: Map<string, unknown>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(norm(kept)).toEqual(norm(rebuilt));
    expect(kept.size).toBe(101);

    // Every booking's timers are there once, whether written with it (after its group's
    // last booking) or derived from it when due (journey/derived-timers.ts); no loser's ever.
    const booked = [...ids, ((await retry.json()) as { id: string }).id].sort();
    const { ran } = runDue({ db: t.db, sqlite: t.sqlite, runtimes }, Date.parse("2026-12-10T00:00:00Z"), {
      maxBatches: 50,
    });
    const timed = (kind: string) =>
      (
        t!.sqlite
          .prepare("SELECT appointment_id AS id FROM jobs WHERE dealer_id = 'race' AND kind = ? ORDER BY id")
          .all(kind) as Array<{ id: string }>
      ).map((r) => r.id);
    // (A no-show before the confirm-overdue alert cancels the alert: receptions on the 24th before 10:00.)
    expect(timed("confirm_overdue")).toEqual(booked);
    expect(timed("no_show_check")).toEqual(booked);
    expect(
      ran
        .filter((r) => r.kind === "no_show_check")
        .map((r) => r.appointmentId)
        .sort(),
    ).toEqual(booked);
  });

  it("replays, in the same group, a retry that reuses the key and body of a booking just made", async () => {
    t = createTestApp();
    const { app } = createAppWithJourney({ ...t.deps, groupCommit: true });
    const api: Api = async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await putDealer(api, "race", romeDealer({ advisors: ADVISORS }));
    const body = racer(1, { start: "2026-11-24T10:00", advisorId: "sa-1" });
    const [a, b] = await Promise.all(
      [0, 1].map(() => api("POST", "/v1/dealers/race/appointments", body, { "Idempotency-Key": "same" })),
    );
    expect([a.status, b.status]).toEqual([201, 201]);
    const [ja, jb] = [(await a.json()) as { id: string }, (await b.json()) as { id: string }];
    expect(jb.id).toBe(ja.id);
    expect(b.headers.get("Idempotent-Replayed")).toBe("true");
    expect(
      (t.sqlite.prepare("SELECT count(*) AS n FROM appointments WHERE dealer_id = 'race'").get() as { n: number }).n,
    ).toBe(1);
  });
});

function counts(app: TestApp) {
  const n = (sql: string) => (app.sqlite.prepare(sql).get() as { n: number }).n;
  return {
    audit: n("SELECT count(*) AS n FROM audit_log"),
    idempotency: n("SELECT count(*) AS n FROM idempotency_keys"),
  };
}
