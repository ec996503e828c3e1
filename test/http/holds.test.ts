import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { ChangeFeed } from "../../src/db/change-feed.js";
import { openDatabase } from "../../src/node.js";
import { ADMIN_TOKEN, createTestApp, FIXED_NOW } from "../support/app.js";
import { type DayResponse, type HoldView, json } from "../support/contracts.js";
import { type Api, auth, availability, book, booking, expectProblem, putDealer, romeDealer } from "../support/http.js";

// Holds where only an in-process app can look: a clock that moves (expiry needs no timer:
// an expired hold stops counting when it is read), the rows (consumed with the booking,
// purged later), a booking that fails after taking the hold (it counts again), and two
// processes over one file (holds flow through the change feed). Restarts: hold-restart.ts.

const D = "roma";
const T0 = Date.parse(FIXED_NOW);
const MIN = 60_000;
const opened: Array<() => void> = [];
afterEach(() => opened.splice(0).forEach((close) => close()));

function app(clock = { now: T0 }) {
  const t = createTestApp({ deps: { now: () => clock.now } });
  opened.push(() => t.close());
  const api: Api = async (method, path, body, headers) => t.json(method, path, body, headers);
  return { ...t, api, clock };
}

const holdBody = (optionId: string, overrides: Record<string, unknown> = {}) => ({
  optionId,
  vehicle: { model: "Grecale" },
  interventions: ["maintenance"],
  customer: { known: true },
  ...overrides,
});

async function dayStarts(api: Api, date = "2026-11-24", extra: Record<string, unknown> = {}): Promise<string[]> {
  const res = await api("POST", `/v1/dealers/${D}/availability/day`, availability({ date, ...extra }));
  return (await json<DayResponse>(res)).options.map((o) => o.start);
}

async function holdFirst(api: Api, date = "2026-11-24", overrides: Record<string, unknown> = {}) {
  const [first] = (
    await json<DayResponse>(
      await api("POST", `/v1/dealers/${D}/availability/day`, availability({ date, ...overrides })),
    )
  ).options;
  const res = await api("POST", `/v1/dealers/${D}/holds`, holdBody(first.optionId, overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  return { slot: first, hold: await json<HoldView>(res) };
}

describe("hold expiry (a frozen clock moved by hand)", () => {
  it("holds for holdMinutes, then stops counting when read, with no timer; the row is purged later", async () => {
    const t = app();
    await putDealer(t.api, D, romeDealer({ holdMinutes: 3, advisors: [{ id: "anna", name: "Anna Rossi" }] }));
    const { slot, hold } = await holdFirst(t.api);
    // In the dealer's offset, as the contract writes instants.
    expect(hold.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+01:00$/);
    expect(Date.parse(hold.expiresAt)).toBe(T0 + 3 * MIN);
    t.clock.now = T0 + 3 * MIN - 1;
    expect(await dayStarts(t.api)).not.toContain(slot.start);
    t.clock.now = T0 + 3 * MIN;
    expect(await dayStarts(t.api)).toContain(slot.start);
    // Expired: releasing it is a 404, and its row goes with the next hold.
    await expectProblem(await t.api("DELETE", `/v1/dealers/${D}/holds/${hold.holdId}`), 404, "not_found");
    expect(t.sqlite.prepare("SELECT count(*) AS n FROM holds").get()).toEqual({ n: 1 });
    await holdFirst(t.api, "2026-11-25");
    expect(t.sqlite.prepare("SELECT count(*) AS n FROM holds").get()).toEqual({ n: 1 });
    // Anyone may book the slot now.
    expect((await book(t.api, D, booking({ optionId: slot.optionId }))).reception.start).toBe(slot.start);
  });

  it("an expired holdId books like no hold at all: the slot only if nobody took it", async () => {
    const t = app();
    await putDealer(t.api, D, romeDealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] }));
    const a = await holdFirst(t.api);
    t.clock.now = T0 + 10 * MIN;
    const b = await t.api("POST", `/v1/dealers/${D}/holds`, holdBody(a.slot.optionId));
    expect(b.status).toBe(201);
    await expectProblem(
      await t.api(
        "POST",
        `/v1/dealers/${D}/appointments`,
        booking({ optionId: a.hold.option.optionId }, { holdId: a.hold.holdId }),
      ),
      409,
      "slot_unavailable",
    );
    const second = await json<HoldView>(b);
    expect(
      (await book(t.api, D, booking({ optionId: second.option.optionId }, { holdId: second.holdId }))).reception.start,
    ).toBe(a.slot.start);
  });
});

