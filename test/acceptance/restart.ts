import { afterAll, describe, expect, it } from "vitest";
import { type ServerRuntime, type SpawnedServer, spawnServer } from "../support/server.js";
import {
  type Api,
  auth,
  availability,
  book,
  booking,
  expectProblem,
  fetchApi,
  putDealer,
  romeDealer,
  search,
} from "../support/http.js";
import { fileStore, storeFiles } from "./target.js";
import { type AppointmentView, json, withoutStaffFields } from "../support/contracts.js";

// Crash safety: a 201 is a promise. After SIGKILL (no shutdown hook, no flush) a restart
// on the same state must still hold every acknowledged booking, and the in-memory
// capacity index must be rebuilt from it.
//   node    SIGKILL the server process; restart on the same DATABASE_PATH
//   worker  SIGKILL wrangler AND workerd (the process group): every Durable Object dies
//           with its in-memory index; restart on the same --persist-to directory, so
//           the dealer's object wakes up from its SQLite storage alone

const DEALER = "crash-motors";
const LOAD_ENV = { SEED_DEMO: "0", RATE_LIMITS: "off", MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0" };
const query = availability({ from: "2026-11-24", days: 14, count: 4 });

export function describeRestart(runtime: ServerRuntime): void {
  const started: SpawnedServer[] = [];
  afterAll(async () => {
    // Later servers first: the first one owns (and removes) the temp dir with the state.
    for (const s of started.reverse()) await s.stop();
  });

  describe("SIGKILL and restart on the same state", () => {
    it("keeps every acknowledged booking and rebuilds the capacity index from storage", async () => {
      // One customer books two dozen slots from one address: no rate limits, no per-contact cap.
      const first = await spawnServer({ runtime, env: LOAD_ENV });
      started.push(first);
      const before: Api = fetchApi(first.baseUrl);
      await putDealer(before, DEALER, romeDealer());

      // 1. Book the four options the search offers on an empty calendar.
      const offered = (await search(before, DEALER, query)).options;
      expect(offered).toHaveLength(4);
      const acknowledged: AppointmentView[] = [];
      for (const o of offered) acknowledged.push(await book(before, DEALER, booking({ optionId: o.optionId })));

      // 2. A burst of bookings for distinct Thursday slots; the process is killed as soon as
      //    five of them have been acknowledged, with the rest still in flight. Trap: count
      //    201s, not answers: the desk caps refuse some of these slots (409), and the order
      //    in which answers arrive differs from run to run.
      const times = ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15"];
      const slots = times.flatMap((time) =>
        ["anna", "bruno"].map((advisorId) => ({ start: `2026-11-26T${time}`, advisorId })),
      );
      let created = 0;
      const burst = await Promise.allSettled(
        slots.map(async (slot) => {
          const res = await before("POST", `/v1/dealers/${DEALER}/appointments`, booking(slot));
          const body = await json<AppointmentView>(res); // pushed below only when 201
          if (res.status === 201 && ++created === 5) first.kill("SIGKILL");
          return { status: res.status, body };
        }),
      );
      if (created < 5) first.kill("SIGKILL"); // fails below, but does not hang on `exited`
      const { code, signal } = await first.exited;
      expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
      expect(first.stdoutLines().some((l) => l.includes('"msg":"shutting down"'))).toBe(false); // no graceful path ran
      for (const r of burst) if (r.status === "fulfilled" && r.value.status === 201) acknowledged.push(r.value.body);
      expect(acknowledged.length).toBeGreaterThanOrEqual(4 + 5);

      // 3. Restart on the same state.
      const second = await spawnServer({ runtime, dbPath: first.dbPath, env: LOAD_ENV });
      started.push(second);
      const restarted = fetchApi(second.baseUrl);

      // Every acknowledged booking is there, exactly as acknowledged.
      for (const appt of acknowledged) {
        const res = await restarted("GET", `/v1/dealers/${DEALER}/appointments/${appt.id}`, undefined, auth);
        expect(res.status, appt.id).toBe(200);
        const { manageToken: _, ...view } = appt;
        expect(withoutStaffFields((await res.json()) as Record<string, unknown>)).toEqual(view);
      }
      if (runtime === "worker") {
        // The dealer's object woke up fresh and rebuilt its index from storage.
        const rebuilt = second
          .stdoutLines()
          .filter((l) => l.includes('"dealer state rebuilt from storage"') && l.includes(`"dealerId":"${DEALER}"`));
        expect(rebuilt.map((l) => JSON.parse(l).found)).toEqual([true]);
      }

      // The index was rebuilt: the search no longer offers any booked slot...
      const booked = new Set(acknowledged.map((a) => `${a.reception.advisorId}@${a.reception.start}`));
      const reoffered = (await search(restarted, DEALER, query)).options;
      expect(reoffered.length).toBeGreaterThanOrEqual(2);
      for (const o of reoffered) expect(booked.has(`${o.advisorId}@${o.start}`), o.start).toBe(false);

      // ...and booking one of them again is refused.
      for (const appt of acknowledged) {
        const again = await restarted(
          "POST",
          `/v1/dealers/${DEALER}/appointments`,
          booking({ start: appt.reception.start, advisorId: appt.reception.advisorId }),
        );
        await expectProblem(again, 409, "slot_unavailable");
      }

      // The files are sound, and hold the acknowledged bookings plus at most the ones that
      // committed while their answer was lost with the process.
      const store = fileStore(storeFiles(first));
      try {
        expect(
          (store.prepare("PRAGMA integrity_check").all() as Array<{ integrity_check: string }>).map(
            (r) => r.integrity_check,
          ),
        ).toEqual(expect.arrayContaining(["ok"]));
        expect(
          (store.prepare("PRAGMA integrity_check").all() as Array<{ integrity_check: string }>).filter(
            (r) => r.integrity_check !== "ok",
          ),
        ).toEqual([]);
        const ids = (
          store.prepare("SELECT id FROM appointments WHERE dealer_id = ?").all(DEALER) as Array<{ id: string }>
        ).map((r) => r.id);
        expect(ids).toEqual(expect.arrayContaining(acknowledged.map((a) => a.id)));
        expect(ids.length).toBeLessThanOrEqual(offered.length + slots.length);
      } finally {
        store.close();
      }
    }, 120_000);
  });
}
