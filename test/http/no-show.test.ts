import { describe, expect, it } from "vitest";
import { auth, book, booking, clockedAppPerFile, expectProblem } from "../support/http.js";

// Staff marking a no-show (POST …/appointments/{id}/no-show): a customer has missed
// nothing before their reception starts, so until then the step is refused (409
// invalid_transition, nothing stored); from the start on it is taken at once. The clock
// starts at Monday 2026-11-23 10:00 in Rome (FIXED_NOW) and this file moves it.

const { t, api, dealer, act, get, setNow } = clockedAppPerFile("no-show");
/** Sets the clock to a Rome wall-clock time on Monday 23 November (UTC+1). */
const setClock = (hhmm: string) => setNow(`2026-11-23T${hhmm}:00+01:00`);

describe("a no-show marked by staff", () => {
  it("is refused before the reception starts (requested or confirmed), stores nothing, and is taken from the start on", async () => {
    setClock("10:00");
    const d = await dealer();
    const requested = await book(api, d, booking({ start: "2026-11-23T11:00", advisorId: "anna" }), auth);
    const confirmed = await book(api, d, booking({ start: "2026-11-23T11:00", advisorId: "bruno" }), auth);
    expect((await act(d, confirmed.id, "confirm")).status).toBe(200);

    for (const at of ["10:00", "10:59"]) {
      setClock(at);
      for (const [b, status, version] of [
        [requested, "requested", 1],
        [confirmed, "confirmed", 2],
      ] as const) {
        const before = t.snapshot();
        const problem = await expectProblem(await act(d, b.id, "no-show"), 409, "invalid_transition");
        expect(problem.detail).toMatch(/before the reception starts/);
        expect(problem).toMatchObject({ status: 409, receptionStart: "2026-11-23T11:00:00+01:00" });
        expect(t.snapshot()).toEqual(before);
        expect(await get(d, b.id)).toMatchObject({ status, version });
      }
    }

    // At the start itself (the customer is not there, or phoned to say so): marked.
    setClock("11:00");
    const marked = await act(d, requested.id, "no-show");
    expect(marked.status).toBe(200);
    expect(await marked.json()).toMatchObject({ status: "no_show", version: 2 });
    setClock("11:20");
    expect(await (await act(d, confirmed.id, "no-show")).json()).toMatchObject({ status: "no_show", version: 3 });
  });

  it("leaves the other steps open before the start: an early customer is checked in, a cancel is taken", async () => {
    setClock("10:00");
    const d = await dealer();
    const early = await book(api, d, booking({ start: "2026-11-23T11:00", advisorId: "anna" }), auth);
    const cancelled = await book(api, d, booking({ start: "2026-11-23T11:00", advisorId: "bruno" }), auth);
    expect(await (await act(d, early.id, "check-in")).json()).toMatchObject({ status: "checked_in" });
    expect(await (await act(d, cancelled.id, "cancel")).json()).toMatchObject({ status: "cancelled" });
  });
});
