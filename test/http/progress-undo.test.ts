import { afterEach, describe, expect, it } from "vitest";
import { Runtimes } from "../../src/scheduler/runtime.js";
import type { AppointmentView } from "../support/contracts.js";
import { json } from "../support/contracts.js";
import { auth, book, booking, inProcess, type InProcess, putDealer, romeDealer } from "../support/http.js";

// A progress report re-plans the technician's jobs in the in-memory index before its
// transaction commits (scheduler/progress/report.ts). When the write fails after that, the
// index must be put back exactly: otherwise it holds a plan the database never stored,
// and searches and bookings check against it until the next restart. The failure is
// injected with a real SQLite trigger on the second car's row.

const DAY = "2026-11-25";
let t: InProcess;
afterEach(() => t.close());

describe("a progress report whose write fails", () => {
  it("leaves the in-memory index equal to one rebuilt from the database", async () => {
    const clock = { ms: Date.parse("2026-11-23T09:00:00Z") };
    t = inProcess({ deps: { now: () => clock.ms } });
    const roster = { workshop: { mechanical: [{ id: "luca", name: "Luca Verdi" }], diagnosis: [], bodywork: [] } };
    await putDealer(t.api, "uno", romeDealer(roster));
    const a = await book(t.api, "uno", booking({ start: `${DAY}T09:00`, advisorId: "anna" }), auth);
    const b = await book(t.api, "uno", booking({ start: `${DAY}T09:15`, advisorId: "bruno" }), auth);
    clock.ms = Date.parse(`${DAY}T10:00:00+01:00`);
    let version = 0;
    for (const id of [a.id, b.id]) {
      const res = await t.api("POST", `/v1/dealers/uno/appointments/${id}/check-in`, {}, auth);
      expect(res.status).toBe(200);
      if (id === a.id) version = (await json<AppointmentView>(res)).version;
    }
    const rows = () => t.sqlite.prepare("SELECT id, version, ready_at FROM appointments ORDER BY id").all();
    const stored = rows();
    t.sqlite.exec(
      `CREATE TEMP TRIGGER fail_second BEFORE UPDATE ON appointments WHEN OLD.id = '${b.id}'
       BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    clock.ms = Date.parse(`${DAY}T10:30:00+01:00`);
    // Three hours left on A: A and B (after it, same mechanic) both move, and B's write fails.
    const res = await t.api(
      "POST",
      `/v1/dealers/uno/appointments/${a.id}/progress`,
      { state: "started", remainingHours: 3 },
      {
        ...auth,
        "If-Match": String(version),
      },
    );
    expect(res.status).toBe(500);
    // The failure was the injected one, on B's row, after A's re-plan: nothing stored.
    expect(rows()).toEqual(stored);
    const probe = t.sqlite.prepare(`UPDATE appointments SET version = version WHERE id = ?`);
    expect(() => probe.run(b.id)).toThrow("injected failure");
    const kept = t.runtimes.get("uno")!.index.bookings;
    const rebuilt = new Runtimes(t.db, t.deps.now).get("uno")!.index.bookings;
    const norm = (m: Map<string, unknown>) => [...m.entries()].sort(([x], [y]) => x.localeCompare(y));
    expect(norm(kept)).toEqual(norm(rebuilt));
  });
});
