import { describe, expect, it } from "vitest";
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

const parts = (id: string) => `/v1/dealers/${DEALER}/appointments/${id}/parts`;
interface Change {
  version: number;
  order: { id: string; status: string };
}
const order = async (t: JourneyApp, id: string, body: Record<string, unknown>) =>
  (await ok<Change>(await t.api("POST", parts(id), body, auth), 201)).order.id;
const act = (t: JourneyApp, id: string, partId: string, verb: string, body?: unknown) =>
  t.api("POST", `${parts(id)}/${partId}/${verb}`, body, auth);
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
    const listed = async () =>
      (await ok<{ version: number }>(await t.api("GET", parts(b.id), undefined, auth))).version;
    const pay = (partId: string, amountCents: number) =>
      listed().then(async (v) =>
        ok(await t.api("POST", `${parts(b.id)}/${partId}/deposit`, { amountCents }, { ...auth, "If-Match": `"${v}"` })),
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
