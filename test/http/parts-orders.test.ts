import { describe, expect, it } from "vitest";
import { snapshot, week } from "../support/http.js";
import { perTest } from "../support/fixture.js";
import {
  auth,
  bookAt,
  CONSENTING,
  DEALER,
  journeyPerTest,
  type JourneyApp,
  ok,
  outboxOf,
  SILENT,
} from "../support/journey.js";
import { orderPart, partsOf } from "../support/parts.js";
import { startReceiver } from "../support/webhook-receiver.js";

// Parts orders (domain.md, "Time rules around the appointment"): deposits for expensive
// special-order parts (at least half the price, rounded up) and the customer told within
// 1 business day of arrival — by message, else by the desk, and guarded by a timer at the
// deadline. The real app over a real SQLite file, with a clock the test moves.

/** Mon–Fri 08:00–18:00 in Rome, closed on 8 December (a holiday, a Tuesday). Threshold: the default 500.00 EUR. */
const dealer = () => ({
  openingHours: week([["08:00", "18:00"]], ["mon", "tue", "wed", "thu", "fri"]),
  closures: ["2026-12-08"],
});
const VISIT = "2026-11-26T10:00:00+01:00"; // a Thursday, booked from Monday 23 November

interface Order {
  id: string;
  status: string;
  depositRequiredCents: number;
  depositPaidCents: number;
  depositDueCents: number;
  customerNoticeDueBy: string | null;
  customerNotice: string | null;
}
interface Change {
  version: number;
  order: Order;
}

const arrive = (t: JourneyApp, id: string, partId: string) =>
  t.api("POST", `${partsOf(id)}/${partId}/arrive`, undefined, auth);
const stored = (t: JourneyApp) => ({ ...snapshot(t.sqlite), parts: t.rows("SELECT * FROM parts_orders") });
const tasks = (t: JourneyApp, kind: string) =>
  t.rows<{ recipient_ref: string; body_json: string }>(
    "SELECT * FROM outbox WHERE kind = ? AND audience = 'staff'",
    kind,
  );

