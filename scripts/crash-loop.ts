import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "../bench/fixtures/reference-dealer.js";
import { ADMIN_TOKEN, FIXED_NOW } from "../test/support/app.js";
import { type SpawnedServer, spawnServer } from "../test/support/server.js";
import { DEALER, Ledger, loadUntilKilled, retryAfterRestart } from "./crash-load.js";
import { verifyStore } from "./crash-verify.js";

// The crash loop: `npm run soak:crash` (CRASH_LOOP_ROUNDS, default 50; CRASH_LOOP_SEED).
// Each round starts the REAL server on the same database file, fires bookings with
// Idempotency-Keys from several concurrent clients, and SIGKILLs the process at a random
// moment of that load. Before the next load it checks (crash-verify.ts) that the file is
// sound, every acknowledged booking exists exactly once, no rule is broken, and that a
// retry with an original Idempotency-Key returns the original booking, while a retry of
// a request whose answer was lost books it at most once. test/trust/crash-loop.test.ts
// runs a short version inside `npm test`.

const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export interface RoundReport {
  round: number;
  killedAfterMs: number;
  /** Requests sent and not yet answered when the kill was sent: > 0 proves it hit mid-load. */
  inFlightAtKill: number;
  signal: string | null;
  acknowledged: number;
  lostAnswers: number;
  replays: number;
  problems: string[];
}

const dealerConfig = {
  name: "Crash Loop Motors",
  timeZone: "Europe/Rome",
  openingHours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, [["08:00", "18:00"]]])),
  advisors: ["a", "b", "c", "d"].map((id) => ({ id, name: `Advisor ${id}` })),
  receptionRules: { maxHorizonDays: 60 },
  // Desk time only: with workshop hours the calendar would fill within ~15 rounds and
  // the later rounds would crash a load of nothing but 409s.
  interventions: { check: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" } },
};

export interface CrashLoopOptions {
  rounds: number;
  seed?: number;
  log?: (o: object) => void;
  /** Concurrent booking clients (default 6); with 24 most commits carry several bookings, so kills land mid-group. */
  clients?: number;
  /** The server's WORKERS (default: the server's default, "auto"). */
  workers?: string;
}

export async function runCrashLoop(opts: CrashLoopOptions): Promise<RoundReport[]> {
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rnd = mulberry32(seed);
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), "pitlane-crash-loop-"));
  const dbPath = join(dir, "scheduler.db");
  const env: Record<string, string> = {
    SEED_DEMO: "0",
    RATE_LIMITS: "off",
    ...(opts.workers ? { WORKERS: opts.workers } : {}),
  }; // the per-contact cap stays on
  const ledger = new Ledger();
  const now = Date.parse(FIXED_NOW);
  const reports: RoundReport[] = [];
  let server: SpawnedServer | undefined;
  log({ msg: "crash loop", rounds: opts.rounds, seed, dbPath });
  try {
    for (let round = 1; round <= opts.rounds + 1; round++) {
      server = await spawnServer({ dbPath, env });
      const base = server.baseUrl;
      if (round === 1) {
        const put = await fetch(`${base}/v1/dealers/${DEALER}`, {
          method: "PUT",
          headers: { ...AUTH, "Content-Type": "application/json" },
          body: JSON.stringify(dealerConfig),
        });
        if (put.status !== 201) throw new Error(`PUT dealer: ${put.status}`);
      }
      // 1. Verify what the previous crash left behind, retry, verify again (a retry of a
      //    lost answer must still leave each key booked at most once).
      const problems = verifyStore(dbPath, DEALER, ledger.acked, ledger.sentKeys, now);
      const replays = await retryAfterRestart(base, ledger, problems);
      problems.push(...verifyStore(dbPath, DEALER, ledger.acked, ledger.sentKeys, now));
      if (round > opts.rounds) {
        reports.push({
          round,
          killedAfterMs: 0,
          inFlightAtKill: 0,
          signal: null,
          acknowledged: 0,
          lostAnswers: 0,
          replays,
          problems,
        });
        break;
      }

      // 2. Load, and a SIGKILL at a random moment of it.
      const before = ledger.acked.length;
      const killedAfterMs = 20 + Math.floor(rnd() * 400);
      const { inFlightAtKill, code, signal } = await loadUntilKilled(
        server,
        round,
        killedAfterMs,
        rnd,
        ledger,
        problems,
        opts.clients,
      );
      if (inFlightAtKill === 0) problems.push("no request was in flight when the kill was sent");
      if (signal !== "SIGKILL" || code !== null)
        problems.push(`the server was not killed by SIGKILL (code ${code}, signal ${signal})`);
      if (server.stdoutLines().some((l) => l.includes('"msg":"shutting down"')))
        problems.push("a graceful shutdown ran");
      const report = {
        round,
        killedAfterMs,
        inFlightAtKill,
        signal,
        acknowledged: ledger.acked.length - before,
        lostAnswers: ledger.lost.length,
        replays,
        problems,
      };
      reports.push(report);
      log(report);
      server = undefined;
    }
  } finally {
    if (server) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return reports;
}

async function main(): Promise<void> {
  const rounds = Number(process.env.CRASH_LOOP_ROUNDS ?? 50);
  const seed = process.env.CRASH_LOOP_SEED ? Number(process.env.CRASH_LOOP_SEED) : undefined;
  const reports = await runCrashLoop({ rounds, seed, log: (o) => console.log(JSON.stringify(o)) });
  const problems = reports.flatMap((r) => r.problems.map((p) => `round ${r.round}: ${p}`));
  const kills = reports.filter((r) => r.signal === "SIGKILL").length;
  const summary = {
    rounds,
    kills,
    acknowledged: reports.reduce((n, r) => n + r.acknowledged, 0),
    lostAnswers: reports.reduce((n, r) => n + r.lostAnswers, 0),
    replays: reports.reduce((n, r) => n + r.replays, 0),
    problems,
  };
  console.log(JSON.stringify({ msg: "crash loop done", ...summary }));
  process.exit(problems.length === 0 && kills === rounds ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
