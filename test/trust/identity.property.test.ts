import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { auth, DEALER, journeyApp, type JourneyApp, setupDealer } from "../support/journey.js";

// Property: whatever an anonymous caller books, cancels or reschedules (with contacts and
// VINs that collide with stored customers, in any case or phone spelling), no stored
// customer or vehicle changes, no appointment's contact changes, and every reminder goes
// to the contact of its own booking. Real app, real SQLite file, the real timers.

const A = `/v1/dealers/${DEALER}/appointments`;
const V1 = "ZN6GU77C000000001";
const V2 = "ZN6GU77C000000002";
const V3 = "ZN6GU77C000000003";
const STORED = [
  { name: "Lia Conti", email: "lia@example.com", phone: "+39 347 0000001", vin: V1, channel: "sms" },
  { name: "Ugo Neri", email: "ugo@example.com", phone: "+39 347 0000002", vin: V2, channel: "email" },
];
const DAYS = ["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"];
const startOf = (day: number, slot: number) => {
  const m = 9 * 60 + slot * 30;
  return `${DAYS[day]}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

const bookOp = fc.record({
  op: fc.constant("book" as const),
  email: fc.constantFrom(null, "lia@example.com", "LIA@Example.com", "ugo@example.com", "new@example.com"),
  phone: fc.constantFrom(null, "+39 347 0000001", "0039 347 0000002", "+39 333 5555555"),
  name: fc.constantFrom("Lia Conti", "Mallory", "Ugo Neri"),
  vin: fc.constantFrom(null, V1, V2, V3),
  model: fc.constantFrom("Grecale", "MC20"),
  consent: fc.boolean(),
  channel: fc.constantFrom("sms", "email"),
  day: fc.nat(DAYS.length - 1),
  slot: fc.nat(15),
});
const cancelOp = fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() });
const rescheduleOp = fc.record({
  op: fc.constant("reschedule" as const),
  pick: fc.nat(),
  day: fc.nat(DAYS.length - 1),
  slot: fc.nat(15),
});

async function setup(): Promise<JourneyApp> {
  const t = journeyApp("2026-11-23T09:00:00Z");
  await setupDealer(t);
  for (const [i, s] of STORED.entries()) {
    const res = await t.api(
      "POST",
      A,
      {
        start: startOf(0, i),
        advisorId: "anna",
        vehicle: { model: "Grecale", vin: s.vin },
        interventions: ["maintenance"],
        customer: {
          known: true,
          name: s.name,
          email: s.email,
          phone: s.phone,
          reminders: { consent: true, channel: s.channel },
        },
        channel: "phone",
      },
      auth,
    );
    expect(res.status).toBe(201);
  }
  return t;
}

const contactOf = (json: string) => {
  const c = JSON.parse(json);
  return { name: c.name, email: c.email ?? null, phone: c.phone ?? null };
};

describe("anonymous callers never change who anyone is", () => {
  it("bookings, cancels and reschedules leave stored customers, vehicles and every appointment's contact alone; reminders go to their own booking's contact", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(bookOp, bookOp, cancelOp, rescheduleOp), { minLength: 1, maxLength: 10 }),
        async (ops) => {
          const t = await setup();
          try {
            const customersBefore = t.rows("SELECT * FROM customers ORDER BY id");
            const vehiclesBefore = t.rows("SELECT * FROM vehicles ORDER BY id");
            const booked = new Map<string, string>(
              t
                .rows<{ id: string; customer_json: string }>("SELECT id, customer_json FROM appointments")
                .map((r) => [r.id, r.customer_json]),
            );
            const tokens: string[] = [];
            for (const o of ops) {
              if (o.op === "book") {
                const email = o.email ?? (o.phone ? undefined : "new@example.com");
                const customer = {
                  known: true,
                  name: o.name,
                  ...(email ? { email } : {}),
                  ...(o.phone ? { phone: o.phone } : {}),
                  // A channel goes with its address (a reminder channel without one is a 400).
                  reminders: {
                    consent: o.consent,
                    channel: o.channel === "email" ? (email ? "email" : "sms") : o.phone ? "sms" : "email",
                  },
                };
                const res = await t.api("POST", A, {
                  start: startOf(o.day, o.slot),
                  vehicle: { model: o.model, ...(o.vin ? { vin: o.vin } : {}) },
                  interventions: ["maintenance"],
                  customer,
                });
                const body = await json<AppointmentView>(res);
                expect([201, 409]).toContain(res.status);
                if (res.status === 201) {
                  tokens.push(body.manageToken!);
                  booked.set(
                    body.id,
                    t.rows<{ customer_json: string }>("SELECT customer_json FROM appointments WHERE id = ?", body.id)[0]
                      .customer_json,
                  );
                }
              } else if (tokens.length > 0) {
                const token = tokens[o.pick % tokens.length];
                const res =
                  o.op === "cancel"
                    ? await t.api("POST", `/v1/manage/${token}/cancel`, {})
                    : await t.api("POST", `/v1/manage/${token}/reschedule`, { start: startOf(o.day, o.slot) });
                expect(res.status).toBeLessThan(500);
              }
            }
            // The reminders, each at its own instant.
            for (const j of t.rows<{ due_at: number }>(
              "SELECT due_at FROM jobs WHERE kind = 'reminder' AND status = 'pending' ORDER BY due_at",
            ))
              t.run(j.due_at);

            expect(
              t.rows(
                "SELECT * FROM customers WHERE id IN (" + customersBefore.map(() => "?").join(",") + ") ORDER BY id",
                ...customersBefore.map((c) => c.id),
              ),
            ).toEqual(customersBefore);
            expect(
              t.rows(
                "SELECT * FROM vehicles WHERE id IN (" + vehiclesBefore.map(() => "?").join(",") + ") ORDER BY id",
                ...vehiclesBefore.map((v) => v.id),
              ),
            ).toEqual(vehiclesBefore);
            const rows = t.rows<{ id: string; customer_id: string | null; customer_json: string }>(
              "SELECT id, customer_id, customer_json FROM appointments",
            );
            for (const r of rows) {
              expect(r.customer_json, `appointment ${r.id} keeps its contact`).toBe(booked.get(r.id));
              if (r.customer_id) {
                const linked = t.rows("SELECT name, email, phone FROM customers WHERE id = ?", r.customer_id)[0];
                expect(linked, `appointment ${r.id} is linked to its own contact`).toEqual(contactOf(r.customer_json));
              }
            }
            const byId = new Map(rows.map((r) => [r.id, r]));
            for (const m of t.rows<{ appointment_id: string; recipient_ref: string }>(
              "SELECT appointment_id, recipient_ref FROM outbox WHERE audience = 'customer'",
            )) {
              const own = contactOf(byId.get(m.appointment_id)!.customer_json);
              const [kind, id] = m.recipient_ref.split(":");
              const to =
                kind === "customer"
                  ? t.rows("SELECT name, email, phone FROM customers WHERE id = ?", id)[0]
                  : contactOf(byId.get(id)!.customer_json);
              expect(to, `message for ${m.appointment_id} goes to its own booking's contact`).toEqual(own);
            }
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
