import { rmSync } from "node:fs";
import { createTestApp } from "./app.js";
import type { AppDeps } from "../../src/app.js";
import { runDue } from "../../src/scheduler/journey/runner.js";
import { enqueue } from "../../src/db/repos/outbox.js";
import { type Api, auth, week } from "./http.js";
import type { AppointmentView } from "./contracts.js";
import { perTest } from "./fixture.js";

// The app with its journey engine over a real SQLite file, and a clock the test moves.
// restart() closes the database and builds a fresh app on the same file, as a process
// restart would: nothing survives but what was committed. Built on createTestApp.

export { auth };
export const DEALER = "rome";

/** Open every day 08:00-18:00 (Sundays too, so DST Sundays can be booked), two advisors. */
export function journeyDealer(overrides: Record<string, unknown> = {}) {
  return {
    name: "Roma Est",
    timeZone: "Europe/Rome",
    address: "Via Example 1, Roma",
    parking: "Bays 1-6",
    openingHours: week([["08:00", "18:00"]]),
    rushHours: [["08:00", "09:00"]],
    advisors: [
      { id: "anna", name: "Anna Rossi" },
      { id: "bruno", name: "Bruno Neri" },
    ],
    mobility: { courtesyCars: 2, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
    express: { reservedReceptions: { morning: 0, afternoon: 0 }, defaultReservedHours: 0, heldCourtesyCars: 0 },
    locale: "en",
    ...overrides,
  };
}

export function journeyApp(startIso: string, extra: Partial<AppDeps> = {}) {
  const clock = { ms: Date.parse(startIso) };
  const logs: Array<Record<string, unknown>> = [];
  const build = (dir?: string) =>
    createTestApp({
      dir,
      now: () => clock.ms,
      deps: { log: (l) => logs.push(l as Record<string, unknown>), ...extra },
    });
  let cur = build();
  const { dir, dbPath } = cur;
  const api: Api = async (method, path, body, headers = {}) =>
    cur.app.request(path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const t = {
    clock,
    logs,
    dbPath,
    api,
    /** A POST with a raw body and headers of the test's choosing (forms, signatures). */
    api2: (path: string, body: string, headers: Record<string, string>) =>
      cur.app.request(path, { method: "POST", headers, body }),
    get sqlite() {
      return cur.sqlite;
    },
    get journey() {
      return cur.journey;
    },
    get runtimes() {
      return cur.runtimes;
    },
    at(iso: string | number) {
      clock.ms = typeof iso === "number" ? iso : Date.parse(iso);
    },
    /** Runs the due timers as of `iso` (the clock moves there). */
    run(iso?: string | number) {
      if (iso !== undefined) t.at(iso);
      return runDue(cur.journey.deps, clock.ms);
    },
    restart() {
      if (cur.sqlite.open) cur.sqlite.close();
      cur = build(dir);
    },
    /** Simulates a crash: the connection is dropped without any cleanup. */
    crash() {
      if (cur.sqlite.open) cur.sqlite.close();
    },
    rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
      return cur.sqlite.prepare(sql).all(...params) as T[];
    },
    close() {
      if (cur.sqlite.open) cur.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
export type JourneyApp = ReturnType<typeof journeyApp>;

/** Monday 2026-11-23, 09:00 UTC: where the journey tests' clock starts unless they say otherwise. */
export const JOURNEY_START = "2026-11-23T09:00:00Z";

/**
 * A fresh journey app for each test, its dealer already set up, closed after the test
 * (support/fixture.ts). `deps` and `dealer` are called before each test, so they may
 * read per-test resources declared above it (an SMTP sink, a webhook receiver).
 */
export function journeyPerTest(
  opts: { start?: string; deps?: () => Partial<AppDeps>; dealer?: () => Record<string, unknown> } = {},
): JourneyApp {
  return perTest(
    async () => {
      const t = journeyApp(opts.start ?? JOURNEY_START, opts.deps?.());
      await setupDealer(t, opts.dealer?.());
      return t;
    },
    (t) => t.close(),
  );
}

/** The JSON body of an answer with the expected status (T: its contract type), or the test fails. */
export async function ok<T = unknown>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 400)}`);
  return text ? (JSON.parse(text) as T) : (undefined as T);
}

export async function setupDealer(t: JourneyApp, overrides: Record<string, unknown> = {}) {
  await ok(await t.api("PUT", `/v1/dealers/${DEALER}`, journeyDealer(overrides), auth), 201);
}

let seq = 0;
/** A fresh contact each time (the public booking route caps bookings per email/phone). */
export const CONSENTING = () => ({
  known: true,
  name: "Marco Bianchi",
  email: `marco${++seq}@example.com`,
  phone: `+39 333 12${String(seq).padStart(5, "0")}`,
  reminders: { consent: true, channel: "sms" },
});
export const SILENT = () => ({
  known: true,
  name: "Sara Verdi",
  email: `sara${++seq}@example.com`,
  reminders: { consent: false, channel: "email" },
});

export function bookingBody(start: string, overrides: Record<string, unknown> = {}) {
  return {
    start,
    advisorId: "anna",
    vehicle: { model: "Grecale", vin: "ZN6XXXXXXXX000001", plate: "AB123CD" },
    interventions: ["maintenance"],
    customer: CONSENTING(),
    mobility: "none",
    request: "Strange noise from the front left wheel",
    channel: "web",
    ...overrides,
  };
}

export async function bookAt(
  t: JourneyApp,
  start: string,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return ok<AppointmentView>(
    await t.api("POST", `/v1/dealers/${DEALER}/appointments`, bookingBody(start, overrides), headers),
    201,
  );
}

export const jobsOf = (t: JourneyApp, appointmentId: string) =>
  t.rows<{ kind: string; due_at: number; status: string; outcome: string | null }>(
    "SELECT kind, due_at, status, outcome FROM jobs WHERE appointment_id = ? ORDER BY due_at, kind",
    appointmentId,
  );

/** A stored outbox row (src/db/schema.ts `outbox`), as SELECT * returns it. */
export interface OutboxRow {
  id: string;
  dealer_id: string;
  appointment_id: string | null;
  kind: string;
  audience: string;
  channel: string;
  locale: string;
  recipient_ref: string | null;
  body_json: string;
  dedupe_id: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  transport: string;
  state_reason: string | null;
}

export const outboxOf = (t: JourneyApp, appointmentId?: string) =>
  appointmentId === undefined
    ? t.rows<OutboxRow>("SELECT * FROM outbox ORDER BY created_at, kind")
    : t.rows<OutboxRow>("SELECT * FROM outbox WHERE appointment_id = ? ORDER BY created_at, kind", appointmentId);

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** n supervisor notices due at `at`, straight into the outbox (dedupe ids `${tag}:${i}`): a delivery load with no booking behind it. */
export function enqueueNotices(t: JourneyApp, n: number, at: number, tag = "notice", from = 0): void {
  for (let i = from; i < from + n; i++)
    enqueue(
      t.journey.deps.sqlite,
      {
        dealerId: DEALER,
        appointmentId: null,
        kind: "supervisor_notice",
        audience: "staff",
        channel: "staff",
        locale: "en",
        recipientRef: "supervisor",
        body: { subject: "Notice", text: `notice ${i}` },
        dedupeId: `${tag}:${i}`,
      },
      at,
    );
}
