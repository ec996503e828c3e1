import { afterAll, describe, expect, it } from "vitest";
import { type ServerRuntime, type SpawnedServer, spawnServer } from "../support/server.js";
import { availability, book, booking, expectProblem, fetchApi, putDealer, romeDealer } from "../support/http.js";
import { type DayResponse, type HoldView, json } from "../support/contracts.js";

// Holds are stored, not kept in memory: after SIGKILL and a restart on the same state
// (node: the DATABASE_PATH; worker: every Durable Object wakes from its SQLite alone) the
// rebuilt index still counts a live hold, and only its holdId books the slot.

const DEALER = "hold-motors";
const ENV = { SEED_DEMO: "0", RATE_LIMITS: "off" };

export function describeHoldRestart(runtime: ServerRuntime): void {
  const started: SpawnedServer[] = [];
  afterAll(async () => {
    for (const s of started.reverse()) await s.stop();
  });

  describe("holds across SIGKILL and restart", () => {
    it("a live hold survives: the slot is still withheld, and the holdId still books it", async () => {
      const first = await spawnServer({ runtime, env: ENV, readyTimeoutMs: 120_000 });
      started.push(first);
      const api1 = fetchApi(first.baseUrl);
      await putDealer(api1, DEALER, romeDealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] }));
      const day = availability({ date: "2026-11-24" });
      const [slot] = (await json<DayResponse>(await api1("POST", `/v1/dealers/${DEALER}/availability/day`, day)))
        .options;
      const res = await api1("POST", `/v1/dealers/${DEALER}/holds`, {
        optionId: slot.optionId,
        vehicle: { model: "Grecale" },
        interventions: ["maintenance"],
        customer: { known: true },
      });
      expect(res.status).toBe(201);
      const held = await json<HoldView>(res);

      first.kill("SIGKILL");
      await first.exited;
      const second = await spawnServer({ runtime, env: ENV, dbPath: first.dbPath, readyTimeoutMs: 120_000 });
      started.push(second);
      const api2 = fetchApi(second.baseUrl);

      const starts = (
        await json<DayResponse>(await api2("POST", `/v1/dealers/${DEALER}/availability/day`, day))
      ).options.map((o) => o.start);
      expect(starts).not.toContain(slot.start);
      await expectProblem(
        await api2("POST", `/v1/dealers/${DEALER}/appointments`, booking({ optionId: slot.optionId })),
        409,
        "slot_unavailable",
      );
      const appt = await book(api2, DEALER, booking({ optionId: held.option.optionId }, { holdId: held.holdId }));
      expect(appt.reception.start).toBe(slot.start);
    }, 120_000);
  });
}
