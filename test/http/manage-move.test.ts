import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVENTIONS } from "../../src/core/index.js";
import { type AppointmentView, type CalendarResponse, type DayResponse, json } from "../support/contracts.js";
import {
  type Api,
  auth,
  availability,
  book,
  booking,
  expectProblem,
  freshDealers,
  inProcessPerFile,
  ms,
} from "../support/http.js";

// The customer moves their own appointment (manage token): the times their page offers
// (POST /v1/manage/{token}/availability/{calendar,day}) are exactly the times the
// reschedule accepts for THIS appointment — its stored reception length, job, mobility,
// priority and express flag, its own slot not in its way — whatever the caller says; and a
// move to another day takes the return of its new ready time, never the old day's.
// Frozen at Monday 2026-11-23 10:00 in Rome; romeDealer: Mon–Fri 08:00–18:00, Sat 09:00–12:30.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);
/** One advisor: a start the list leaves out is one nobody can take. */
const dealer = freshDealers(api, "manage-move");
const ANNA = { advisors: [{ id: "anna", name: "Anna Rossi" }] };

let customers = 0;
/** A new customer's tyre change (30-minute reception, 1 h of labour, no mobility) at `start` with Anna. */
async function bookNew(d: string, start: string, overrides: Record<string, unknown> = {}): Promise<AppointmentView> {
  const n = ++customers;
  return book(
    api,
    d,
    booking(
      { start, advisorId: "anna" },
      {
        interventions: ["tyres"],
        mobility: "none",
        customer: { known: false, name: `Nuovo ${n}`, email: `nuovo.${n}@example.com` },
        ...overrides,
      },
    ),
  );
}

const own = (token: string) => `/v1/manage/${token}`;
const dayOf = async (token: string, date: string) =>
  json<DayResponse>(await api("POST", `${own(token)}/availability/day`, { date }));
const reschedule = (token: string, body: Record<string, unknown>) => api("POST", `${own(token)}/reschedule`, body);
const clock = (iso: string) => iso.slice(11, 16);

