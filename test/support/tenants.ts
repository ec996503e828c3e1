import { type Api, auth, booking, inProcess, type InProcess, week } from "./http.js";
import type { TestAppOptions } from "./app.js";
import type { AppointmentView } from "./contracts.js";

// Two tenants for the trust tests: dealers "alpha" (own) and "beta" (other), each with
// an advisor key and an admin key created through the API by the bootstrap token.

export const OWN = "alpha";
export const OTHER = "beta";
export const ORIGINS: Record<string, string> = { [OWN]: "https://www.alpha.example", [OTHER]: "https://beta.example" };

/** Six advisors, Mon–Sat 08:00–18:00, a labour-free intervention, no express reserve: room for many bookings. */
export function roomyDealer(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    timeZone: "Europe/Rome",
    openingHours: week([["08:00", "18:00"]], ["mon", "tue", "wed", "thu", "fri", "sat"]),
    rushHours: [],
    advisors: ["a", "b", "c", "d", "e", "f"].map((id) => ({ id, name: `Advisor ${id.toUpperCase()}` })),
    interventions: { check: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" } },
    express: { reservedReceptions: { morning: 0, afternoon: 0 }, defaultReservedHours: 0, heldCourtesyCars: 0 },
    receptionRules: { maxHorizonDays: 730 },
    widgetOrigins: [ORIGINS[name] ?? `https://${name}.example`],
    ...overrides,
  };
}

export const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

export async function createKey(
  api: Api,
  dealerId: string,
  role: "advisor" | "admin" | "client",
  as: Record<string, string> = auth,
) {
  const res = await api("POST", `/v1/dealers/${dealerId}/api-keys`, { role, label: `${role} of ${dealerId}` }, as);
  const body = (await res.json()) as { id: string; secret: string; role: string; dealerId: string };
  if (res.status !== 201) throw new Error(`create key: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

let slotSeq = 0;
/** A fresh local start on the roomy dealers' grid: Tue 2026-11-24 08:00 onwards, Mon–Sat, 40 per day. */
export function nextSlot(): string {
  const i = slotSeq++;
  // The k-th open day (Sundays are closed) from Tuesday 2026-11-24.
  let k = Math.floor(i / 40);
  let day = Date.UTC(2026, 10, 24);
  for (;;) {
    if (new Date(day).getUTCDay() !== 0 && k-- === 0) break;
    day += 86_400_000;
  }
  const m = 8 * 60 + (i % 40) * 15;
  return `${new Date(day).toISOString().slice(0, 10)}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

let customerSeq = 0;
/** A booking body on a fresh slot for a fresh customer (never hits the per-contact cap). */
export function freshBooking(overrides: Record<string, unknown> = {}) {
  const n = ++customerSeq;
  return booking(
    { start: nextSlot() },
    {
      interventions: ["check"],
      customer: { known: true, name: `Customer ${n}`, email: `c${n}@example.com` },
      ...overrides,
    },
  );
}

export async function bookAs(
  api: Api,
  dealerId: string,
  headers: Record<string, string> = auth,
  overrides: Record<string, unknown> = {},
) {
  const res = await api("POST", `/v1/dealers/${dealerId}/appointments`, freshBooking(overrides), headers);
  const body = (await res.json()) as AppointmentView;
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export interface Tenants extends InProcess {
  keys: Record<
    "advisorOwn" | "adminOwn" | "clientOwn" | "advisorOther" | "adminOther" | "clientOther" | "revokedKey",
    { id: string; secret: string }
  >;
}

export async function twoTenants(options: TestAppOptions = {}): Promise<Tenants> {
  const t = inProcess(options);
  for (const id of [OWN, OTHER]) {
    const res = await t.api("PUT", `/v1/dealers/${id}`, roomyDealer(id), auth);
    if (res.status !== 201) throw new Error(`PUT ${id}: ${res.status} ${await res.text()}`);
  }
  const revoked = await createKey(t.api, OWN, "admin");
  await t.api("DELETE", `/v1/dealers/${OWN}/api-keys/${revoked.id}`, undefined, auth);
  return {
    ...t,
    keys: {
      advisorOwn: await createKey(t.api, OWN, "advisor"),
      adminOwn: await createKey(t.api, OWN, "admin"),
      clientOwn: await createKey(t.api, OWN, "client"),
      advisorOther: await createKey(t.api, OTHER, "advisor"),
      adminOther: await createKey(t.api, OTHER, "admin"),
      clientOther: await createKey(t.api, OTHER, "client"),
      revokedKey: revoked,
    },
  };
}
