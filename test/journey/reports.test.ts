import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth, bookAt, DEALER, journeyApp, type JourneyApp, ok, setupDealer } from "../support/journey.js";
import { aggregate, type ReportRow } from "../../src/scheduler/journey/reports.js";
import type { AppointmentView, ReportView } from "../support/contracts.js";

// Report figures against a hand-computed fixture: first the pure aggregation over
// hand-made rows, then a week at a dealer driven through the API on a controlled clock.

const M = (iso: string) => Date.parse(iso) / 60_000;
function row(p: Partial<ReportRow> & { id: string }): ReportRow {
  return {
    channel: "app",
    status: "confirmed",
    createdMs: Date.parse("2026-11-23T09:00:00Z"),
    confirmedMs: null,
    priority: false,
    receptionStart: M("2026-11-25T09:00:00Z"),
    receptionMinutes: 15,
    returnStart: null,
    returnMinutes: null,
    createdDay: 0,
    receptionDay: 2,
    inRush: false,
    labourMinutes: 0,
    car: null,
    ...p,
  };
}

/** Wednesday 2026-11-25 (UTC), the report made at `nowMs`. */
const wednesday = (nowMs: number) => ({
  fromMs: Date.parse("2026-11-25T00:00:00Z"),
  toMs: Date.parse("2026-11-26T00:00:00Z"),
  advisorMinutes: 1000,
  workshopMinutes: 2000,
  courtesyCars: 2,
  quietLimit: 1,
  nowMs,
});

describe("aggregate (pure)", () => {
  it("leaves out of the 24-hour confirmation a request whose 24 hours are not over, unconfirmed", () => {
    const created = Date.parse("2026-11-25T08:00:00Z");
    const frame = wednesday(created + 600_000); // ten minutes after the requests
    const rows = [
      row({ id: "kept", channel: "web", createdMs: created, confirmedMs: created + 300_000 }),
      row({ id: "pending", channel: "web", createdMs: created }),
    ];
    expect(aggregate(rows, frame).confirmedWithin24h).toEqual({ numerator: 1, denominator: 1, share: 1 });
    // Once its 24 hours are over unconfirmed, it is a miss.
    expect(aggregate(rows, { ...frame, nowMs: created + 86_400_001 }).confirmedWithin24h).toEqual({
      numerator: 1,
      denominator: 2,
      share: 0.5,
    });
  });

  it("matches the hand-computed figures", () => {
    const frame = wednesday(Date.parse("2026-11-27T00:00:00Z")); // every request's 24 hours are over
    const created = Date.parse("2026-11-25T08:00:00Z");
    const rows = [
      // Created in the day: 3 online (2 confirmed in time, 1 late), 1 phone.
      row({
        id: "a",
        channel: "app",
        createdMs: created,
        confirmedMs: created + 3_600_000,
        receptionStart: M("2026-11-27T09:00:00Z"),
      }),
      row({
        id: "b",
        channel: "web",
        createdMs: created,
        confirmedMs: created + 86_400_000,
        receptionStart: M("2026-11-27T10:00:00Z"),
      }),
      row({
        id: "c",
        channel: "web",
        createdMs: created,
        confirmedMs: created + 86_400_001,
        receptionStart: M("2026-11-27T11:00:00Z"),
      }),
      row({ id: "d", channel: "phone", createdMs: created, receptionStart: M("2026-11-27T12:00:00Z") }),
      // Received in the day: 4 scheduled (one cancelled does not count), 1 no-show.
      row({
        id: "e",
        status: "completed",
        receptionStart: M("2026-11-25T09:00:00Z"),
        receptionMinutes: 30,
        returnStart: M("2026-11-25T15:00:00Z"),
        returnMinutes: 15,
        labourMinutes: 120,
        car: [M("2026-11-25T09:00:00Z"), M("2026-11-25T15:15:00Z")],
        priority: true,
        createdDay: 1,
        receptionDay: 2,
      }),
      row({
        id: "f",
        status: "no_show",
        receptionStart: M("2026-11-25T09:15:00Z"),
        priority: true,
        createdDay: 0,
        receptionDay: 2,
      }),
      row({
        id: "g",
        status: "checked_in",
        receptionStart: M("2026-11-25T07:30:00Z"),
        inRush: true,
        labourMinutes: 60,
      }),
      row({
        id: "h",
        status: "confirmed",
        receptionStart: M("2026-11-25T13:00:00Z"),
        car: [M("2026-11-24T12:00:00Z"), M("2026-11-25T12:00:00Z")],
      }),
      row({
        id: "i",
        status: "cancelled",
        receptionStart: M("2026-11-25T14:00:00Z"),
        car: [M("2026-11-25T14:00:00Z"), M("2026-11-25T18:00:00Z")],
      }),
    ];
    const f = aggregate(rows, frame);
    expect(f.bookings).toBe(4);
    expect(f.bookingsByChannel).toEqual({ app: 1, web: 2, phone: 1 });
    expect(f.confirmedWithin24h).toEqual({ numerator: 2, denominator: 3, share: 0.6667 });
    expect(f.noShowRate).toEqual({ numerator: 1, denominator: 4, share: 0.25 });
    expect(f.expressWithinOneDay).toEqual({ numerator: 1, denominator: 2, share: 0.5 });
    // e overlaps f (09:00-09:30 vs 09:15-09:30): neither is quiet; g is in the rush; h is quiet.
    expect(f.quietHourShare).toEqual({ numerator: 1, denominator: 4, share: 0.25 });
    // Desk: e 30 + 15, g 15, h 15 (f is a no-show, i cancelled) = 75.
    expect(f.advisorUtilisation).toEqual({ numerator: 75, denominator: 1000, share: 0.075 });
    expect(f.workshopUtilisation).toEqual({ numerator: 180, denominator: 2000, share: 0.09 });
    // Cars: e 375 min, h 720 min inside the day (from midnight); over 2 × 1440.
    expect(f.courtesyCarUtilisation).toEqual({ numerator: 1095, denominator: 2880, share: 0.3802 });
  });
});