/** Every quarter hour a reception could start between `open` and `close` ("HH:MM"), on `date`. */
function quarterHours(date: string, open: string, close: string): string[] {
  const out: string[] = [];
  const [oh, om] = open.split(":").map(Number);
  const [ch, cm] = close.split(":").map(Number);
  for (let m = oh * 60 + om; m < ch * 60 + cm; m += 15)
    out.push(`${date}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  return out;
}

describe("the times the customer's page offers for a move", () => {
  it.each([
    ["a weekday", "2026-11-26", "08:00", "18:00", "17:30"],
    ["a Saturday (closing at 12:30)", "2026-11-28", "09:00", "12:30", "12:00"],
  ])("are exactly the starts the reschedule accepts, on %s", async (_, date, open, close, last) => {
    const d = await dealer(ANNA);
    const b = await bookNew(d, "2026-11-26T10:00");
    expect(b.reception.minutes).toBe(30);
    const res = await api("POST", `${own(b.manageToken!)}/availability/day`, { date });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { options } = (await res.json()) as DayResponse;
    const offered = options.map((o) => o.start);
    // A 30-minute reception: the last start is half an hour before closing, not a quarter.
    expect(clock(offered.at(-1)!)).toBe(last);
    expect(options.every((o) => o.receptionMinutes === 30 && !o.express && !o.overridesCaps)).toBe(true);
    if (date === "2026-11-26") {
      // Its own time is no new time; the quarter hours its own reception covers are free for it.
      expect(offered.map(clock)).not.toContain("10:00");
      expect(offered.map(clock)).toEqual(expect.arrayContaining(["09:45", "10:15"]));
    }
    // Every start not listed is refused (nothing changes)...
    const listed = new Set(offered.map((s) => ms(s)));
    for (const start of quarterHours(date, open, close)) {
      if (listed.has(ms(`${start}:00+01:00`)) || `${start}:00+01:00` === b.reception.start) continue;
      const refused = await reschedule(b.manageToken!, { start });
      expect({ start, status: refused.status }).toEqual({ start, status: 409 });
    }
    // ...and every listed one is accepted, with the return its option showed. (The move
    // checks a start without the appointment itself, so where it stands now does not
    // matter: each of these is checked against the same other bookings.)
    for (const o of options) {
      const moved = await reschedule(b.manageToken!, { optionId: o.optionId });
      expect({ start: o.start, status: moved.status }).toEqual({ start: o.start, status: 200 });
      const view = (await moved.json()) as AppointmentView;
      expect(view.reception).toMatchObject({ start: o.start, minutes: 30 });
      expect({ readyAt: view.readyAt, return: view.return?.start }).toEqual({
        readyAt: o.readyAt,
        return: o.return?.start,
      });
    }
  });

  it("the calendar marks a date bookable exactly when its list has a time, and its first time", async () => {
    const d = await dealer(ANNA);
    const b = await bookNew(d, "2026-11-24T08:00");
    const res = await api("POST", `${own(b.manageToken!)}/availability/calendar`, { from: "2026-11-23", days: 7 });
    expect(res.status).toBe(200);
    const cal = (await res.json()) as CalendarResponse;
    expect(cal.days.map((x) => x.date)).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    for (const day of cal.days) {
      const { options } = await dayOf(b.manageToken!, day.date);
      expect({ date: day.date, bookable: day.bookable, first: day.first }).toEqual({
        date: day.date,
        bookable: options.length > 0,
        first: options.length ? clock(options[0].start) : null,
      });
    }
    expect(cal.days.find((x) => x.date === "2026-11-29")?.bookable).toBe(false); // Sunday: closed
    // Its own day's first time is not its own 08:00.
    expect(cal.days.find((x) => x.date === "2026-11-24")?.first).toBe("08:15");
  });

  it("hears nothing about the job from the caller: the body names dates only", async () => {
    const d = await dealer(ANNA);
    const b = await bookNew(d, "2026-11-26T10:00");
    for (const extra of [
      { customer: { known: true } },
      { interventions: ["maintenance"] },
      { vehicle: { model: "MC20" } },
      { mobility: "courtesy_car" },
      { express: true },
    ]) {
      const problem = await expectProblem(
        await api("POST", `${own(b.manageToken!)}/availability/day`, { date: "2026-11-26", ...extra }),
        400,
        "validation_failed",
      );
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    await expectProblem(
      await api("POST", `${own(b.manageToken!)}/availability/day`, { date: "26/11/2026" }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await api("POST", `${own(b.manageToken!)}/availability/calendar`, { days: 400 }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await api("POST", `${own(b.manageToken!)}/availability/day`, "{not json"),
      400,
      "validation_failed",
    );
    await expectProblem(
      await api("POST", `${own("x".repeat(43))}/availability/day`, { date: "2026-11-26" }),
      404,
      "not_found",
    );
    // A staff key buys nothing here either: the same 30-minute list.
    const staff = await json<DayResponse>(
      await api("POST", `${own(b.manageToken!)}/availability/day`, { date: "2026-11-28" }, auth),
    );
    expect(clock(staff.options.at(-1)!.start)).toBe("12:00");
    // A cancelled appointment moves nowhere.
    expect((await api("POST", `${own(b.manageToken!)}/cancel`, {})).status).toBe(200);
    await expectProblem(
      await api("POST", `${own(b.manageToken!)}/availability/day`, { date: "2026-11-26" }),
      409,
      "invalid_transition",
    );
    await expectProblem(
      await api("POST", `${own(b.manageToken!)}/availability/calendar`, {}),
      409,
      "invalid_transition",
    );
  });

  it("an anonymous priority model is not made express by its manage token", async () => {
    const d = await dealer(ANNA);
    const b = await bookNew(d, "2026-11-26T10:00", { vehicle: { model: "MC20" }, mobility: "courtesy_car" });
    expect(b.express).toBe(false);
    // Tomorrow, inside the express window: ordinary options only, none past the caps.
    const { options } = await dayOf(b.manageToken!, "2026-11-24");
    expect(options.length).toBeGreaterThan(0);
    expect(options.some((o) => o.express || o.overridesCaps)).toBe(false);
  });
});

describe("an anonymous priority model's own times", () => {
  it("are an ordinary car's where only the car held for priority vehicles is left, not a priority car's", async () => {
    // Two courtesy cars, one held for priority vehicles (the default). A 30 h job received
    // on Thursday keeps the other one out all Friday: on Friday an ordinary customer gets
    // no courtesy car, a believed priority car gets the held one.
    const long = { label: "Long", receptionMinutes: 15, returnMinutes: 10, labourHours: 30, skill: "mechanical" };
    const d = await dealer({ ...ANNA, interventions: { ...DEFAULT_INTERVENTIONS, long } });
    const b = await bookNew(d, "2026-11-25T10:00", { vehicle: { model: "MC20" }, mobility: "courtesy_car" });
    expect(b).toMatchObject({ express: false, priority: false, mobility: "courtesy_car" });
    await bookNew(d, "2026-11-26T08:00", { interventions: ["long"], mobility: "courtesy_car" });
    const friday = {
      date: "2026-11-27",
      interventions: ["tyres"],
      mobility: "courtesy_car",
      customer: { known: false },
    };
    const asked = async (vehicle: Record<string, unknown>, headers?: Record<string, string>) =>
      (await json<DayResponse>(await api("POST", `/v1/dealers/${d}/availability/day`, { ...friday, vehicle }, headers)))
        .options.length;
    // The day tells them apart...
    expect(await asked({ model: "Grecale" })).toBe(0);
    expect(await asked({ model: "MC20", vin: "ZAMXXXXXXXX000002" }, auth)).toBeGreaterThan(0);
    // ...and the anonymous MC20's manage token gets what an ordinary car gets.
    expect((await dayOf(b.manageToken!, "2026-11-27")).options).toEqual([]);
  });
});

describe("asking the times of a move", () => {
  it("leaves the dealer's remembered answers standing: the index is back at its version, not merely its bookings", async () => {
    const d = await dealer(ANNA);
    const b = await bookNew(d, "2026-11-26T10:00");
    const search = await api("POST", `/v1/dealers/${d}/availability`, availability({ interventions: ["tyres"] }));
    expect(search.status).toBe(200);
    const index = t.runtimes.get(d)!.index;
    const version = index.version;
    expect((await api("POST", `${own(b.manageToken!)}/availability/day`, { date: "2026-11-26" })).status).toBe(200);
    const month = await api("POST", `${own(b.manageToken!)}/availability/calendar`, { from: "2026-11-23", days: 14 });
    expect(month.status).toBe(200);
    // The customer's picker ends where bookings end (the dealer's horizon, a year by default).
    expect(((await month.json()) as CalendarResponse).lastDate).toBe("2027-11-23");
    expect(t.runtimes.get(d)!.index).toBe(index);
    expect(index.bookings.has(b.id)).toBe(true);
    expect(index.version).toBe(version);
  });
});

describe("an express appointment's move", () => {
  it("is express only inside the express window: three weeks out it is an ordinary appointment, offered and stored so", async () => {
    const d = await dealer(ANNA);
    const mc20 = { vehicle: { model: "MC20", vin: "ZAMXXXXXXXX000001" }, mobility: "courtesy_car" };
    const res = await api("POST", `/v1/dealers/${d}/availability`, availability({ ...mc20, count: 1 }), auth);
    const x = (await json<{ options: Array<{ optionId: string; express: boolean }> }>(res)).options[0];
    expect(x.express).toBe(true);
    const b = await book(api, d, booking({ optionId: x.optionId }, mc20), auth);
    expect(b.express).toBe(true);
    // Monday 14 December, three weeks out: no express capacity for a token holder.
    const { options } = await dayOf(b.manageToken!, "2026-12-14");
    expect(options.length).toBeGreaterThan(0);
    expect(options.filter((o) => o.express)).toEqual([]);
    const moved = await json<AppointmentView>(await reschedule(b.manageToken!, { optionId: options[0].optionId }));
    expect(moved).toMatchObject({ express: false, reception: { start: options[0].start } });
  });
});

describe("a move to another day", () => {
  it("takes the return of its new ready time, not the old day's (the customer's reschedule)", async () => {
    const d = await dealer(ANNA);
    // Monday 11:30: collected at 14:00 that Monday.
    const b = await bookNew(d, "2026-11-30T11:30");
    expect(b.return?.start).toBe("2026-11-30T14:00:00+01:00");
    // To Saturday 12:00 (closing 12:30): ready after closing, so collected at Monday's first free time.
    const { options } = await dayOf(b.manageToken!, "2026-11-28");
    const noon = options.find((o) => clock(o.start) === "12:00")!;
    expect(noon.return?.start).toBe("2026-11-30T08:00:00+01:00");
    const res = await reschedule(b.manageToken!, { optionId: noon.optionId });
    expect(res.status).toBe(200);
    const moved = (await res.json()) as AppointmentView;
    expect(moved.readyAt).toBe(noon.readyAt);
    expect(moved.return?.start).toBe("2026-11-30T08:00:00+01:00"); // not the old 14:00
    // To Saturday 09:30: ready by late morning, collected that Saturday, inside its opening hours.
    const morning = (await dayOf(b.manageToken!, "2026-11-28")).options.find((o) => clock(o.start) === "09:30")!;
    const again = (await (await reschedule(b.manageToken!, { optionId: morning.optionId })).json()) as AppointmentView;
    expect(again.return?.start).toBe(morning.return?.start);
    expect(again.return!.start.slice(0, 10)).toBe("2026-11-28");
    expect(ms(again.return!.start)).toBeGreaterThanOrEqual(ms(again.readyAt));
    expect(again.return!.end <= "2026-11-28T12:30:00+01:00").toBe(true);
    // The stored row says the same (the manage view, the board and the .ics read it).
    expect(await json<AppointmentView>(await api("GET", own(b.manageToken!)))).toMatchObject({
      readyAt: again.readyAt,
      return: again.return,
    });
  });

  it("the same for an advisor's move; a nudge on the same day keeps the return agreed", async () => {
    const d = await dealer(ANNA);
    const b = await bookNew(d, "2026-11-30T11:30");
    const patch = (body: unknown, version: number) =>
      api("PATCH", `/v1/dealers/${d}/appointments/${b.id}`, body, { ...auth, "If-Match": String(version) });
    // The customer asked to collect at 17:00 that Monday.
    const agreed = await patch({ return: { start: "2026-11-30T17:00", advisorId: "anna", minutes: 15 } }, 1);
    expect(agreed.status).toBe(200);
    const nudged = (await (await patch({ reception: { start: "2026-11-30T11:00" } }, 2)).json()) as AppointmentView;
    expect(nudged.return?.start).toBe("2026-11-30T17:00:00+01:00");
    const moved = (await (await patch({ reception: { start: "2026-11-28T12:00" } }, 3)).json()) as AppointmentView;
    expect(moved.reception.start).toBe("2026-11-28T12:00:00+01:00");
    expect(moved.return?.start).toBe("2026-11-30T08:00:00+01:00"); // Monday's first free time, not 17:00
  });
});
