import { describe, expect, it } from "vitest";
import { type Api, auth, availability, book, booking, putDealer, search, week } from "../support/http.js";
import type { Target } from "./target.js";
import { type AppointmentView, json, type Problem } from "../support/contracts.js";

// The stampede: 200 customers at once for the last 3 slots. Pass figure: exactly three
// 201s, 197 clean 409s, zero 5xx, zero overbooking. Rate limits are off (all 200 come
// from one address here); the per-contact cap is on, and every racer is a different
// customer. Runs against the spawned Node server and the Worker (node.test.ts, worker.test.ts).

const RACERS = 200;

/** Four advisors, open only Tuesday 10:00–10:15, bookable at most 7 days ahead: four slots in all. */
const fourSlots = {
  name: "Stampede Motors",
  timeZone: "Europe/Rome",
  openingHours: week([["10:00", "10:15"]], ["tue"]),
  advisors: ["anna", "bruno", "carla", "dario"].map((id) => ({ id, name: id })),
  receptionRules: { maxHorizonDays: 7 },
  express: { reservedReceptions: { morning: 0, afternoon: 0 }, defaultReservedHours: 0, heldCourtesyCars: 0 },
};
const SLOT = "2026-11-24T10:00:00+01:00";

/** `logLines`: the server's output so far (an "unhandled error" line fails the stampede). */
export function describeStampede(runtime: () => Target, logLines: () => string[]): void {
  const http: Api = (...args) => runtime().api(...args);

  describe("200 concurrent bookings for the last 3 slots", () => {
    it("gives exactly three 201s and 197 slot_unavailable, never a 5xx, never an overbooked advisor", async () => {
      const dealerId = "stampede";
      await putDealer(http, dealerId, fourSlots);
      // One of the four is taken already: three remain.
      await book(http, dealerId, booking({ start: SLOT, advisorId: "anna" }), auth);
      // (The search offers one advisor per time: a customer gets a choice of times, not of desks.)
      const offered = await search(http, dealerId, availability({ days: 7, count: 5 }));
      expect(offered.options.map((o) => o.start)).toEqual([SLOT]);
      const { optionId } = offered.options[0];
      const free = ["bruno", "carla", "dario"];

      const results = await Promise.all(
        Array.from({ length: RACERS }, async (_, i) => {
          // A third name the option, a third the start and an advisor, a third only the start.
          const slot =
            i % 3 === 0
              ? { optionId }
              : i % 3 === 1
                ? { start: SLOT, advisorId: free[i % 9 < 3 ? 0 : i % 9 < 6 ? 1 : 2] }
                : { start: "2026-11-24T10:00" };
          const res = await http(
            "POST",
            `/v1/dealers/${dealerId}/appointments`,
            booking(slot, { customer: { known: true, name: `Racer ${i}`, email: `racer${i}@example.com` } }),
          );
          return { status: res.status, body: await json<AppointmentView | Problem>(res) };
        }),
      );

      const count = (s: number) => results.filter((r) => r.status === s).length;
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      expect(count(201)).toBe(3);
      expect(count(409)).toBe(RACERS - 3);
      for (const r of results.filter((x): x is typeof x & { body: Problem } => x.status === 409))
        expect(r.body.code).toBe("slot_unavailable");
      const winners = results
        .filter((r): r is typeof r & { body: AppointmentView } => r.status === 201)
        .map((r) => r.body.reception.advisorId)
        .sort();
      expect(winners).toEqual(["bruno", "carla", "dario"]);

      // Storage: four receptions at 10:00, one per advisor, nothing else.
      const store = runtime().store;
      const rows = store
        .prepare("SELECT advisor_id, reception_start FROM appointments WHERE dealer_id = ?")
        .all(dealerId) as Array<{ advisor_id: string; reception_start: number }>;
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((r) => r.advisor_id)).size).toBe(4);
      const overlapping = store
        .prepare(
          `SELECT count(*) AS n FROM appointments a JOIN appointments b ON a.id < b.id AND a.dealer_id = b.dealer_id AND a.advisor_id = b.advisor_id
           AND a.status NOT IN ('cancelled','no_show') AND b.status NOT IN ('cancelled','no_show')
           AND a.reception_start < b.reception_start + b.reception_minutes AND b.reception_start < a.reception_start + a.reception_minutes
           WHERE a.dealer_id = ?`,
        )
        .all(dealerId) as Array<{ n: number }>;
      // One row per store read (one per Durable Object on Workers): every count must be 0.
      expect(overlapping.length).toBeGreaterThan(0);
      expect(overlapping.reduce((n, r) => n + r.n, 0)).toBe(0);
      expect((await search(http, dealerId, availability({ days: 7 }))).options).toEqual([]);
      expect(logLines().filter((l) => l.includes('"unhandled error"'))).toEqual([]);
    }, 90_000);
  });
}
