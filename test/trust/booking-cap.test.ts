import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { epochMinute } from "../../src/core/civil.js";
import { prepareDatabase } from "../../src/db/open.js";
import { ACTIVE_BOOKINGS_SQL, activeBookingsOf, activeBookingsParams } from "../../src/db/repos/appointments.js";
import { contactHashes, normalizePhone } from "../../src/scheduler/contact-cap.js";
import { auth, booking, expectProblem } from "../support/http.js";
import { bearer, nextSlot, OTHER, OWN, type Tenants, twoTenants } from "../support/tenants.js";

// At most 3 active future public bookings per customer email or phone per dealer
// (DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT), checked inside the booking transaction on
// indexed contact hashes. Staff bookings are not capped. Public answers never show
// another customer's data.
//
// Each test reaches the cap with contacts of its own: none relies on what another booked.

let t: Tenants;
beforeAll(async () => {
  t = await twoTenants();
});
afterAll(() => t?.close());

const post = (dealerId: string, body: unknown, headers: Record<string, string> = {}) =>
  t.api("POST", `/v1/dealers/${dealerId}/appointments`, body, headers);
const as = (customer: Record<string, unknown>) =>
  booking({ start: nextSlot() }, { interventions: ["check"], customer: { name: "Giulia Verdi", ...customer } });
type Booked = { id: string; manageToken: string };

/** Three public bookings for this contact at OWN: the cap. */
async function reachCap(customer: Record<string, unknown>): Promise<Booked[]> {
  const booked: Booked[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await post(OWN, as(customer));
    expect(res.status).toBe(201);
    booked.push((await res.json()) as Booked);
  }
  return booked;
}

