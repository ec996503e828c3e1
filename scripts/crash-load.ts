import type { SpawnedServer } from "../test/support/server.js";
import type { Acknowledged } from "./crash-verify.js";

// The crash loop's client side (scripts/crash-loop.ts): booking requests with
// Idempotency-Keys from several concurrent clients, a ledger of what was acknowledged and
// what lost its answer, and the retries after a restart.

export const DEALER = "crash-loop";
/** Concurrent clients by default; more of them make group commits of several bookings (db/group-commit.ts). */
const CLIENTS = 6;
/** A fifth of the requests come from these three customers, so the per-contact cap bites. */
const CONTACTS = ["shared-1@example.com", "shared-2@example.com", "shared-3@example.com"];

export interface Sent {
  key: string;
  body: string;
}

export class Ledger {
  readonly acked: Acknowledged[] = [];
  readonly sentKeys: string[] = [];
  /** Requests without an answer (the process died): each may or may not have committed. */
  lost: Sent[] = [];
  private readonly bodies = new Map<string, Sent>();

  ack(s: Sent, id: string): void {
    this.acked.push({ key: s.key, id });
    this.bodies.set(s.key, s);
  }

  sentFor(key: string): Sent {
    return this.bodies.get(key)!;
  }
}

export async function post(baseUrl: string, s: Sent): Promise<{ status: number; body: any; replayed: boolean }> {
  const res = await fetch(`${baseUrl}/v1/dealers/${DEALER}/appointments`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": s.key },
    body: s.body,
  });
  return { status: res.status, body: await res.json(), replayed: res.headers.get("idempotent-replayed") === "true" };
}

/** A booking on a random quarter hour of the next 55 days; the customer's name is the key. */
function request(key: string, rnd: () => number): Sent {
  const date = new Date(Date.UTC(2026, 10, 24 + Math.floor(rnd() * 55))).toISOString().slice(0, 10);
  const m = 8 * 60 + Math.floor(rnd() * 40) * 15;
  const email = rnd() < 0.2 ? CONTACTS[Math.floor(rnd() * CONTACTS.length)] : `${key}@example.com`;
  const start = `${date}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return {
    key,
    body: JSON.stringify({
      start,
      vehicle: { model: "Grecale" },
      interventions: ["check"],
      customer: { name: key, email },
      channel: "web",
    }),
  };
}

/**
 * After a restart: every recent acknowledged key must replay its original booking, and
 * every lost request is retried with its key (it books at most once, whatever happened).
 * Returns how many replays matched.
 */
export async function retryAfterRestart(baseUrl: string, ledger: Ledger, problems: string[]): Promise<number> {
  let replays = 0;
  for (const a of ledger.acked.slice(-20)) {
    const r = await post(baseUrl, ledger.sentFor(a.key));
    if (r.status !== 201 || r.body.id !== a.id || !r.replayed)
      problems.push(`retry of ${a.key}: ${r.status} ${r.body.id} replayed=${r.replayed}`);
    else replays++;
  }
  for (const s of ledger.lost) {
    const r = await post(baseUrl, s);
    if (r.status === 201) ledger.ack(s, r.body.id);
  }
  ledger.lost = [];
  return replays;
}

/** Fires bookings until the server dies; SIGKILLs it after `killAfterMs`. */
export async function loadUntilKilled(
  server: SpawnedServer,
  round: number,
  killAfterMs: number,
  rnd: () => number,
  ledger: Ledger,
  problems: string[],
  clients = CLIENTS,
) {
  let stop = false;
  let inFlight = 0;
  const client = async (c: number) => {
    for (let n = 0; !stop; n++) {
      const s = request(`r${round}-c${c}-${n}`, rnd);
      ledger.sentKeys.push(s.key);
      try {
        inFlight++;
        const r = await post(server.baseUrl, s).finally(() => inFlight--);
        if (r.status === 201) ledger.ack(s, r.body.id);
        // WORKERS > 1: a worker whose writer was killed with the write in flight answers
        // 503 service_unavailable (the write may or may not have happened): not an
        // answer, like a dropped connection; retried with the same key after the restart.
        else if (r.status === 503 && r.body?.code === "service_unavailable") ledger.lost.push(s);
        else if (r.status >= 500) problems.push(`${s.key}: ${r.status}`);
      } catch {
        ledger.lost.push(s);
        return;
      }
    }
  };
  const running = Array.from({ length: clients }, (_, c) => client(c));
  await new Promise((r) => setTimeout(r, killAfterMs));
  const inFlightAtKill = inFlight;
  server.kill("SIGKILL");
  const { code, signal } = await server.exited;
  stop = true;
  await Promise.all(running);
  return { inFlightAtKill, code, signal };
}
