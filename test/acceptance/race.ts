import { describe, expect, it } from "vitest";
import { type Api, auth, availability, booking, putDealer, search, week } from "../support/http.js";
import type { Target } from "./target.js";
import { type AppointmentView, type DayBoard, json, type Problem } from "../support/contracts.js";

// Concurrency over HTTP: many customers reaching for the same last slot at once, and
// clients retrying with one Idempotency-Key in parallel. Run against the spawned Node
// server (node.test.ts) and the Worker (worker.test.ts), where the Durable Object is the
// serialization point. The server clock is frozen at Monday 2026-11-23 10:00 in Rome.

/**
 * `logLines`: the server's output so far (an "unhandled error" line fails the race even
 * when every status looked right).
 */
export function describeRace(runtime: () => Target, logLines: () => string[]): void {
  const http: Api = (...args) => runtime().api(...args);

  const ROUNDS = 20;
  const RACERS = 50;
  const LAST_SLOT = "2026-11-24T10:00:00+01:00";

  /**
   * A dealer with exactly one bookable reception: one advisor, open only on Tuesdays from
   * 10:00 to 10:15, and bookings taken at most 7 days ahead (next Tuesday is too far).
   */
  const oneSlotDealer = {
    name: "Last Slot Motors",
    timeZone: "Europe/Rome",
    openingHours: week([["10:00", "10:15"]], ["tue"]),
    advisors: [{ id: "anna", name: "Anna Rossi" }],
    receptionRules: { maxHorizonDays: 7 },
  };

  function appointmentsOf(dealerId: string): Array<{ id: string; status: string }> {
    return runtime().store.prepare("SELECT id, status FROM appointments WHERE dealer_id = ?").all(dealerId) as Array<{
      id: string;
      status: string;
    }>;
  }

  async function send(dealerId: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await http("POST", `/v1/dealers/${dealerId}/appointments`, body, headers);
    return {
      status: res.status,
      replayed: res.headers.get("idempotent-replayed"),
      body: await json<AppointmentView | Problem>(res),
    };
  }

  describe("the last slot under contention", () => {
    it(`gives ${RACERS} simultaneous bookers of the last slot exactly one 201 and ${RACERS - 1} clean 409s, ${ROUNDS} rounds in a row`, async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const dealerId = `last-slot-${round}`;
        await putDealer(http, dealerId, oneSlotDealer);
        const offered = await search(http, dealerId, availability({ days: 60 }));
        expect(offered.options.map((o) => o.start)).toEqual([LAST_SLOT]);
        expect(offered.shortfall).toMatchObject({ code: "insufficient_capacity" });
        const { optionId } = offered.options[0];

        // Half name the slot by optionId, half by start + advisor, as widget and phone staff would.
        const results = await Promise.all(
          Array.from({ length: RACERS }, (_, i) =>
            send(
              dealerId,
              booking(i % 2 ? { optionId } : { start: LAST_SLOT, advisorId: "anna" }, {
                customer: { known: true, name: `Customer ${i}`, email: `c${i}@example.com` },
              }),
            ),
          ),
        );

        const statuses = results.map((r) => r.status);
        expect(
          statuses.filter((s) => s >= 500),
          `round ${round}`,
        ).toEqual([]);
        expect(
          statuses.filter((s) => s === 201),
          `round ${round}`,
        ).toHaveLength(1);
        expect(
          statuses.filter((s) => s === 409),
          `round ${round}`,
        ).toHaveLength(RACERS - 1);
        for (const r of results.filter((x): x is typeof x & { body: Problem } => x.status === 409))
          expect(r.body.code).toBe("slot_unavailable");
        const winner = results.find((r): r is typeof r & { body: AppointmentView } => r.status === 201)!.body;
        expect(winner.reception).toMatchObject({ start: LAST_SLOT, advisorId: "anna" });

        // Storage and the day board agree: one booking, the winner's.
        expect(appointmentsOf(dealerId)).toEqual([{ id: winner.id, status: "requested" }]);
        const day = await json<DayBoard>(await http("GET", `/v1/dealers/${dealerId}/days/2026-11-24`, undefined, auth));
        const receptions = day.advisors.flatMap((a) => a.slots.filter((s) => s.kind === "reception"));
        expect(receptions).toEqual([expect.objectContaining({ appointmentId: winner.id, start: LAST_SLOT })]);
        // And nothing is left to offer.
        expect((await search(http, dealerId, availability({ days: 60 }))).options).toEqual([]);
      }
      expect(logLines().filter((l) => l.includes('"unhandled error"'))).toEqual([]);
    }, 120_000);
  });

  describe("parallel retries with one Idempotency-Key", () => {
    it("creates exactly one booking per key; every duplicate gets the same 201 as a replay", async () => {
      const dealerId = "idem-race";
      // Five advisors free at 10:00: without idempotency each duplicate could book one of them.
      await putDealer(http, dealerId, {
        name: "Idem Motors",
        timeZone: "Europe/Rome",
        advisors: ["a", "b", "c", "d", "e"].map((id) => ({ id, name: `Advisor ${id.toUpperCase()}` })),
      });
      const KEYS = 3;
      const DUPLICATES = 10;
      const requests = Array.from({ length: KEYS * DUPLICATES }, (_, i) => {
        const k = i % KEYS; // interleaved, so duplicates of different keys race each other
        return send(
          dealerId,
          booking(
            { start: "2026-11-25T10:00" },
            { customer: { known: true, name: `Customer ${k}`, email: `k${k}@example.com` } },
          ),
          { "Idempotency-Key": `retry-${k}` },
        ).then((r) => ({ ...r, k }));
      });
      const results = await Promise.all(requests);

      expect(results.map((r) => r.status)).toEqual(Array(KEYS * DUPLICATES).fill(201));
      const ids = new Set<string>();
      for (let k = 0; k < KEYS; k++) {
        const mine = results.filter((r) => r.k === k).map((r) => ({ ...r, body: r.body as AppointmentView })); // every answer was a 201 (asserted above)
        expect(new Set(mine.map((r) => r.body.id)).size).toBe(1);
        expect(mine.filter((r) => r.replayed === null)).toHaveLength(1); // the original
        expect(mine.filter((r) => r.replayed === "true")).toHaveLength(DUPLICATES - 1);
        for (const r of mine) expect(r.body).toEqual(mine[0].body);
        ids.add(mine[0].body.id);
      }
      expect(ids.size).toBe(KEYS);
      expect(
        appointmentsOf(dealerId)
          .map((a) => a.id)
          .sort(),
      ).toEqual([...ids].sort());
    });
  });
}
