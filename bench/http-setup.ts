// What the HTTP benchmarks (bench/http.bench.ts, bench/http-cpu.ts) send: the reference
// dealer, the calendar pre-booked through the API, and the request bodies. Deterministic
// (seeded PRNG), so every run and every variant sees the same questions.

import { createServer } from "node:net";
import {
  JOB_MIX,
  MOBILITY_MIX,
  mulberry32,
  pickWeighted,
  referenceConfigInput,
  type Rng,
} from "./fixtures/reference-dealer.js";
import type { AvailabilityResponse } from "../src/scheduler/contracts.js";

export const NOW_ISO = "2026-11-23T07:00:00Z"; // Monday 2026-11-23, 08:00 Europe/Rome
export const DEALER = "bench";
export const ADMIN_TOKEN = "bench-admin-token-0123456789";
export const PREBOOK = 400; // booking attempts before the loads (most succeed)

// ---------------------------------------------------------------------------------------
// Plain HTTP helpers for the setup phase

/** One request; json: the parsed body as T (null when it is not JSON). */
export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: T | null = null;
  try {
    json = JSON.parse(text) as T;
  } catch {}
  return { status: res.status, json, text };
}

/** Runs fn over items with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------
// Request bodies

const MODELS: ReadonlyArray<readonly [string, number]> = [
  ["Grecale", 40],
  ["Levante", 20],
  ["Ghibli", 15],
  ["Quattroporte", 10],
  ["GranTurismo", 10],
  ["MC20", 5],
];
const FIRST = ["Marco", "Giulia", "Luca", "Sara", "Paolo", "Elena", "Davide", "Chiara", "Matteo", "Anna"];
const LAST = ["Bianchi", "Rossi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno"];
export const ADVISOR_IDS = Array.from({ length: 10 }, (_, i) => `sa-${String(i + 1).padStart(2, "0")}`);
const REQUESTS = [
  "Strange noise from the front left wheel",
  "Winter tyres, please keep the summer set",
  "Annual service",
  "Warning light on the dashboard",
  "Scratch on the rear bumper",
  "",
];

export function isoDay(offset: number): string {
  const d = new Date(Date.UTC(2026, 10, 23 + offset));
  return d.toISOString().slice(0, 10);
}

export function vehicle(rng: Rng) {
  const model = pickWeighted(rng, MODELS);
  // Digits only: a VIN never contains I, O or Q, which base-36 letters could produce.
  const vin = "ZN6" + String(Math.floor(rng() * 1e14)).padStart(14, "0");
  return rng() < 0.15 ? { model, vin, electrified: true } : { model, vin };
}

export type Job = { interventions: string[]; known: boolean; mobility: string };
export const pickJob = (rng: Rng): Job => ({
  interventions: pickWeighted(rng, JOB_MIX).slice(),
  known: rng() < 0.8,
  mobility: pickWeighted(rng, MOBILITY_MIX),
});

/** The search load's bodies: 512 distinct questions, serialised. */
export function searchBodies(n = 512): string[] {
  const rng = mulberry32(0x5ea4c8);
  return Array.from({ length: n }, () => JSON.stringify(searchBody(rng)));
}

/** What the booking widget sends: the fixture's job mix, mostly the next few days. */
export function searchBody(rng: Rng) {
  const job = pickJob(rng);
  const body: Record<string, unknown> = {
    vehicle: vehicle(rng),
    interventions: job.interventions,
    customer: { known: job.known },
    mobility: job.mobility,
  };
  const r = rng();
  if (r < 0.85) body.from = isoDay(Math.floor(rng() * rng() * 14)); // front-loaded, else "today"
  body.days =
    rng() < 0.8
      ? 14
      : pickWeighted(rng, [
          [7, 1],
          [28, 1],
          [60, 1],
        ] as const);
  if (rng() < 0.3)
    body.count = pickWeighted(rng, [
      [2, 1],
      [5, 2],
      [10, 1],
    ] as const);
  if (rng() < 0.2) body.preferredAdvisorId = ADVISOR_IDS[Math.floor(rng() * 10)];
  if (rng() < 0.2) body.dayPart = rng() < 0.6 ? "morning" : "afternoon";
  return body;
}

