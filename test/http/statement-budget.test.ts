import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auth,
  availability,
  booking,
  inProcess,
  type InProcess,
  putDealer,
  romeDealer,
  search,
} from "../support/http.js";

// What a booking and a search cost in SQLite statements, as a budget (issue 17): each one
// executed inside a loaded server costs several times its price in a loop, and the ones
// below were each paid once too often before. A statement added to these paths must be
// added here, on purpose; the failure lists what ran.

let t: InProcess;
beforeAll(async () => {
  t = inProcess();
  await putDealer(t.api, "roma", romeDealer());
});
afterAll(() => t.close());

type Proto = Record<"run" | "get" | "all", (...a: unknown[]) => unknown>;

/** The SQL of every statement run while fn runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const proto = Object.getPrototypeOf(t.sqlite.prepare("SELECT 1")) as Proto;
  const ran: string[] = [];
  const saved = { run: proto.run, get: proto.get, all: proto.all };
  for (const m of ["run", "get", "all"] as const)
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      ran.push(this.source.replace(/\s+/g, " "));
      return saved[m].apply(this, a);
    };
  try {
    await fn();
  } finally {
    Object.assign(proto, saved);
  }
  return ran;
}

const listed = (ran: string[]) => ran.map((s) => s.slice(0, 70)).join("\n");

describe("statements per request", () => {
  it("an anonymous booking of a new customer and a new VIN: 15 (its supervisor notice and the derived timers' watermark among them), none of them a read-back of a row it just wrote", async () => {
    await search(t.api, "roma", availability({ vehicle: { model: "Ghibli", vin: "ZAMBUDGET00000001" } })); // the runtime is built
    // The store's first booking starts the derived timers' watermarks (journey/derived-timers.ts): once, not per booking.
    const first = booking(
      { start: "2026-11-25T10:00", advisorId: "anna" },
      { customer: { known: true, name: "Prima Cliente", email: "prima@example.com" } },
    );
    expect((await t.api("POST", "/v1/dealers/roma/appointments", first)).status).toBe(201);
    const body = booking(
      { start: "2026-11-25T11:00", advisorId: "anna" },
      {
        customer: {
          known: true,
          name: "Nuova Cliente",
          email: "nuova@example.com",
          reminders: { consent: true, channel: "email" },
        },
        vehicle: { model: "Ghibli", vin: "ZAMBUDGET00000002" },
      },
    );
    let status = 0;
    const ran = await statementsOf(async () => {
      status = (await t.api("POST", "/v1/dealers/roma/appointments", body, { "Idempotency-Key": "k-budget-0001" }))
        .status;
    });
    expect(status).toBe(201);
    // The contact cap's count reads customers too (through their hashes): not a lookup of one.
    const lookups = (table: string) =>
      ran.filter(
        (s) =>
          !s.startsWith("SELECT count(*)") &&
          ((s.startsWith("SELECT") && s.includes(`FROM ${table}`)) || s.includes(`FROM "${table}"`)),
      );
    expect(lookups("customers"), listed(ran)).toHaveLength(1); // by email: nobody
    expect(lookups("vehicles"), listed(ran)).toHaveLength(1); // by VIN: not on file
    expect(
      ran.filter((s) => s.startsWith("SELECT") && s.includes("customer_json")),
      listed(ran),
    ).toEqual([]);
    expect(ran.length, listed(ran)).toBeLessThanOrEqual(15);
  });

  it("a staff booking of a returning customer with the same contact leaves the other bookings' cap flags alone; a new email (matched by phone) does not", async () => {
    const customer = { known: true, name: "Cliente Ritorno", email: "ritorno@example.com", phone: "+39 333 000 9999" };
    const at = (start: string, c: Record<string, unknown>) =>
      booking({ start, advisorId: "anna" }, { customer: c, vehicle: { model: "Ghibli" }, channel: "phone" });
    expect((await t.api("POST", "/v1/dealers/roma/appointments", at("2026-11-26T09:00", customer), auth)).status).toBe(
      201,
    );
    const flags = (ran: string[]) => ran.filter((s) => s.includes("SET own_contact_indexed"));
    const same = await statementsOf(() =>
      t.api("POST", "/v1/dealers/roma/appointments", at("2026-11-26T10:00", customer), auth),
    );
    expect(flags(same), listed(same)).toEqual([]);
    const moved = await statementsOf(() =>
      t.api(
        "POST",
        "/v1/dealers/roma/appointments",
        at("2026-11-26T11:00", { ...customer, email: "nuova.ritorno@example.com" }),
        auth,
      ),
    );
    expect(flags(moved), listed(moved)).toHaveLength(1);
  });

  it("an anonymous search naming a VIN, once the dealer's runtime is built: none", async () => {
    await search(t.api, "roma", availability({ vehicle: { model: "Ghibli", vin: "ZAMBUDGET00000003" } }));
    const ran = await statementsOf(() =>
      search(t.api, "roma", availability({ vehicle: { model: "Ghibli", vin: "ZAMBUDGET00000004" } })),
    );
    expect(ran).toEqual([]);
  });
});
