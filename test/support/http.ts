import Database from "better-sqlite3";
import { afterAll, beforeAll, expect } from "vitest";
import { ADMIN_TOKEN, auth, createTestApp, FIXED_NOW, type TestAppOptions } from "./app.js";
import { type ServerRuntime, spawnServer, type SpawnedServer } from "./server.js";
import type { AppointmentView, AvailabilityResponse, ProblemOf } from "./contracts.js";
import { perFile } from "./fixture.js";

// Shared vocabulary of the Booking API acceptance tests: a client that speaks either to
// the in-process app or to a real server over loopback, request builders, problem
// assertions and a snapshot of everything stored (to prove that a refusal wrote nothing).

export { ADMIN_TOKEN, auth };

/** One HTTP exchange: JSON in (when a body is given), the raw Response out. */
export type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;

export function fetchApi(baseUrl: string): Api {
  return (method, path, body, headers = {}) =>
    fetch(baseUrl + path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
}

/**
 * The REAL server process for the enclosing describe (or file), started before its tests
 * and stopped after them. Loads come from one address, so the public rate limits are off.
 * runtime "worker": the Worker on local workerd (`npm run dev:worker`) instead of Node.
 */
export function useRealServer(
  env: Record<string, string> = { SEED_DEMO: "0", RATE_LIMITS: "off" },
  runtime: ServerRuntime = "node",
) {
  const real = {} as { server: SpawnedServer; http: Api };
  beforeAll(async () => {
    real.server = await spawnServer({ env, runtime });
    real.http = fetchApi(real.server.baseUrl);
  }, 90_000);
  afterAll(async () => {
    await real.server?.stop();
  });
  return real;
}

/** The in-process app over a temp SQLite file, with its api and a row snapshot. */
export function inProcess(options: TestAppOptions = {}) {
  const t = createTestApp(options);
  const api: Api = async (method, path, body, headers) => t.json(method, path, body, headers);
  return { ...t, api, snapshot: () => snapshot(t.sqlite) };
}
export type InProcess = ReturnType<typeof inProcess>;

/** One in-process app for the whole file (or enclosing describe), closed after its last test (support/fixture.ts). */
export const inProcessPerFile = (options: TestAppOptions = {}): InProcess =>
  perFile(
    () => inProcess(options),
    (t) => t.close(),
  );

/**
 * One in-process app for the file whose clock its tests move (`setNow` takes an ISO
 * instant, `now()` reads it), starting at FIXED_NOW; a fresh dealer a test (`dealer()`),
 * and staff's lifecycle steps on its appointments and their reads (`act`, `get`).
 */
export function clockedAppPerFile(prefix: string) {
  let nowMs = Date.parse(FIXED_NOW);
  const t = inProcessPerFile({ now: () => nowMs });
  const api: Api = (...args) => t.api(...args);
  return {
    t,
    api,
    dealer: freshDealers(api, prefix),
    now: () => nowMs,
    setNow: (instant: string) => {
      nowMs = Date.parse(instant);
    },
    act: (d: string, id: string, action: string, headers: Record<string, string> = {}) =>
      api("POST", `/v1/dealers/${d}/appointments/${id}/${action}`, {}, { ...auth, ...headers }),
    get: async (d: string, id: string) =>
      (await api("GET", `/v1/dealers/${d}/appointments/${id}`, undefined, auth)).json() as Promise<AppointmentView>,
  };
}

// ---- dealers -------------------------------------------------------------------------

type Hours = Array<[string, string]>;
const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Opening hours with the same ranges on the given weekdays and closed on the others. */
export function week(hours: Hours, days: ReadonlyArray<(typeof WEEK)[number]> = WEEK): Record<string, Hours> {
  return Object.fromEntries(WEEK.map((d) => [d, days.includes(d) ? hours : []]));
}

/**
 * A small Rome dealer: Mon–Fri 08:00–18:00, Sat 09:00–12:30, two advisors (Anna, Bruno),
 * two courtesy cars, default rules (3 receptions per hour, 90 minutes per 2 hours).
 */
export function romeDealer(overrides: Record<string, unknown> = {}) {
  return {
    name: "Roma Est",
    timeZone: "Europe/Rome",
    address: "Via Example 1",
    parking: "Customer bays 1-6, front entrance",
    advisors: [
      { id: "anna", name: "Anna Rossi" },
      { id: "bruno", name: "Bruno Neri" },
    ],
    mobility: { courtesyCars: 2, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
    ...overrides,
  };
}

export async function putDealer(api: Api, id: string, config: unknown): Promise<void> {
  const res = await api("PUT", `/v1/dealers/${id}`, config, auth);
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT dealer ${id}: ${res.status} ${await res.text()}`);
}

/**
 * A fresh romeDealer(overrides) on each call, named `${prefix}-1`, `${prefix}-2`…, so no
 * test sees another's bookings on an app the whole file shares. Returns the dealer's id.
 */
export function freshDealers(api: Api, prefix: string) {
  let seq = 0;
  return async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const id = `${prefix}-${++seq}`;
    await putDealer(api, id, romeDealer(overrides));
    return id;
  };
}

// ---- bookings ------------------------------------------------------------------------

export const CUSTOMER = {
  known: true,
  name: "Marco Bianchi",
  email: "marco.bianchi@example.com",
  phone: "+39 333 1234567",
  reminders: { consent: true, channel: "sms" },
};

/** A booking body for `maintenance` (15-min reception, 2 h of mechanical labour). */
export function booking(
  slot: { optionId?: string; start?: string; advisorId?: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    ...slot,
    vehicle: { model: "Grecale", vin: "ZN6XXXXXXXX000001" },
    interventions: ["maintenance"],
    customer: CUSTOMER,
    mobility: "none",
    request: "Strange noise from the front left wheel",
    channel: "web",
    ...overrides,
  };
}

/** A known customer's search (as CUSTOMER says): an unsaid `known` would mean a new customer. */
export const availability = (overrides: Record<string, unknown> = {}) => ({
  interventions: ["maintenance"],
  customer: { known: true },
  ...overrides,
});

/** Books and returns the 201 body; fails the test with the server's answer otherwise. */
export async function book(
  api: Api,
  dealerId: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<AppointmentView> {
  const res = await api("POST", `/v1/dealers/${dealerId}/appointments`, body, headers);
  const json = (await res.json()) as AppointmentView;
  if (res.status !== 201) throw new Error(`booking expected 201, got ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

export async function search(
  api: Api,
  dealerId: string,
  body: unknown = availability(),
  headers: Record<string, string> = {},
): Promise<AvailabilityResponse> {
  const res = await api("POST", `/v1/dealers/${dealerId}/availability`, body, headers);
  const json = (await res.json()) as AvailabilityResponse;
  if (res.status !== 200) throw new Error(`availability expected 200, got ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

// ---- assertions ----------------------------------------------------------------------

/** Asserts an RFC 9457 problem with our stable code, and returns its body (typed by the members its code carries). */
export async function expectProblem<C extends string>(res: Response, status: number, code: C): Promise<ProblemOf<C>> {
  const text = await res.text();
  expect({ status: res.status, body: text.slice(0, 300) }).toMatchObject({ status });
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = JSON.parse(text);
  expect(body).toMatchObject({ type: `https://pitlane.dev/problems/${code}`, status, code });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  return body as ProblemOf<C>;
}

/** The epoch ms of an ISO instant; lets tests compare instants written with any offset. */
export const ms = (iso: string) => Date.parse(iso);

// ---- storage -------------------------------------------------------------------------

export interface Reader {
  prepare(sql: string): { all(...p: unknown[]): unknown[] };
}

/**
 * Every stored row that a request could have written, in a comparable form. Equal
 * snapshots before and after a request prove that it stored nothing and changed nothing.
 */
export function snapshot(sqlite: Reader) {
  return {
    dealers: sqlite.prepare("SELECT id, version, config_json FROM dealers ORDER BY id").all(),
    appointments: sqlite.prepare("SELECT * FROM appointments ORDER BY id").all(),
    audit: sqlite.prepare("SELECT count(*) AS n FROM audit_log").all(),
    idempotency: sqlite
      .prepare("SELECT dealer_id, scope, key, request_hash FROM idempotency_keys ORDER BY 1, 2, 3")
      .all(),
    holds: sqlite.prepare("SELECT id, dealer_id, reception_start, expires_at FROM holds ORDER BY id").all(),
  };
}

/** A read-only connection to a server's database file (WAL: readers never block it). */
export function readDb(path: string) {
  return new Database(path, { readonly: true, fileMustExist: true });
}