export function bookingBody(
  rng: Rng,
  job: Job,
  option: { optionId: string; start: string; advisorId: string },
  byOptionId: boolean,
) {
  const first = FIRST[Math.floor(rng() * FIRST.length)];
  const last = LAST[Math.floor(rng() * LAST.length)];
  const customer: Record<string, unknown> = {
    known: job.known,
    name: `${first} ${last}`,
    email: `${first}.${last}${Math.floor(rng() * 1000)}@example.com`.toLowerCase(),
    phone: `+39 3${Math.floor(rng() * 1e9)
      .toString()
      .padStart(9, "0")}`,
  };
  if (rng() < 0.6) customer.reminders = { consent: true, channel: rng() < 0.7 ? "sms" : "email" };
  const request = REQUESTS[Math.floor(rng() * REQUESTS.length)];
  return {
    ...(byOptionId ? { optionId: option.optionId } : { start: option.start, advisorId: option.advisorId }),
    vehicle: vehicle(rng),
    interventions: job.interventions,
    customer,
    mobility: job.mobility,
    ...(request ? { request } : {}),
    channel: rng() < 0.7 ? "web" : "app",
  };
}

// ---------------------------------------------------------------------------------------
// Setup: dealer, pre-booked calendar, booking pool

export async function prepareDealer(base: string): Promise<void> {
  const res = await call(base, "PUT", `/v1/dealers/${DEALER}`, referenceConfigInput, {
    authorization: `Bearer ${ADMIN_TOKEN}`,
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`PUT dealer: ${res.status} ${res.text}`);
}

export async function prebook(base: string): Promise<{ booked: number; conflicts: number }> {
  const rng = mulberry32(0x9e3779b9);
  const tries = Array.from({ length: PREBOOK }, () => {
    const job = pickJob(rng);
    // Front-loaded: the next days are fuller, like a real order book.
    return {
      job,
      from: isoDay(Math.floor(rng() * rng() * 12)),
      pick: rng(),
      byOptionId: rng() < 0.5,
      seed: Math.floor(rng() * 2 ** 31),
    };
  });
  let booked = 0;
  let conflicts = 0;
  await pool(tries, 4, async (t) => {
    const s = await call<AvailabilityResponse>(base, "POST", `/v1/dealers/${DEALER}/availability`, {
      interventions: t.job.interventions,
      customer: { known: t.job.known },
      mobility: t.job.mobility,
      from: t.from,
      days: 14,
      count: 5,
    });
    if (s.status !== 200) throw new Error(`prebook search: ${s.status} ${s.text}`);
    const options = s.json!.options;
    if (options.length === 0) return;
    const o = options[Math.floor(t.pick * options.length)];
    const b = await call(
      base,
      "POST",
      `/v1/dealers/${DEALER}/appointments`,
      bookingBody(mulberry32(t.seed), t.job, o, t.byOptionId),
    );
    if (b.status === 201) booked++;
    else if (b.status === 409) conflicts++;
    else throw new Error(`prebook booking: ${b.status} ${b.text}`);
  });
  return { booked, conflicts };
}

/** Many searches (day by day, advisor by advisor, morning/afternoon) → distinct booking bodies. */
export async function bookingPool(
  base: string,
  max: number,
): Promise<{ bodies: string[]; searches: number; options: number }> {
  const rng = mulberry32(0xb00c);
  const queries: Array<{ job: Job; body: Record<string, unknown> }> = [];
  for (let d = 0; d < 14; d++)
    for (const advisor of ADVISOR_IDS)
      for (const dayPart of ["morning", "afternoon"])
        for (let k = 0; k < 2; k++) {
          const job = pickJob(rng);
          queries.push({
            job,
            body: {
              interventions: job.interventions,
              customer: { known: job.known },
              mobility: job.mobility,
              from: isoDay(d),
              days: 1,
              count: 20,
              preferredAdvisorId: advisor,
              dayPart,
            },
          });
        }
  const seen = new Set<string>();
  const entries: Array<{ job: Job; option: { optionId: string; start: string; advisorId: string } }> = [];
  await pool(queries, 8, async (q) => {
    const s = await call<AvailabilityResponse>(base, "POST", `/v1/dealers/${DEALER}/availability`, q.body);
    if (s.status !== 200) throw new Error(`pool search: ${s.status} ${s.text}`);
    for (const o of s.json!.options) {
      const key = `${o.optionId}|${q.job.interventions.join("+")}|${q.job.mobility}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ job: q.job, option: o });
    }
  });
  // Shuffle (deterministically), cap, and turn into request bodies.
  const order = entries.map((e) => ({ e, k: rng() }));
  order.sort((a, b) => a.k - b.k);
  const picked = order.slice(0, max).map((x) => x.e);
  const bodies = picked.map((e) => JSON.stringify(bookingBody(rng, e.job, e.option, rng() < 0.5)));
  return { bodies, searches: queries.length, options: entries.length };
}

/** A free loopback port for a server the bench starts. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