describe("consuming a hold", () => {
  it("deletes the hold row in the booking's transaction", async () => {
    const t = app();
    await putDealer(t.api, D, romeDealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] }));
    const { hold } = await holdFirst(t.api);
    expect(t.sqlite.prepare("SELECT count(*) AS n FROM holds").get()).toEqual({ n: 1 });
    await book(t.api, D, booking({ optionId: hold.option.optionId }, { holdId: hold.holdId }));
    expect(t.sqlite.prepare("SELECT count(*) AS n FROM holds").get()).toEqual({ n: 0 });
  });

  it("a booking that fails after taking the hold rolls it back: the hold still counts and still books", async () => {
    const t = app();
    // Tuesday 09:00–09:15 only: the held 15-minute reception fits, a 30-minute one does not.
    const check = {
      check: { label: "Check", skill: "mechanical", receptionMinutes: 15, returnMinutes: 10, labourHours: 0 },
    };
    await putDealer(
      t.api,
      D,
      romeDealer({
        advisors: [{ id: "anna", name: "Anna Rossi" }],
        openingHours: { tue: [["09:00", "09:15"]] },
        interventions: check,
      }),
    );
    const { slot, hold } = await holdFirst(t.api, "2026-11-24", { interventions: ["check"] });
    const bigger = booking(
      { optionId: hold.option.optionId },
      { holdId: hold.holdId, interventions: ["check"], mobility: "courtesy_car" },
    );
    await expectProblem(await t.api("POST", `/v1/dealers/${D}/appointments`, bigger), 409, "slot_unavailable");
    expect(t.sqlite.prepare("SELECT count(*) AS n FROM holds").get()).toEqual({ n: 1 });
    await expectProblem(
      await t.api(
        "POST",
        `/v1/dealers/${D}/appointments`,
        booking({ optionId: slot.optionId }, { interventions: ["check"] }),
      ),
      409,
      "slot_unavailable",
    );
    expect(
      (
        await book(
          t.api,
          D,
          booking({ optionId: hold.option.optionId }, { holdId: hold.holdId, interventions: ["check"] }),
        )
      ).reception.start,
    ).toBe(slot.start);
  });

  it("two bookers racing with the same holdId: one 201, and one appointment", async () => {
    const t = app();
    await putDealer(t.api, D, romeDealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] }));
    const { hold } = await holdFirst(t.api);
    const body = (n: number) =>
      booking(
        { optionId: hold.option.optionId },
        { holdId: hold.holdId, customer: { known: true, name: `C${n}`, email: `c${n}@example.com` } },
      );
    const res = await Promise.all([1, 2, 3].map((n) => t.api("POST", `/v1/dealers/${D}/appointments`, body(n))));
    expect(res.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(t.sqlite.prepare("SELECT count(*) AS n FROM appointments").get()).toEqual({ n: 1 });
  });
});

describe("holds across processes sharing one file (the change feed)", () => {
  function twoProcesses() {
    const first = createTestApp({ deps: { changeFeed: undefined } });
    const second = openDatabase(first.dbPath);
    opened.push(
      () => second.sqlite.close(),
      () => first.close(),
    );
    const proc = (db: typeof first.db, sqlite: typeof first.sqlite): Api => {
      const a = createApp({
        db,
        sqlite,
        now: () => T0,
        adminToken: ADMIN_TOKEN,
        log: () => {},
        rateLimits: false,
        changeFeed: new ChangeFeed(sqlite),
      });
      return async (method, path, body, headers = {}) =>
        a.request(path, {
          method,
          headers: { "Content-Type": "application/json", ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
    };
    return { a: proc(first.db, first.sqlite), b: proc(second.db, second.sqlite) };
  }

  it("a hold taken in one process is withheld in the other, its release is seen there, and the other books with it", async () => {
    const { a, b } = twoProcesses();
    await putDealer(a, D, romeDealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] }));
    const before = await dayStarts(b); // b builds its index now
    const first = await holdFirst(a);
    expect(await dayStarts(b)).not.toContain(first.slot.start);
    await expectProblem(
      await b(
        "POST",
        `/v1/dealers/${D}/appointments`,
        booking({ optionId: first.slot.optionId, advisorId: first.slot.advisorId }),
      ),
      409,
      "slot_unavailable",
    );
    expect((await a("DELETE", `/v1/dealers/${D}/holds/${first.hold.holdId}`)).status).toBe(204);
    expect(await dayStarts(b)).toEqual(before);
    // Held in a, booked through b with the holdId: a sees the appointment, not the hold.
    const second = await holdFirst(a);
    const appt = await book(b, D, booking({ optionId: second.hold.option.optionId }, { holdId: second.hold.holdId }));
    expect((await a("GET", `/v1/dealers/${D}/appointments/${appt.id}`, undefined, auth)).status).toBe(200);
    expect(await dayStarts(a)).not.toContain(second.slot.start);
    expect(await dayStarts(a)).toEqual(await dayStarts(b));
  });
});
