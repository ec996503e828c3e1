import { afterAll, describe, expect, it } from "vitest";
import { type SpawnedServer, spawnServer } from "../helpers/server.js";
import { type Api, auth, availability, book, booking, expectProblem, fetchApi, putDealer, readDb, romeDealer, search } from "./support.js";

// Crash safety of the REAL server: a 201 is a promise. After SIGKILL (no shutdown hook,
// no flush) a restart on the same DATABASE_PATH must still hold every acknowledged
// booking, and the in-memory capacity index must be rebuilt from it.

const started: SpawnedServer[] = [];
afterAll(async () => {
  // Later servers first: the first one owns (and removes) the temp dir with the database.
  for (const s of started.reverse()) await s.stop();
});

const DEALER = "crash-motors";
const LOAD_ENV = { SEED_DEMO: "0", RATE_LIMITS: "off", MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0" };
const query = availability({ from: "2026-11-24", days: 14, count: 4 });

describe("SIGKILL and restart on the same database (real server)", () => {
  it("keeps every acknowledged booking and rebuilds the capacity index from storage", async () => {
    // One customer books two dozen slots from one address: no rate limits, no per-contact cap.
    const first = await spawnServer({ env: LOAD_ENV });
    started.push(first);
    const before: Api = fetchApi(first.baseUrl);
    await putDealer(before, DEALER, romeDealer());

    // 1. Book the four options the search offers on an empty calendar.
    const offered = (await search(before, DEALER, query)).options;
    expect(offered).toHaveLength(4);
    const acknowledged: any[] = [];
    for (const o of offered) acknowledged.push(await book(before, DEALER, booking({ optionId: o.optionId })));

    // 2. A burst of bookings for distinct Thursday slots; the process is killed as soon as
    //    five of them have been answered, with the rest still in flight.
    const times = ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15"];
    const slots = times.flatMap((time) => ["anna", "bruno"].map((advisorId) => ({ start: `2026-11-26T${time}`, advisorId })));
    let answered = 0;
    const burst = await Promise.allSettled(
      slots.map(async (slot) => {
        const res = await before("POST", `/v1/dealers/${DEALER}/appointments`, booking(slot));
        const body = await res.json();
        if (++answered === 5) first.kill("SIGKILL");
        return { status: res.status, body };
      }),
    );
    const { code, signal } = await first.exited;
    expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
    expect(first.stdoutLines().some((l) => l.includes('"msg":"shutting down"'))).toBe(false); // no graceful path ran
    for (const r of burst) if (r.status === "fulfilled" && r.value.status === 201) acknowledged.push(r.value.body);
    expect(acknowledged.length).toBeGreaterThanOrEqual(4 + 5);

    // 3. Restart on the same file.
    const second = await spawnServer({ dbPath: first.dbPath, env: LOAD_ENV });
    started.push(second);
    const after = fetchApi(second.baseUrl);

    // Every acknowledged booking is there, exactly as acknowledged.
    for (const appt of acknowledged) {
      const res = await after("GET", `/v1/dealers/${DEALER}/appointments/${appt.id}`, undefined, auth);
      expect(res.status, appt.id).toBe(200);
      const { manageToken: _, ...view } = appt;
      expect(await res.json()).toEqual(view);
    }

    // The index was rebuilt: the search no longer offers any booked slot...
    const booked = new Set(acknowledged.map((a) => `${a.reception.advisorId}@${a.reception.start}`));
    const reoffered = (await search(after, DEALER, query)).options;
    expect(reoffered.length).toBeGreaterThanOrEqual(2);
    for (const o of reoffered) expect(booked.has(`${o.advisorId}@${o.start}`), o.start).toBe(false);

    // ...and booking one of them again is refused.
    for (const appt of acknowledged) {
      const again = await after("POST", `/v1/dealers/${DEALER}/appointments`, booking({ start: appt.reception.start, advisorId: appt.reception.advisorId }));
      await expectProblem(again, 409, "slot_unavailable");
    }

    // The file is sound, and holds the acknowledged bookings plus at most the ones that
    // committed while their answer was lost with the process.
    const db = readDb(first.dbPath);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const ids = (db.prepare("SELECT id FROM appointments WHERE dealer_id = ?").all(DEALER) as Array<{ id: string }>).map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(acknowledged.map((a) => a.id)));
      expect(ids.length).toBeLessThanOrEqual(offered.length + slots.length);
    } finally {
      db.close();
    }
  }, 90_000);
});