describe("the per-contact cap", () => {
  it("refuses the 4th active booking of one email with 409 too_many_bookings, naming no contact, storing nothing", async () => {
    await reachCap({ email: "giulia@example.com" });
    const before = t.snapshot();
    const res = await post(OWN, as({ email: "giulia@example.com" }));
    const body = await expectProblem(res, 409, "too_many_bookings");
    expect(body.limit).toBe(3);
    expect(JSON.stringify(body)).not.toMatch(/giulia|example\.com/i);
    expect(t.snapshot()).toEqual(before);
  });

  it("recognises the same contact in another spelling: case in the email, formatting of the phone", async () => {
    await reachCap({ email: "spelling@example.com" });
    await expectProblem(await post(OWN, as({ email: "Spelling@Example.COM" })), 409, "too_many_bookings");
    // Reach the cap by phone, then a new email with the same phone is refused too.
    for (let i = 0; i < 3; i++)
      expect((await post(OWN, as({ email: `g${i}@example.org`, phone: "+39 333 765 4321" }))).status).toBe(201);
    await expectProblem(
      await post(OWN, as({ email: "fresh@example.org", phone: "0039-333-7654321" })),
      409,
      "too_many_bookings",
    );
    expect(normalizePhone("+39 (333) 765-4321")).toBe(normalizePhone("0039 3337654321"));
  });

  it("counts a booking once even when both its email and its phone match", async () => {
    await reachCap({ email: "both@example.org", phone: "+39 333 111 2222" });
    const c = contactHashes({ email: "both@example.org", phone: "+39 333 111 2222" });
    expect(activeBookingsOf(t.sqlite, OWN, c, epochMinute(t.deps.now()))).toBe(3);
  });

  it("frees a place when the customer cancels with the manage token", async () => {
    const mine = async () => (await post(OWN, as({ email: "cancel@example.com" }))) as Response;
    const first = (await (await mine()).json()) as Booked;
    await mine();
    await mine();
    await expectProblem(await mine(), 409, "too_many_bookings");
    expect((await t.api("POST", `/v1/manage/${first.manageToken}/cancel`, {})).status).toBe(200);
    expect((await mine()).status).toBe(201);
  });

  it("replays an earlier booking's Idempotency-Key even at the cap (a retry is not a new booking)", async () => {
    const body = as({ email: "retry@example.com" });
    const first = await post(OWN, body, { "Idempotency-Key": "cap-retry" });
    expect(first.status).toBe(201);
    await post(OWN, as({ email: "retry@example.com" }));
    await post(OWN, as({ email: "retry@example.com" }));
    const replay = await post(OWN, body, { "Idempotency-Key": "cap-retry" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("does not cap staff booking for a customer, nor the same customer at another dealer", async () => {
    await reachCap({ email: "staff@example.com" });
    await expectProblem(await post(OWN, as({ email: "staff@example.com" })), 409, "too_many_bookings");
    expect((await post(OWN, as({ email: "staff@example.com" }), bearer(t.keys.advisorOwn.secret))).status).toBe(201);
    expect((await post(OWN, as({ email: "staff@example.com" }), auth)).status).toBe(201);
    expect((await post(OTHER, as({ email: "staff@example.com" }))).status).toBe(201);
  });

  it("only counts appointments still ahead: later, the past ones no longer hold a place", async () => {
    await reachCap({ email: "ahead@example.com" });
    // The same database seen from a clock a year later: every booking above is in the past.
    const later = createApp({ ...t.deps, now: () => Date.parse("2027-12-01T09:00:00Z") });
    const res = await later.request(`/v1/dealers/${OWN}/appointments`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(
        booking(
          { start: "2027-12-07T10:00" },
          { interventions: ["check"], customer: { name: "Giulia Verdi", email: "ahead@example.com" } },
        ),
      ),
    });
    expect(res.status).toBe(201);
  });

  it("counts with the contact indexes, never a scan of the appointments", () => {
    const plan = t.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${ACTIVE_BOOKINGS_SQL}`)
      .all(...activeBookingsParams("x", { email: "y", phone: "z" }, 0)) as Array<{ detail: string }>;
    const text = plan.map((p) => p.detail).join(" | ");
    for (const idx of [
      "appointments_own_email_idx",
      "appointments_own_phone_idx",
      "customers_dealer_email_idx",
      "customers_dealer_phone_idx",
      "appointments_customer_idx",
    ])
      expect(text).toContain(`USING INDEX ${idx}`);
    expect(text).not.toMatch(/\bSCAN (appointments|customers|a|c)\b/);
  });

  it("keeps the customer-first join order even with statistics of near-empty tables", () => {
    const db = new Database(":memory:");
    prepareDatabase(db);
    db.exec("ANALYZE");
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${ACTIVE_BOOKINGS_SQL}`)
      .all(...activeBookingsParams("x", { email: "y", phone: "z" }, 0)) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(" | ")).not.toMatch(/\bSCAN (appointments|customers|a|c)\b/);
    db.close();
  });
});

// Whose bookings a contact holds (db/repos/appointments.ts): every booking counts under
// the contact it was made with. One linked to a customer whose hashes equal its own counts
// through the customer and writes no contact entry of its own (issue 17); every other by
// its own hashes, and a customer's change of contact gives its bookings their entries back.
describe("the cap counts every booking under the contact it was made with, however it is linked", () => {
  const rowOf = (id: string) =>
    t.sqlite
      .prepare("SELECT customer_id, possible_match_json, own_contact_indexed FROM appointments WHERE id = ?")
      .get(id) as { customer_id: string | null; possible_match_json: string | null; own_contact_indexed: number };
  const count = (customer: { email?: string; phone?: string }) =>
    activeBookingsOf(t.sqlite, OWN, contactHashes(customer), epochMinute(t.deps.now()));
  const VIN = "ZN6CAPCAP00000001";
  // No VIN unless asked: the fixture's shared VIN would make every anonymous booking a possible match.
  const body = (customer: Record<string, unknown>, vin?: string) => ({
    ...as(customer),
    vehicle: vin ? { model: "Grecale", vin } : { model: "Grecale" },
  });
  const book = async (customer: Record<string, unknown>, headers: Record<string, string> = {}, vin?: string) => {
    const res = await post(OWN, body(customer, vin), headers);
    expect(res.status).toBe(201);
    return ((await res.json()) as Booked).id;
  };
  const client = () => bearer(t.keys.clientOwn.secret);
  /** A client key books under its own channel: the body names none. */
  const asClient = (customer: Record<string, unknown>, vin?: string) => {
    const { channel: _, ...rest } = body(customer, vin);
    return rest;
  };

  it("keeps its contact indexes partial, on the flag", () => {
    for (const name of ["appointments_own_email_idx", "appointments_own_phone_idx"]) {
      const { sql } = t.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(name) as { sql: string };
      expect(sql).toMatch(/WHERE "appointments"\."own_contact_indexed" = 1$/);
    }
  });

  it("an anonymous booking that makes its own customer: linked, no entry of its own, counted by email and by phone", async () => {
    const c = { email: "linked@example.net", phone: "+39 320 000 0101" };
    const id = await book(c);
    expect(rowOf(id)).toMatchObject({ customer_id: expect.any(String), own_contact_indexed: 0 });
    expect([count({ email: c.email }), count({ phone: c.phone }), count(c)]).toEqual([1, 1, 1]);
  });

  it("an anonymous booking that matched a stored customer: unlinked, counted by the contact it was booked with", async () => {
    await book({ email: "match@example.net", phone: "+39 320 000 0202" });
    // The same phone with a new email: a possible match for staff, not a link.
    const id = await book({ email: "other@example.net", phone: "+39 320 000 0202" });
    expect(rowOf(id)).toMatchObject({
      customer_id: null,
      possible_match_json: expect.any(String),
      own_contact_indexed: 1,
    });
    expect([count({ email: "other@example.net" }), count({ phone: "+39 320 000 0202" })]).toEqual([1, 2]);
    // Staff apply the match: linked now, still counted under the email it was booked with.
    const match = JSON.parse(rowOf(id).possible_match_json ?? "{}") as { customerId: string };
    const view = await t.api("GET", `/v1/dealers/${OWN}/appointments/${id}`, undefined, auth);
    const applied = await t.api(
      "POST",
      `/v1/dealers/${OWN}/appointments/${id}/possible-match/apply`,
      { customerId: match.customerId },
      { ...auth, "If-Match": view.headers.get("etag") ?? "" },
    );
    expect(applied.status).toBe(200);
    expect(rowOf(id)).toMatchObject({ customer_id: match.customerId, own_contact_indexed: 1 });
    expect(count({ email: "other@example.net" })).toBe(1);
  });

  it("a staff booking of a stored customer counts towards that customer's public cap", async () => {
    const c = { email: "staffed@example.net" };
    await book(c);
    await book(c, bearer(t.keys.advisorOwn.secret));
    await book(c, bearer(t.keys.advisorOwn.secret));
    expect(count(c)).toBe(3);
    await expectProblem(await post(OWN, body(c)), 409, "too_many_bookings");
  });

  it("a booking with fewer contact details than its customer on file counts only under the ones it gave", async () => {
    const c = { email: "partial@example.net", phone: "+39 320 000 0404" };
    await book(c); // makes the customer, with both
    const id = await book({ email: c.email }, bearer(t.keys.advisorOwn.secret));
    expect(rowOf(id).own_contact_indexed).toBe(1);
    expect([count({ email: c.email }), count({ phone: c.phone })]).toEqual([2, 1]);
  });

  it("a client key alternating two contacts on one car (the owner matched by VIN and name) stays capped on each", async () => {
    const a = { email: "alt-a@example.net" };
    const b = { email: "alt-b@example.net" };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(OWN, asClient(i % 2 ? b : a, VIN), client())).status);
    // Each contact reaches 3; the rest are refused, and each holds exactly what it booked.
    expect(statuses.filter((s) => s === 201)).toHaveLength(6);
    expect(statuses.filter((s) => s === 409)).toHaveLength(4);
    expect([count(a), count(b)]).toEqual([3, 3]);
  });

  it("a client key changing a customer's email between bookings cannot take the earlier ones out of the count", async () => {
    const phone = "+39 320 000 0303";
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const email of ["keep@example.net", "keep@example.net", `throwaway${round}@example.net`])
        statuses.push((await post(OWN, asClient({ email, phone }), client())).status);
    }
    // Two with keep@, one with the throwaway that moved the customer's email: then the phone is full.
    expect([
      count({ email: "keep@example.net" }),
      count({ email: "throwaway0@example.net" }),
      count({ phone }),
    ]).toEqual([2, 1, 3]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
  });

  it("a client key changing a customer's phone: the earlier bookings still count under the old phone, not the new", async () => {
    const email = "phones@example.net";
    const [p1, p2] = ["+39 320 000 0505", "+39 320 000 0606"];
    for (const phone of [p1, p1, p2]) expect((await post(OWN, asClient({ email, phone }), client())).status).toBe(201);
    expect([count({ phone: p1 }), count({ phone: p2 }), count({ email })]).toEqual([2, 1, 3]);
    expect((await post(OWN, body({ email: "fresh-phones@example.net", phone: p1 }))).status).toBe(201);
    await expectProblem(
      await post(OWN, body({ email: "fresher-phones@example.net", phone: p1 })),
      409,
      "too_many_bookings",
    );
  });

  it("a past or cancelled linked booking no longer holds a place", async () => {
    const c = { email: "gone@example.net" };
    const id = await book(c);
    expect(rowOf(id).own_contact_indexed).toBe(0);
    expect(count(c)).toBe(1);
    t.sqlite.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ?").run(id);
    expect(count(c)).toBe(0);
    t.sqlite.prepare("UPDATE appointments SET status = 'requested', reception_start = 1 WHERE id = ?").run(id);
    expect(count(c)).toBe(0);
  });
});