describe("the deposit rule", () => {
  const t = journeyPerTest({ dealer });

  it.each([
    { name: "special order below the threshold: none", priceCents: 49_999, specialOrder: true, required: 0 },
    { name: "special order at the threshold: half", priceCents: 50_000, specialOrder: true, required: 25_000 },
    { name: "odd cents round up", priceCents: 100_001, specialOrder: true, required: 50_001 },
    { name: "from stock, however dear: none", priceCents: 900_000, specialOrder: false, required: 0 },
    {
      name: "staff ask more than half",
      priceCents: 100_000,
      specialOrder: true,
      depositCents: 70_000,
      required: 70_000,
    },
    {
      name: "a deposit asked on a cheap part",
      priceCents: 10_000,
      specialOrder: false,
      depositCents: 2_000,
      required: 2_000,
    },
  ])("$name", async ({ priceCents, specialOrder, depositCents, required }) => {
    const b = await bookAt(t, VISIT);
    const res = await orderPart(t.api, partsOf(b.id), {
      description: "Carbon brake disc",
      priceCents,
      specialOrder,
      depositCents,
    });
    const out = await ok<Change>(res, 201);
    expect(out.order).toMatchObject({ status: "ordered", depositRequiredCents: required, depositDueCents: required });
    expect(out.version).toBe(b.version + 1);
    expect(res.headers.get("etag")).toBe(`"${out.version}"`);
  });

  it("refuses a deposit below the minimum, naming it, and stores nothing", async () => {
    const b = await bookAt(t, VISIT);
    const before = stored(t);
    const res = await orderPart(t.api, partsOf(b.id), {
      description: "Disc",
      priceCents: 100_001,
      specialOrder: true,
      depositCents: 50_000,
    });
    const p = await ok<{ code: string; minimumCents: number; detail: string; errors: unknown[] }>(res, 400);
    expect(p).toMatchObject({ code: "validation_failed", minimumCents: 50_001 });
    expect(p.detail).toContain("50001 cents");
    expect(stored(t)).toEqual(before);
  });

  it("refuses a deposit above the price", async () => {
    const b = await bookAt(t, VISIT);
    const res = await orderPart(t.api, partsOf(b.id), {
      description: "Disc",
      priceCents: 1_000,
      specialOrder: false,
      depositCents: 1_001,
    });
    expect(await ok<{ maxCents: number }>(res, 400)).toMatchObject({ maxCents: 1_000 });
  });

  it("records payments up to the price and never beyond; a payment needs If-Match", async () => {
    const b = await bookAt(t, VISIT);
    const made = await ok<Change>(
      await orderPart(t.api, partsOf(b.id), { description: "Disc", priceCents: 100_000, specialOrder: true }),
      201,
    );
    const pay = (amountCents: number, version: number | null) =>
      t.api(
        "POST",
        `${partsOf(b.id)}/${made.order.id}/deposit`,
        { amountCents },
        {
          ...auth,
          ...(version === null ? {} : { "If-Match": `"${version}"` }),
        },
      );
    expect((await pay(30_000, null)).status).toBe(428);
    const first = await ok<Change>(await pay(30_000, made.version));
    expect(first.order).toMatchObject({
      depositRequiredCents: 50_000,
      depositPaidCents: 30_000,
      depositDueCents: 20_000,
    });
    expect((await pay(1, made.version)).status).toBe(412); // a stale If-Match records nothing
    const before = stored(t);
    expect(await ok<{ maxCents: number }>(await pay(70_001, first.version), 400)).toMatchObject({ maxCents: 70_000 });
    expect(stored(t)).toEqual(before);
    const full = await ok<Change>(await pay(70_000, first.version));
    expect(full.order).toMatchObject({ depositPaidCents: 100_000, depositDueCents: 0 });
    const audit = t.rows<{ action: string }>("SELECT action FROM audit_log WHERE appointment_id = ? ORDER BY id", b.id);
    expect(audit.map((a) => a.action)).toEqual(["book", "parts_ordered", "parts_deposit", "parts_deposit"]);
  });
});

