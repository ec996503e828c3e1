import { describe, expect, it } from "vitest";
import { type AppointmentView, json, type ProgressView } from "../support/contracts.js";
import { auth, book, booking, clockedAppPerFile, expectProblem, ms } from "../support/http.js";

// A check-in (POST …/appointments/{id}/check-in) opens on the reception's local day in the
// dealer's zone: days before, the car is not there (it was a wrong click that started the
// workshop's timers and let the job be completed before the visit). On the day itself an
// early customer is checked in at once. The clock starts at Monday 2026-11-23 10:00 in
// Rome (FIXED_NOW) and this file moves it.

const { t, api, dealer, act, get, now, setNow } = clockedAppPerFile("check-in-day");
/** Sets the clock to a Rome wall-clock instant (UTC+1 in November). */
const setClock = (local: string) => setNow(`${local}:00+01:00`);

describe("a check-in before the reception's day", () => {
  it.each([
    ["four days before", "2026-11-23T10:00"],
    ["the evening before", "2026-11-26T23:59"],
  ])(
    "is refused %s (409, a sentence saying when it opens), stores nothing, and complete stays closed",
    async (_, at) => {
      setClock("2026-11-23T10:00");
      const d = await dealer();
      const requested = await book(api, d, booking({ start: "2026-11-27T10:00", advisorId: "anna" }), auth);
      const confirmed = await book(api, d, booking({ start: "2026-11-27T10:00", advisorId: "bruno" }), auth);
      expect((await act(d, confirmed.id, "confirm")).status).toBe(200);
      setClock(at);
      for (const [b, status, version] of [
        [requested, "requested", 1],
        [confirmed, "confirmed", 2],
      ] as const) {
        const before = t.snapshot();
        const problem = await expectProblem(await act(d, b.id, "check-in"), 409, "invalid_transition");
        expect(problem.detail).toMatch(/^check-in opens on the appointment's day \(2026-11-27\)/);
        expect(problem).toMatchObject({ receptionStart: "2026-11-27T10:00:00+01:00", opensOn: "2026-11-27" });
        expect(t.snapshot()).toEqual(before);
        expect(await get(d, b.id)).toMatchObject({ status, version });
        // Not checked in, so neither completed nor reported on.
        await expectProblem(await act(d, b.id, "complete"), 409, "invalid_transition");
        await expectProblem(
          await api(
            "POST",
            `/v1/dealers/${d}/appointments/${b.id}/progress`,
            { state: "done" },
            {
              ...auth,
              "If-Match": String(version),
            },
          ),
          409,
          "invalid_transition",
        );
      }
    },
  );
});

describe("a check-in on the reception's day", () => {
  it("takes an early customer at once, from midnight in the dealer's zone", async () => {
    setClock("2026-11-23T10:00");
    const d = await dealer();
    const b = await book(api, d, booking({ start: "2026-11-27T10:00", advisorId: "anna" }), auth);
    setClock("2026-11-27T00:00");
    expect(await (await act(d, b.id, "check-in")).json()).toMatchObject({ status: "checked_in", version: 2 });
  });

  it("keeps the late check-in after a no-show", async () => {
    setClock("2026-11-23T10:00");
    const d = await dealer();
    const b = await book(api, d, booking({ start: "2026-11-27T10:00", advisorId: "anna" }), auth);
    setClock("2026-11-27T10:30");
    expect((await act(d, b.id, "no-show")).status).toBe(200);
    setClock("2026-11-27T11:15");
    expect(await (await act(d, b.id, "check-in")).json()).toMatchObject({ status: "checked_in", version: 3 });
  });

  it("lets a job the workshop reports done be ready before the planned reception (the car is in, the work is a fact)", async () => {
    setClock("2026-11-23T10:00");
    const d = await dealer();
    const b = await book(api, d, booking({ start: "2026-11-27T11:00", advisorId: "anna" }), auth);
    setClock("2026-11-27T08:05");
    const inAt = await json<AppointmentView>(await act(d, b.id, "check-in"));
    // "started" plans the work from the planned reception on: the promise stays conservative.
    setClock("2026-11-27T08:10");
    const started = await json<ProgressView>(
      await api(
        "POST",
        `/v1/dealers/${d}/appointments/${b.id}/progress`,
        { state: "started" },
        {
          ...auth,
          "If-Match": String(inAt.version),
        },
      ),
    );
    expect(ms(started.appointment.readyAt)).toBeGreaterThan(ms(b.reception.end));
    setClock("2026-11-27T10:00");
    const done = await json<ProgressView>(
      await api(
        "POST",
        `/v1/dealers/${d}/appointments/${b.id}/progress`,
        { state: "done" },
        {
          ...auth,
          "If-Match": String(started.appointment.version),
        },
      ),
    );
    expect(ms(done.appointment.readyAt)).toBeGreaterThanOrEqual(now());
    expect(ms(done.appointment.readyAt)).toBeLessThan(ms(b.reception.start));
  });
});