describe("GET /v1/dealers/{dealerId}/reports", () => {
  let t: JourneyApp;
  const ids: Record<string, AppointmentView> = {};
  const P = `/v1/dealers/${DEALER}`;
  beforeAll(async () => {
    t = journeyApp("2026-11-23T09:00:00Z"); // Monday
    await setupDealer(t, {
      mobility: { courtesyCars: 3, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
    });
    // Monday: five requests for Wednesday 25th.
    ids.a = await bookAt(t, "2026-11-25T09:00", { channel: "app", mobility: "courtesy_car" });
    ids.b = await bookAt(t, "2026-11-25T10:00", { channel: "web", advisorId: "bruno" });
    ids.c = await bookAt(t, "2026-11-25T08:30", { channel: "phone" }, auth);
    ids.d = await bookAt(t, "2026-11-25T14:00", { channel: "web" });
    ids.f = await bookAt(t, "2026-11-25T12:30", { channel: "app", vehicle: { model: "MC20" } }, auth); // staff may assert the priority model
    t.at("2026-11-23T10:00:00Z");
    await ok(await t.api("POST", `${P}/appointments/${ids.a.id}/confirm`, {}, auth)); // within 24 h
    // Tuesday.
    t.at("2026-11-24T12:00:00Z");
    await ok(await t.api("POST", `${P}/appointments/${ids.b.id}/confirm`, {}, auth)); // 27 h: late
    await ok(await t.api("POST", `/v1/manage/${ids.d.manageToken}/cancel`, {}));
    t.at("2026-11-24T15:00:00Z");
    ids.e = await bookAt(
      t,
      "2026-11-25T11:00",
      { channel: "web", advisorId: "bruno", vehicle: { model: "MC20" } },
      auth,
    );
    // Wednesday: a and c arrive, b does not.
    t.at("2026-11-25T07:30:00Z");
    await ok(await t.api("POST", `${P}/appointments/${ids.c.id}/check-in`, {}, auth));
    t.at("2026-11-25T08:00:00Z");
    await ok(await t.api("POST", `${P}/appointments/${ids.a.id}/check-in`, {}, auth));
    t.run("2026-11-25T09:30:00Z");
  });
  afterAll(() => t.close());

  it("counts Monday's requests by channel and their 24-hour confirmation", async () => {
    const r = await ok<ReportView>(await t.api("GET", `${P}/reports?period=day&date=2026-11-23`, undefined, auth));
    expect(r).toMatchObject({
      period: "day",
      from: "2026-11-23",
      to: "2026-11-23",
      bookings: 5,
      bookingsByChannel: { app: 2, web: 2, phone: 1 },
    });
    expect(r.confirmedWithin24h).toEqual({ numerator: 1, denominator: 4, share: 0.25 });
  });

  it("measures Wednesday: no-shows, express within a day, quiet hours and utilisation", async () => {
    const r = await ok<ReportView>(await t.api("GET", `${P}/reports?period=day&date=2026-11-25`, undefined, auth));
    expect(ids.b.status).toBe("requested");
    expect(
      (await ok<AppointmentView>(await t.api("GET", `${P}/appointments/${ids.b.id}`, undefined, auth))).status,
    ).toBe("no_show");
    expect(r.bookings).toBe(0);
    // Scheduled: a, b, c, e, f (d cancelled). b is the no-show.
    expect(r.noShowRate).toEqual({ numerator: 1, denominator: 5, share: 0.2 });
    // Priority MC20s: e asked on Tuesday (within a day), f on Monday (two days).
    expect(r.expressWithinOneDay).toEqual({ numerator: 1, denominator: 2, share: 0.5 });
    // c (08:30) is in the 08:00-09:00 rush; nobody else overlaps at the desk.
    expect(r.quietHourShare).toEqual({ numerator: 4, denominator: 5, share: 0.8 });
    // Holding: a, c, e, f. Receptions: a 30 (courtesy car), c 15, e 30, f 30; returns from the bookings.
    const holding = [ids.a, ids.c, ids.e, ids.f];
    expect(holding.map((h) => h.reception.minutes)).toEqual([30, 15, 30, 30]);
    const returns = holding.reduce(
      (s, h) => s + (h.return && h.return.start.startsWith("2026-11-25") ? h.return.minutes : 0),
      0,
    );
    // Two advisors × 10 hours = 1200 minutes on duty.
    expect(r.advisorUtilisation).toEqual({
      numerator: 105 + returns,
      denominator: 1200,
      share: Math.round(((105 + returns) / 1200) * 10_000) / 10_000,
    });
    // 4 maintenances × 2 h = 480 labour minutes over 4×7 + 1×7 + 2×7 technician-hours = 2940 minutes.
    expect(r.workshopUtilisation).toEqual({ numerator: 480, denominator: 2940, share: 0.1633 });
    // Courtesy cars: a, e and f (priority vehicles get one), out from reception to return end; 3 cars × 1440.
    const carMinutes = [ids.a, ids.e, ids.f].reduce(
      (s, h) => s + (Date.parse(h.return!.end) - Date.parse(h.reception.start)) / 60_000,
      0,
    );
    expect([ids.e.mobility, ids.f.mobility]).toEqual(["courtesy_car", "courtesy_car"]);
    expect(r.courtesyCarUtilisation).toEqual({
      numerator: carMinutes,
      denominator: 4320,
      share: Math.round((carMinutes / 4320) * 10_000) / 10_000,
    });
  });

  it("sums the whole week (Monday to Sunday), and serves CSV", async () => {
    const r = await ok<ReportView>(await t.api("GET", `${P}/reports?period=week&date=2026-11-27`, undefined, auth));
    expect(r).toMatchObject({
      from: "2026-11-23",
      to: "2026-11-29",
      bookings: 6,
      bookingsByChannel: { app: 2, web: 3, phone: 1 },
    });
    // e (a web request on Tuesday at 15:00, unconfirmed) has until Wednesday 15:00: the
    // report, made Wednesday 09:30, counts it neither kept nor missed.
    expect(r.confirmedWithin24h).toEqual({ numerator: 1, denominator: 4, share: 0.25 });
    const month = await ok<ReportView>(
      await t.api("GET", `${P}/reports?period=month&date=2026-11-10`, undefined, auth),
    );
    expect(month).toMatchObject({ from: "2026-11-01", to: "2026-11-30", bookings: 6 });
    const csv = await t.api("GET", `${P}/reports?period=day&date=2026-11-25&format=csv`, undefined, auth);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("metric,numerator,denominator,value");
    expect(lines).toContain("no_show_rate,1,5,0.2");
    expect(lines).toContain("express_within_one_day,1,2,0.5");
    expect((await t.api("GET", `${P}/reports?period=year`, undefined, auth)).status).toBe(400);
    expect((await t.api("GET", `${P}/reports`)).status).toBe(401);
  });
});
