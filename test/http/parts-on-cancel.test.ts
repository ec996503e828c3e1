import { describe, expect, it } from "vitest";
import { tasksOf } from "../support/desk-tasks.js";
import { orderPart, partsOf, partsVersion } from "../support/parts.js";
import { week } from "../support/http.js";
import { auth, bookAt, DEALER, journeyPerTest, type JourneyApp, ok, outboxOf } from "../support/journey.js";

// An appointment cancelled while parts are still on order or on the shelf for it: the
// orders stay as they are, and the service desk gets one parts_on_cancelled task in the
// cancel's own transaction, naming the live parts and any deposit paid, to call the
// customer to rebook or cancel the order. Every cancel path (staff, the manage link);
// nothing when no part is live. The real app over a real SQLite file.

const dealer = () => ({
  openingHours: week([["08:00", "18:00"]], ["mon", "tue", "wed", "thu", "fri"]),
});
const VISIT = "2026-11-26T10:00:00+01:00"; // a Thursday, booked from Monday 23 November

interface Change {
  version: number;
  order: { id: string; status: string };
}
const order = async (t: JourneyApp, id: string, body: Record<string, unknown>) =>
  (await ok<Change>(await orderPart(t.api, partsOf(id), body), 201)).order.id;
const act = (t: JourneyApp, id: string, partId: string, verb: string, body?: unknown) =>
  t.api("POST", `${partsOf(id)}/${partId}/${verb}`, body, auth);
const cancelByStaff = (t: JourneyApp, id: string) =>
  t.api("POST", `/v1/dealers/${DEALER}/appointments/${id}/cancel`, {}, auth);
const deskTasks = (t: JourneyApp) =>
  t.rows<{ appointment_id: string; recipient_ref: string; body_json: string; dedupe_id: string }>(
    "SELECT * FROM outbox WHERE kind = 'parts_on_cancelled' AND audience = 'staff'",
  );
const partsStates = (t: JourneyApp, id: string) =>
  t.rows<{ description: string; status: string; deposit_paid_cents: number }>(
    "SELECT description, status, deposit_paid_cents FROM parts_orders WHERE appointment_id = ? ORDER BY created_at, id",
    id,
  );