describe("who may, and what is refused", () => {
  const t = journeyPerTest({ dealer });

  it("refuses unknown fields, bad amounts and callers who are not staff, storing nothing", async () => {
    const b = await bookAt(t, VISIT);
    const body = { description: "Disc", priceCents: 10_000, specialOrder: false };
    const before = stored(t);
    expect((await orderPart(t.api, partsOf(b.id), { ...body, discount: 5 })).status).toBe(400);
    expect((await orderPart(t.api, partsOf(b.id), { ...body, priceCents: 100.5 })).status).toBe(400);
    expect((await orderPart(t.api, partsOf(b.id), { ...body, priceCents: -1 })).status).toBe(400);
    expect((await orderPart(t.api, partsOf(b.id), body, {})).status).toBe(401);
    expect((await t.api("GET", partsOf(b.id))).status).toBe(401);
    expect(stored(t)).toEqual(before);
    const made = await ok<Change>(await orderPart(t.api, partsOf(b.id), body), 201);
    const extra = await t.api("POST", `${partsOf(b.id)}/${made.order.id}/arrive`, { note: "x" }, auth);
    expect(extra.status).toBe(400);
    expect((await t.api("POST", `${partsOf(b.id)}/${made.order.id}/arrive`, undefined, {})).status).toBe(401);
    expect((await arrive(t, b.id, "no-such-part")).status).toBe(404);
  });

  it("an order needs If-Match (428, nothing stored); a retry of an order whose answer was lost meets 412, never a second order", async () => {
    const b = await bookAt(t, VISIT);
    const body = { description: "Disc", priceCents: 10_000, specialOrder: false };
    const before = stored(t);
    const bare = await t.api("POST", partsOf(b.id), body, auth);
    expect(await ok<{ code: string; detail: string }>(bare, 428)).toMatchObject({
      code: "precondition_required",
      detail: "Send If-Match with the appointment's version (from its ETag or version field)",
    });
    expect(stored(t)).toEqual(before);
    const sent = { ...auth, "If-Match": `"${b.version}"` };
    const made = await ok<Change>(await t.api("POST", partsOf(b.id), body, sent), 201);
    expect((await t.api("POST", partsOf(b.id), body, sent)).status).toBe(412);
    expect(t.rows("SELECT id FROM parts_orders")).toEqual([{ id: made.order.id }]);
  });

  it("a client key is not staff (403), and a retried payment with its Idempotency-Key is recorded once", async () => {
    const b = await bookAt(t, VISIT);
    const key = await ok<{ secret: string }>(
      await t.api("POST", `/v1/dealers/${DEALER}/api-keys`, { role: "client", label: "app" }, auth),
      201,
    );
    const client = { Authorization: `Bearer ${key.secret}` };
    expect(
      (await orderPart(t.api, partsOf(b.id), { description: "Disc", priceCents: 100, specialOrder: false }, client))
        .status,
    ).toBe(403);
    const made = await ok<Change>(
      await orderPart(t.api, partsOf(b.id), { description: "Disc", priceCents: 100_000, specialOrder: true }),
      201,
    );
    const headers = { ...auth, "If-Match": String(made.version), "Idempotency-Key": "till-42" };
    const url = `${partsOf(b.id)}/${made.order.id}/deposit`;
    const first = await ok<Change>(await t.api("POST", url, { amountCents: 50_000 }, headers));
    const retry = await t.api("POST", url, { amountCents: 50_000 }, headers);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await ok<Change>(retry)).toEqual(first);
    expect(t.rows("SELECT deposit_paid_cents AS paid FROM parts_orders")).toEqual([{ paid: 50_000 }]);
  });

  it("lists the orders with the appointment, and in its staff view", async () => {
    const b = await bookAt(t, VISIT);
    const made = await ok<Change>(
      await orderPart(t.api, partsOf(b.id), { description: "Wiper blades", priceCents: 4_500, specialOrder: false }),
      201,
    );
    const list = await ok<{ version: number; parts: Order[] }>(await t.api("GET", partsOf(b.id), undefined, auth));
    expect(list).toMatchObject({ version: made.version, parts: [{ id: made.order.id, status: "ordered" }] });
    const view = await ok<{ parts: Order[] }>(
      await t.api("GET", `/v1/dealers/${DEALER}/appointments/${b.id}`, undefined, auth),
    );
    expect(view.parts.map((p) => p.id)).toEqual([made.order.id]);
    const cancelled = await ok<Change>(
      await t.api("POST", `${partsOf(b.id)}/${made.order.id}/cancel`, undefined, auth),
    );
    expect(cancelled.order.status).toBe("cancelled");
    expect((await arrive(t, b.id, made.order.id)).status).toBe(409);
  });
});

