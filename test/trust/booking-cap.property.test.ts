import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochMinute } from "../../src/core/civil.js";
import { activeBookingsOf } from "../../src/db/repos/appointments.js";
import { contactHashes } from "../../src/scheduler/contact-cap.js";
import { countByOwnHashes } from "../support/contact-count.js";
import { auth, booking } from "../support/http.js";
import { bearer, nextSlot, OWN, type Tenants, twoTenants } from "../support/tenants.js";

// Property: whoever books (anonymous, a client key's end user, staff), with contacts and
// VINs that collide, whatever is cancelled and whichever possible matches staff apply, the
// per-contact cap counts every booking under the email and phone it was made with, exactly
// as a count of the appointments' own hashes would (db/repos/appointments.ts counts some
// of them through their customer, issue 17), and a public booking is refused for the cap
// exactly when its contact already holds 3.

const EMAILS = [null, "anna@example.net", "bruno@example.net", "carla@example.net"];
const PHONES = [null, "+39 320 100 0001", "+39 320 100 0002", "+39 320 100 0003"];
const CONTACTS = EMAILS.flatMap((email) => PHONES.map((phone) => ({ email, phone }))).filter((c) => c.email || c.phone);

const bookOp = fc.record({
  op: fc.constant("book" as const),
  who: fc.constantFrom("anonymous", "client", "client", "staff"),
  email: fc.constantFrom(...EMAILS),
  phone: fc.constantFrom(...PHONES),
  vin: fc.constantFrom(null, "ZN6CAPCAP00000011", "ZN6CAPCAP00000012"),
  name: fc.constantFrom("Anna Rossi", "Bruno Bianchi"),
});
const cancelOp = fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() });
const applyOp = fc.record({ op: fc.constant("apply" as const), pick: fc.nat() });

type Op = Parameters<Parameters<typeof bookOp.map>[0]>[0] | { op: "cancel" | "apply"; pick: number };
/** The hashes of a contact whose missing parts are null. */
const hashesOf = (c: { email: string | null; phone: string | null }) =>
  contactHashes({ email: c.email ?? undefined, phone: c.phone ?? undefined });

async function play(t: Tenants, ops: Op[]) {
  const now = epochMinute(t.deps.now());
  const byOwnHashes = (h: { email: string | null; phone: string | null }) => countByOwnHashes(t.sqlite, OWN, h, now);
  const tokens: string[] = [];
  for (const o of ops) {
    if (o.op === "book") {
      const email = o.email ?? (o.phone ? null : EMAILS[1]);
      // Known: the 15-minute reception, so every slot nextSlot() gives fits the day.
      const customer = {
        known: true,
        name: o.name,
        ...(email ? { email } : {}),
        ...(o.phone ? { phone: o.phone } : {}),
      };
      const { channel, ...body } = booking(
        { start: nextSlot() },
        { interventions: ["check"], customer, vehicle: { model: "Grecale", ...(o.vin ? { vin: o.vin } : {}) } },
      );
      const held = byOwnHashes(contactHashes(customer));
      const headers =
        o.who === "client"
          ? bearer(t.keys.clientOwn.secret)
          : o.who === "staff"
            ? bearer(t.keys.advisorOwn.secret)
            : {};
      // A client key books under its own channel: its body names none.
      const res = await t.api(
        "POST",
        `/v1/dealers/${OWN}/appointments`,
        o.who === "client" ? body : { ...body, channel },
        headers,
      );
      const answer = (await res.json()) as { manageToken?: string; code?: string };
      const capped = o.who !== "staff" && held >= 3;
      expect(res.status === 409 && answer.code === "too_many_bookings", `${o.who} with ${held} held`).toBe(capped);
      if (!capped) expect(res.status, JSON.stringify(answer)).toBe(201);
      if (answer.manageToken) tokens.push(answer.manageToken);
    } else if (o.op === "cancel" && tokens.length > 0) {
      expect((await t.api("POST", `/v1/manage/${tokens[o.pick % tokens.length]}/cancel`, {})).status).toBeLessThan(500);
    } else if (o.op === "apply") {
      const matches = t.sqlite
        .prepare(
          "SELECT id, possible_match_json AS m FROM appointments WHERE possible_match_json IS NOT NULL ORDER BY id",
        )
        .all() as Array<{ id: string; m: string }>;
      if (matches.length === 0) continue;
      const row = matches[o.pick % matches.length];
      const view = await t.api("GET", `/v1/dealers/${OWN}/appointments/${row.id}`, undefined, auth);
      const res = await t.api(
        "POST",
        `/v1/dealers/${OWN}/appointments/${row.id}/possible-match/apply`,
        { customerId: (JSON.parse(row.m) as { customerId: string }).customerId },
        { ...auth, "If-Match": view.headers.get("etag") ?? "" },
      );
      expect(res.status).toBe(200);
    }
    // A booking counted through its customer has exactly that customer's hashes, now.
    const astray = t.sqlite
      .prepare(
        "SELECT a.id FROM appointments a LEFT JOIN customers c ON c.id = a.customer_id WHERE a.own_contact_indexed = 0" +
          " AND (c.id IS NULL OR a.contact_email_hash IS NOT c.email_hash OR a.contact_phone_hash IS NOT c.phone_hash)",
      )
      .all();
    expect(astray).toEqual([]);
    for (const c of CONTACTS) {
      const h = hashesOf(c);
      expect(activeBookingsOf(t.sqlite, OWN, h, now), `${c.email} ${c.phone}`).toBe(byOwnHashes(h));
    }
  }
}

describe("the per-contact cap under any sequence of callers", () => {
  it("counts each booking under the contact it was made with, however it is linked, and refuses exactly at 3", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(bookOp, bookOp, bookOp, cancelOp, applyOp), { minLength: 1, maxLength: 30 }),
        async (ops) => {
          const t = await twoTenants();
          try {
            await play(t, ops);
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 240_000);
});