describe("public answers never show another customer's data", () => {
  it("a 409 for a taken slot, the manage view and the availability carry no customer details", async () => {
    const start = nextSlot();
    const mario = booking(
      { start, advisorId: "a" },
      {
        interventions: ["check"],
        customer: { name: "Mario Segreto", email: "mario.segreto@example.com", phone: "+39 347 0000001" },
        request: "Mario's private words",
      },
    );
    const mine = (await (await post(OWN, mario)).json()) as Booked;
    const luigi = booking(
      { start, advisorId: "a" },
      { interventions: ["check"], customer: { name: "Luigi", email: "luigi@example.com" } },
    );
    const taken = await (await post(OWN, luigi)).text();
    const search = await (
      await t.api("POST", `/v1/dealers/${OWN}/availability`, { interventions: ["check"], from: start.slice(0, 10) })
    ).text();
    const pub = await (await t.api("GET", `/v1/dealers/${OWN}`)).text();
    for (const text of [taken, search, pub]) {
      expect(text).not.toMatch(/Segreto|mario\.segreto|347 0000001|private words/);
      expect(text).not.toContain(mine.id);
      expect(text).not.toContain(mine.manageToken);
    }
    // Mario's own view shows no contact details either (a forwarded link leaks nothing).
    const view = await (await t.api("GET", `/v1/manage/${mine.manageToken}`)).text();
    expect(view).not.toMatch(/Segreto|mario\.segreto|347 0000001/);
  });

  it("uses unguessable ids and manage tokens (UUID v7 with 74 random bits, 256-bit tokens)", async () => {
    const res = (await (await post(OWN, as({ email: "ids@example.com" }))).json()) as Booked;
    // Time-ordered for the indexes (lib/ids.ts); the id is not a capability, the token is.
    expect(res.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The dealer id routes the link (scheduler/tokens.ts); the 256-bit secret follows.
    expect(res.manageToken).toMatch(new RegExp(`^${OWN}_[A-Za-z0-9_-]{43}$`));
  });
});