describe("arrival tells the customer within 1 business day", () => {
  const t = journeyPerTest({ dealer });
  const arrived = async (at: string, customer: Record<string, unknown> = CONSENTING()) => {
    const b = await bookAt(t, VISIT, { customer });
    const made = await ok<Change>(
      await orderPart(t.api, partsOf(b.id), {
        description: "Left headlamp unit",
        priceCents: 120_000,
        specialOrder: true,
      }),
      201,
    );
    t.at(at);
    return { b, first: await ok<Change>(await arrive(t, b.id, made.order.id)) };
  };

  it("a consenting customer gets one parts_arrived message, once, however often it is marked", async () => {
    const { b, first } = await arrived("2026-11-24T10:00:00Z");
    expect(first.order).toMatchObject({ status: "arrived", customerNotice: "sent:sms" });
    const again = await ok<Change>(await arrive(t, b.id, first.order.id));
    expect(again.version).toBe(first.version); // nothing changed, nothing written
    const msgs = outboxOf(t, b.id).filter((m) => m.kind === "parts_arrived");
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ audience: "customer", status: "pending" });
    const text = JSON.parse(msgs[0].body_json).text as string;
    expect(text).toContain("Left headlamp unit");
    expect(text).toContain("on Thursday 26 November at 10:00"); // the visit is ahead: fitted then
    expect(text).toContain("600.00 EUR is still due"); // the unpaid deposit is said, the part is not held back
    expect(tasks(t, "parts_arrived_call")).toEqual([]);
    expect(t.rows("SELECT * FROM jobs WHERE kind = 'parts_notice'")).toHaveLength(1);
  });

  it("a customer without consent is not messaged: the desk gets a call task due by the deadline", async () => {
    const { first } = await arrived("2026-11-24T10:00:00Z", SILENT());
    expect(first.order.customerNotice).toBe("staff:service_desk");
    const desk = tasks(t, "parts_arrived_call");
    expect(desk).toHaveLength(1);
    expect(desk[0].recipient_ref).toBe("service_desk");
    expect(JSON.parse(desk[0].body_json).text).toContain("by Wed 25/11 at 18:00"); // Tuesday's arrival → Wednesday's close
    expect(t.rows("SELECT status, state_reason FROM outbox WHERE kind = 'parts_arrived'")).toEqual([
      { status: "suppressed", state_reason: "consent" },
    ]);
  });

  // The deadline is that day's close; its guard fires at that day's OPENING, so the desk
  // has the whole business day to call (a guard at the close would find the desk gone).
  it.each([
    {
      name: "Friday evening → Monday's close",
      at: "2026-11-27T18:30:00Z",
      opens: "2026-11-30T08:00:00+01:00",
      due: "2026-11-30T18:00:00+01:00",
    },
    {
      name: "Monday before the holiday → Wednesday's close",
      at: "2026-12-07T09:00:00Z",
      opens: "2026-12-09T08:00:00+01:00",
      due: "2026-12-09T18:00:00+01:00",
    },
    {
      name: "a Sunday → Monday's close",
      at: "2026-11-29T10:00:00Z",
      opens: "2026-11-30T08:00:00+01:00",
      due: "2026-11-30T18:00:00+01:00",
    },
    {
      name: "Friday before the clocks change → Monday's close in summer time",
      at: "2027-03-26T18:00:00Z",
      opens: "2027-03-29T08:00:00+02:00",
      due: "2027-03-29T18:00:00+02:00",
    },
  ])("deadline in the dealer's business days: $name", async ({ at, opens, due }) => {
    const { first } = await arrived(at);
    expect(first.order.customerNoticeDueBy).toBe(due);
    const job = t.rows<{ due_at: number }>("SELECT due_at FROM jobs WHERE kind = 'parts_notice'");
    expect(job.map((j) => j.due_at)).toEqual([Date.parse(opens)]);
  });

  it("cancelling the appointment leaves the arrived part's deadline guarded", async () => {
    const { b } = await arrived("2026-11-24T10:00:00Z");
    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/cancel`, {}, auth));
    expect(t.rows("SELECT status FROM jobs WHERE kind = 'parts_notice'")).toEqual([{ status: "pending" }]);
  });

  it.each([
    {
      name: "Tuesday's arrival → Wednesday's opening",
      at: "2026-11-24T10:00:00Z",
      opens: "2026-11-25T08:00:00+01:00",
      due: "2026-11-25 18:00",
      said: "Wed 25/11 at 18:00",
    },
    {
      name: "Friday evening's arrival → Monday's opening, across the weekend",
      at: "2026-11-27T18:30:00Z",
      opens: "2026-11-30T08:00:00+01:00",
      due: "2026-11-30 18:00",
      said: "Mon 30/11 at 18:00",
    },
  ])(
    "a message that never reached the customer (STOP) becomes a desk task at the deadline day's opening: $name",
    async ({ at, opens, due, said }) => {
      const customer = CONSENTING();
      const { first } = await arrived(at, customer);
      await ok(await t.api("POST", `/v1/dealers/${DEALER}/sms-stops`, { phone: customer.phone }, auth));
      await t.journey.tick(t.clock.ms); // delivery finds the STOP: suppressed
      expect(t.rows("SELECT status FROM outbox WHERE kind = 'parts_arrived'")).toEqual([{ status: "suppressed" }]);
      expect(first.order.customerNoticeDueBy).toBe(`${due.replace(" ", "T")}:00+01:00`); // the promise: that day's close
      t.run(Date.parse(opens) - 60_000);
      expect(tasks(t, "parts_notice_overdue")).toEqual([]); // the desk is closed: no task yet
      t.run(opens);
      const overdue = t.rows<{ recipient_ref: string; body_json: string; created_at: string }>(
        "SELECT * FROM outbox WHERE kind = 'parts_notice_overdue' AND audience = 'staff'",
      );
      expect(overdue).toHaveLength(1);
      expect(Date.parse(overdue[0].created_at)).toBe(Date.parse(opens)); // when the desk opens, not when it closes
      t.run(Date.parse(first.order.customerNoticeDueBy!) + 3_600_000); // once
      expect(tasks(t, "parts_notice_overdue")).toHaveLength(1);
      expect(overdue[0].recipient_ref).toBe("service_desk");
      const body = JSON.parse(overdue[0].body_json) as { text: string; data: { dueBy: string } };
      expect(body.text).toContain("Left headlamp unit");
      expect(body.text).toContain(`by ${said}`); // the task still says the close it must be done by, in the desk's words
      expect(body.data.dueBy).toBe(first.order.customerNoticeDueBy);
    },
  );
});

describe("a part arriving while the car is in the workshop", () => {
  const t = journeyPerTest({ dealer });

  it.each([
    { locale: "en", fitted: "We will fit it during this visit", not: ["Call us to book", "at your appointment"] },
    { locale: "it", fitted: "Lo monteremo durante questa visita", not: ["Ci chiami", "durante il suo appuntamento"] },
  ])("the message says it is fitted during this visit ($locale)", async ({ locale, fitted, not }) => {
    const b = await bookAt(t, VISIT, { customer: { ...CONSENTING(), locale } });
    const made = await ok<Change>(
      await orderPart(t.api, partsOf(b.id), {
        description: "Left headlamp unit",
        priceCents: 8_000,
        specialOrder: false,
      }),
      201,
    );
    t.at("2026-11-26T09:05:00Z"); // the visit's morning: the car is checked in
    const inn = await ok<{ status: string }>(
      await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/check-in`, {}, auth),
    );
    expect(inn.status).toBe("checked_in");
    t.at("2026-11-26T11:00:00Z");
    await ok<Change>(await arrive(t, b.id, made.order.id));
    const msgs = outboxOf(t, b.id).filter((m) => m.kind === "parts_arrived");
    expect(msgs).toHaveLength(1);
    const text = JSON.parse(msgs[0].body_json).text as string;
    expect(text).toContain(fitted);
    for (const s of not) expect(text).not.toContain(s);
  });
});

describe("a message delivered in time needs no task", () => {
  const SECRET = "s3cret-s3cret-s3cret";
  const rx = perTest(
    () => startReceiver(SECRET),
    (r) => r.close(),
  );
  const t = journeyPerTest({ dealer: () => ({ ...dealer(), webhook: { url: rx.url, secret: SECRET } }) });

  it("delivered to the dealer's webhook: the deadline passes quietly", async () => {
    const b = await bookAt(t, VISIT);
    const made = await ok<Change>(
      await orderPart(t.api, partsOf(b.id), { description: "Mirror glass", priceCents: 8_000, specialOrder: false }),
      201,
    );
    t.at("2026-11-27T18:30:00Z");
    const first = await ok<Change>(await arrive(t, b.id, made.order.id));
    await t.journey.tick(t.clock.ms);
    expect(rx.requests.filter((r) => r.body.type === "parts_arrived")).toHaveLength(1);
    t.run(Date.parse(first.order.customerNoticeDueBy!));
    expect(tasks(t, "parts_notice_overdue")).toEqual([]);
    expect(t.rows("SELECT outcome FROM jobs WHERE kind = 'parts_notice'")).toEqual([{ outcome: "skipped:told" }]);
  });
});
