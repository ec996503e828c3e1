import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { epochMinute } from "../../src/core/civil.js";
import { ACTIVE_BOOKINGS_SQL, activeBookingsOf } from "../../src/db/repos/appointments.js";
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
    const plan = t.sqlite.prepare(`EXPLAIN QUERY PLAN ${ACTIVE_BOOKINGS_SQL}`).all("x", "y", 0, "x", "z", 0) as Array<{
      detail: string;
    }>;
    const text = plan.map((p) => p.detail).join(" | ");
    expect(text).toMatch(/USING INDEX appointments_dealer_email_idx/);
    expect(text).toMatch(/USING INDEX appointments_dealer_phone_idx/);
    expect(text).not.toMatch(/SCAN appointments/);
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
