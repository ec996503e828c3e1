import { describe, expect, it } from "vitest";
import { type AppointmentView, type DayResponse, json } from "../support/contracts.js";
import { type Api, auth, book, booking, expectProblem, freshDealers, inProcessPerFile } from "../support/http.js";

// The customer's reschedule with an optionId: an advisor in the same body that contradicts
// the option is a 400 naming the field, as on a booking (book-request.ts). It was dropped
// in silence and the appointment placed with the option's advisor.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);
const dealer = freshDealers(api, "reschedule-agrees");
const stored = (id: string) =>
  t.sqlite.prepare("SELECT version, advisor_id AS advisor FROM appointments WHERE id = ?").get(id);

describe("a reschedule whose body contradicts its optionId", () => {
  it.each([
    [
      "another advisor",
      (o: { advisorId: string; start: string }) => ({ advisorId: o.advisorId === "anna" ? "bruno" : "anna" }),
      "advisorId",
    ],
  ])("naming %s: 400 at that field, nothing moved", async (_, extra, path) => {
    const d = await dealer();
    const b: AppointmentView = await book(api, d, booking({ start: "2026-11-24T09:00", advisorId: "anna" }), auth);
    const day = await json<DayResponse>(
      await api("POST", `/v1/manage/${b.manageToken}/availability/day`, { date: "2026-11-26" }),
    );
    const o = day.options[0];
    const before = stored(b.id);
    const res = await api("POST", `/v1/manage/${b.manageToken}/reschedule`, { optionId: o.optionId, ...extra(o) });
    const problem = await expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toEqual([expect.objectContaining({ path })]);
    expect(stored(b.id)).toEqual(before);
    // The option alone, or with its own start and advisor, still moves it.
    const ok = await api("POST", `/v1/manage/${b.manageToken}/reschedule`, {
      optionId: o.optionId,
      advisorId: o.advisorId,
    });
    expect(ok.status).toBe(200);
  });
});