describe("cancelling an appointment that has parts on order", () => {
  const t = journeyPerTest({ dealer });

  const prepared = async () => {
    const b = await bookAt(t, VISIT);
    const lamp = await order(t, b.id, { description: "Left headlamp unit", priceCents: 120_000, specialOrder: true });
    const pay = (partId: string, amountCents: number) =>
      partsVersion(t.api, partsOf(b.id)).then(async (v) =>
        ok(
          await t.api("POST", `${partsOf(b.id)}/${partId}/deposit`, { amountCents }, { ...auth, "If-Match": `"${v}"` }),
        ),
      );
    await pay(lamp, 60_000);
    const disc = await order(t, b.id, { description: "Carbon brake disc", priceCents: 90_000, specialOrder: true });
    await pay(disc, 10_000);
    await ok(await act(t, b.id, disc, "cancel"));
    return { b, lamp, disc };
  };

  it("by staff: one desk task naming only the live part and the deposit paid; the orders stay as they were", async () => {
    const { b } = await prepared();
    const before = partsStates(t, b.id);
    await ok(await cancelByStaff(t, b.id));
    const tasks = deskTasks(t);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      appointment_id: b.id,
      recipient_ref: "service_desk",
      dedupe_id: `parts_on_cancelled:${b.id}`,
    });
    const body = JSON.parse(tasks[0].body_json) as {
      text: string;
      data: { task: string; parts: Array<{ description: string; status: string; depositPaidCents: number }> };
    };
    expect(body.text).toContain("Left headlamp unit (on order, deposit paid 600.00 EUR)");
    expect(body.text).toContain("Call the customer to rebook or cancel the order.");
    expect(body.text).not.toContain("Carbon brake disc");
    expect(body.text).not.toContain("100.00 EUR");
    expect(body.data).toEqual({
      task: "parts_on_cancelled",
      parts: [
        expect.objectContaining({ description: "Left headlamp unit", status: "ordered", depositPaidCents: 60_000 }),
      ],
    });
    expect(partsStates(t, b.id)).toEqual(before);
    // Cancelling again is refused and raises nothing more.
    expect((await cancelByStaff(t, b.id)).status).toBe(409);
    expect(deskTasks(t)).toHaveLength(1);
  });

  it("by the customer on the manage link: the same one task", async () => {
    const { b } = await prepared();
    await ok(await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {}));
    expect((await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {})).status).toBe(409);
    const tasks = deskTasks(t);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].dedupe_id).toBe(`parts_on_cancelled:${b.id}`);
    expect(JSON.parse(tasks[0].body_json).text).toContain("Left headlamp unit (on order, deposit paid 600.00 EUR)");
  });

  it("an arrived part is named as on the shelf, and its notice timer survives the cancel", async () => {
    const b = await bookAt(t, VISIT);
    const mirror = await order(t, b.id, { description: "Mirror glass", priceCents: 8_000, specialOrder: false });
    t.at("2026-11-24T10:00:00Z");
    await ok(await act(t, b.id, mirror, "arrive"));
    await ok(await cancelByStaff(t, b.id));
    const tasks = deskTasks(t);
    expect(tasks).toHaveLength(1);
    const text = JSON.parse(tasks[0].body_json).text as string;
    expect(text).toContain("Mirror glass (arrived, on the shelf)");
    expect(text).not.toContain("deposit");
    expect(t.rows("SELECT status FROM jobs WHERE kind = 'parts_notice'")).toEqual([{ status: "pending" }]);
    expect(partsStates(t, b.id).map((p) => p.status)).toEqual(["arrived"]);
  });

  it("raises nothing for an appointment without parts, or with only cancelled ones", async () => {
    const bare = await bookAt(t, VISIT);
    await ok(await cancelByStaff(t, bare.id));
    const b = await bookAt(t, "2026-11-26T11:00:00+01:00");
    const disc = await order(t, b.id, { description: "Carbon brake disc", priceCents: 9_000, specialOrder: false });
    await ok(await act(t, b.id, disc, "cancel"));
    await ok(await cancelByStaff(t, b.id));
    expect(deskTasks(t)).toEqual([]);
    expect(outboxOf(t).filter((m) => m.kind === "parts_on_cancelled")).toEqual([]);
  });

  it("a no-show is not a cancel: no parts task", async () => {
    const b = await bookAt(t, VISIT);
    await order(t, b.id, { description: "Left headlamp unit", priceCents: 8_000, specialOrder: false });
    t.at("2026-11-26T09:30:00Z");
    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/no-show`, {}, auth));
    expect(deskTasks(t)).toEqual([]);
  });
});

describe("the desk's task in the dealer's language", () => {
  const t = journeyPerTest({ dealer: () => ({ ...dealer(), locale: "it" }) });

  it("names the part and its state in Italian", async () => {
    const b = await bookAt(t, VISIT);
    await order(t, b.id, { description: "Gruppo ottico", priceCents: 8_000, specialOrder: false });
    await ok(await cancelByStaff(t, b.id));
    const text = JSON.parse(deskTasks(t)[0].body_json).text as string;
    expect(text).toContain("Gruppo ottico (in ordine)");
    expect(text).toContain("Chiamare il cliente per fissare un nuovo appuntamento o annullare l'ordine.");
  });
});

// Once every part the task named is settled — cancelled with nothing paid on it — nothing is
// left to call about: the task closes itself as "not_needed" by Pitlane, in the transaction
// of the cancel that settled the last one. A part still on order, one on the shelf, or a
// cancelled one with a deposit paid (the refund is the call's business) keeps it open; a
// part cancelled before the visit was is not the task's.
describe("the desk's parts task once nothing is left to discuss", () => {
  const t = journeyPerTest({ dealer });

  interface Part {
    price: number;
    paid?: number;
    arrived?: boolean;
    /** Cancelled before the appointment was (the task never names it). */
    cancelledBefore?: boolean;
    /** Cancelled by the desk after the appointment was. */
    cancelledAfter?: boolean;
  }

  const openTask = async () =>
    (await tasksOf(t)).filter((k) => k.kind === "parts_on_cancelled").map((k) => k.appointmentId);

  it.each<{ name: string; parts: Part[]; closes: boolean }>([
    { name: "the one part on order, cancelled: closes", parts: [{ price: 9_000, cancelledAfter: true }], closes: true },
    {
      name: "both parts cancelled, nothing paid: closes",
      parts: [
        { price: 9_000, cancelledAfter: true },
        { price: 4_500, cancelledAfter: true },
      ],
      closes: true,
    },
    {
      name: "one of two parts cancelled, the other still on order: stays",
      parts: [{ price: 9_000, cancelledAfter: true }, { price: 4_500 }],
      closes: false,
    },
    {
      name: "cancelled with a deposit paid (the refund is still to agree): stays",
      parts: [{ price: 120_000, paid: 60_000, cancelledAfter: true }],
      closes: false,
    },
    {
      name: "the other part arrived (on the shelf for them): stays",
      parts: [
        { price: 9_000, cancelledAfter: true },
        { price: 4_500, arrived: true },
      ],
      closes: false,
    },
    {
      name: "a part cancelled before the visit, with its deposit paid, is not the task's: closes",
      parts: [
        { price: 90_000, paid: 10_000, cancelledBefore: true },
        { price: 9_000, cancelledAfter: true },
      ],
      closes: true,
    },
  ])("$name", async ({ parts: wanted, closes }) => {
    const b = await bookAt(t, VISIT);
    const ids: string[] = [];
    for (const [i, p] of wanted.entries()) {
      const id = await order(t, b.id, { description: `Part ${i}`, priceCents: p.price, specialOrder: false });
      ids.push(id);
      if (p.paid) {
        const version = await partsVersion(t.api, partsOf(b.id));
        await ok(
          await t.api(
            "POST",
            `${partsOf(b.id)}/${id}/deposit`,
            { amountCents: p.paid },
            { ...auth, "If-Match": `"${version}"` },
          ),
        );
      }
      if (p.arrived) await ok(await act(t, b.id, id, "arrive"));
      if (p.cancelledBefore) await ok(await act(t, b.id, id, "cancel"));
    }
    await ok(await cancelByStaff(t, b.id));
    expect(await openTask()).toEqual([b.id]);
    for (const [i, p] of wanted.entries()) if (p.cancelledAfter) await ok(await act(t, b.id, ids[i], "cancel"));

    expect(await openTask()).toEqual(closes ? [] : [b.id]);
    const done = (await tasksOf(t, "?state=done")).filter((k) => k.kind === "parts_on_cancelled");
    expect(done.map((k) => [k.appointmentId, k.attempts])).toEqual(
      closes ? [[b.id, [expect.objectContaining({ outcome: "not_needed", by: "Pitlane", note: null })]]] : [],
    );
    if (closes) {
      // Closed in the cancel's own transaction: the closing is stamped with the order's change.
      const [last] = t.rows<{ updated_at: string }>(
        "SELECT updated_at FROM parts_orders WHERE appointment_id = ? ORDER BY updated_at DESC LIMIT 1",
        b.id,
      );
      expect(done[0].doneAt).toBe(last.updated_at);
    }
  });

  it("closes nothing for a part cancelled on an appointment that is not cancelled", async () => {
    const b = await bookAt(t, VISIT);
    const id = await order(t, b.id, { description: "Mirror glass", priceCents: 8_000, specialOrder: false });
    await ok(await act(t, b.id, id, "cancel"));
    expect(await tasksOf(t, "?state=done")).toEqual([]);
  });
});
