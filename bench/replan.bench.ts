// Benchmark of the sick-advisor re-plan (src/core/reshuffle): a day of 10 advisors × 20
// receptions, one advisor absent for the whole day, re-planned with minimal disruption.
//
//   npx tsx bench/replan.bench.ts                  table on stdout, bench/results/replan.json
//   BENCH_STRICT=1 npx tsx bench/replan.bench.ts   exit code 1 when a target is missed
//   BENCH_TIME_MS=3000 …                           longer sampling per task (default 1500 ms)
//
// The day is built deterministically through THE checker (checkStay), like the booking API:
// each advisor receives 20 receptions, every other quarter hour from a random phase and then
// in between where the rules allow (mostly 15-minute jobs, some 30-minute ones), with their
// returns, labour and mobility. Each task rotates the absent advisor over all ten.
//
// Tasks:
//   - "re-plan (core)": planAbsence on an index over the dealer compiled WITH the absence,
//     the pure algorithm the target (median ≤ 20 ms) is about;
//   - "re-plan + compile + index build": what a dry run costs the API on top of storage
//     (compile the dealer with the absence, rebuild the index from the day's bookings, plan);
//   - "re-plan + apply": plan, then applyMoves (every move re-checked), then revert.

import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { taskRow } from "./lib/task-row.js";
import {
  applyMoves,
  CapacityIndex,
  checkStay,
  compileDealer,
  DealerConfig,
  deriveJob,
  isJobError,
  planAbsence,
  readInstant,
  revertMoves,
  type Booking,
  type CorePlan,
  type Job,
  type Mobility,
  type Movable,
  type ReplanContext,
} from "../src/core/index.js";
import { mulberry32 } from "./fixtures/reference-dealer.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const STRICT = process.env.BENCH_STRICT === "1";
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 1500);
const OUT = resolve(process.env.BENCH_OUT ?? resolve(HERE, "results/replan.json"));

const DAY = "2026-11-24"; // a Tuesday
const ADVISORS = 10;
const PER_ADVISOR = 20;

function configWith(absent: number | null): DealerConfig {
  return DealerConfig.parse({
    name: "Replan bench",
    timeZone: "Europe/Rome",
    // A big dealer: long desk hours, so that 20 receptions and their returns fit each advisor.
    openingHours: {
      mon: [["07:00", "19:00"]],
      tue: [["07:00", "19:00"]],
      wed: [["07:00", "19:00"]],
      thu: [["07:00", "19:00"]],
      fri: [["07:00", "19:00"]],
    },
    advisors: Array.from({ length: ADVISORS }, (_, i) => ({
      id: `sa${i}`,
      name: `Advisor ${i}`,
      absences: i === absent ? [{ start: `${DAY}T00:00`, end: `${DAY}T23:59` }] : [],
    })),
    workshop: {
      mechanical: { technicians: 40, hoursPerDay: 8 },
      diagnosis: { technicians: 8, hoursPerDay: 8 },
      bodywork: { technicians: 8, hoursPerDay: 8 },
    },
    mobility: { courtesyCars: 12, pickupDelivery: 4, taxi: true, rental: true },
    express: { reservedReceptions: { morning: 0, afternoon: 0 }, defaultReservedHours: 0, heldCourtesyCars: 0 },
  });
}

const base = compileDealer("replan", configWith(null));
const index = new CapacityIndex(base);
const now = readInstant(base.tz, "2026-11-23T17:00");
const rng = mulberry32(0x5ec);
const QUICK = ["maintenance", "service", "tyres", "recall"];
const LONG = ["diagnosis", "bodywork"];
const MOBILITY: Mobility[] = ["none", "none", "none", "taxi", "courtesy_car", "rental"];
const movables = new Map<string, Movable>();

function job(code: string, known: boolean, mobility: Mobility): Job {
  const j = deriveJob(base, { interventions: [code], known, mobility });
  if (isJobError(j)) throw new Error(j.detail);
  return j;
}

let seq = 0;
for (let a = 0; a < ADVISORS; a++) {
  // Every other quarter hour from a random phase first, then the quarter hours between.
  const phase = Math.floor(rng() * 2);
  let placed = 0;
  for (let k = 0; placed < PER_ADVISOR && k < 48; k++) {
    const q = k < 24 ? 2 * k + phase : 2 * (k - 24) + 1 - phase;
    const start = readInstant(base.tz, `${DAY}T07:00`) + q * 15;
    const mobility = MOBILITY[Math.floor(rng() * MOBILITY.length)];
    const code = rng() < 0.15 ? LONG[Math.floor(rng() * 2)] : QUICK[Math.floor(rng() * QUICK.length)];
    // The job drawn, else a quick one, else without mobility: the first the rules accept.
    const tries: Array<[string, Mobility]> = [
      [code, mobility],
      [QUICK[0], mobility],
      [QUICK[0], "none"],
    ];
    for (const [c, m] of tries) {
      const j = job(c, true, m);
      const chk = checkStay(index, { advisor: a, start, minutes: j.receptionMinutes, job: j, now }, null);
      if (!chk.stay) continue;
      const b: Booking = {
        id: `d${seq++}`,
        reception: { advisor: a, start, minutes: j.receptionMinutes },
        ret: chk.stay.ret,
        labour: chk.stay.plan.labour,
        readyAt: chk.stay.plan.readyAt,
        express: false,
        mobility: m,
      };
      index.add(b);
      movables.set(b.id, { job: j, priority: false });
      placed++;
      break;
    }
  }
  if (placed < PER_ADVISOR) throw new Error(`advisor ${a}: only ${placed} receptions fit`);
}
const bookings = [...index.bookings.values()];
const ctx: ReplanContext = { now, movables };
const dayStart = readInstant(base.tz, `${DAY}T00:00`);
const dayEnd = readInstant(base.tz, `${DAY}T23:59`);

/** Per absent advisor: the dealer compiled with the absence and an index over it (built once, reused). */
const worlds = Array.from({ length: ADVISORS }, (_, a) => {
  const dealer = compileDealer("replan", configWith(a));
  return { dealer, index: CapacityIndex.build(dealer, bookings) };
});

// What the plans look like (once, outside the timing).
let moved = 0,
  timeChanges = 0,
  contact = 0;
for (let a = 0; a < ADVISORS; a++) {
  const p = planAbsence(worlds[a].index, ctx, { advisor: a, start: dayStart, end: dayEnd });
  moved += p.moves.length;
  timeChanges += p.moves.filter((m) => m.timeChanged).length;
  contact += p.contact.length;
}

const [load1] = loadavg();
console.log(
  `Pitlane re-plan bench — node ${process.version}, ${TIME_MS} ms per task, load average ${load1.toFixed(1)} on ${availableParallelism()} CPUs`,
);
console.log(
  `day ${DAY}: ${ADVISORS} advisors × ${PER_ADVISOR} receptions (${bookings.length} appointments), one advisor absent all day (rotating)`,
);
console.log(
  `plans over the 10 absences: ${moved} moves (${timeChanges} with a new time), ${contact} customers to call\n`,
);

const T = {
  core: "re-plan (core)",
  cold: "re-plan + compile + index build",
  apply: "re-plan + apply (re-check) + revert",
} as const;
const bench = new Bench({
  time: TIME_MS,
  warmupTime: 300,
  iterations: 32,
  warmupIterations: 8,
  timestampProvider: "hrtimeNow",
});
let sink = 0;
let i1 = 0;
bench.add(T.core, () => {
  const a = i1++ % ADVISORS;
  const p: CorePlan = planAbsence(worlds[a].index, ctx, { advisor: a, start: dayStart, end: dayEnd });
  sink += p.moves.length + p.contact.length;
});
let i2 = 0;
bench.add(T.cold, () => {
  const a = i2++ % ADVISORS;
  const dealer = compileDealer("replan", configWith(a));
  const idx = CapacityIndex.build(dealer, bookings);
  sink += planAbsence(idx, ctx, { advisor: a, start: dayStart, end: dayEnd }).moves.length;
});
let i3 = 0;
bench.add(T.apply, () => {
  const a = i3++ % ADVISORS;
  const w = worlds[a];
  const p = planAbsence(w.index, ctx, { advisor: a, start: dayStart, end: dayEnd });
  const r = applyMoves(
    w.index,
    ctx,
    p.moves.map((m) => ({ id: m.id, reception: m.to.reception, ret: m.to.ret, forced: m.forced })),
    p.contact.map((c) => c.id),
  );
  if (!r.ok) throw new Error(`apply failed: ${JSON.stringify(r.failures)}`);
  revertMoves(w.index, r.moves);
  sink += r.moves.length;
});
await bench.run();

const rows = bench.tasks.map(taskRow);
const core = rows.find((r) => r.task === T.core)!;
const ok = core.medianUs <= 20_000;
for (const r of rows)
  console.log(
    `${r.task.padEnd(40)} median ${(r.medianUs / 1000).toFixed(2).padStart(7)} ms   p99 ${(r.p99Us / 1000).toFixed(2).padStart(7)} ms   ${r.opsPerSec} ops/s`,
  );
console.log(`\ntarget: re-plan median ≤ 20 ms — ${ok ? "pass" : "MISS"} (sink ${sink > 0 ? "ok" : "empty"})`);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify(
    {
      day: DAY,
      advisors: ADVISORS,
      appointments: bookings.length,
      plans: { moves: moved, timeChanges, contact },
      rows,
    },
    null,
    2,
  ) + "\n",
);
console.log(`wrote ${OUT}`);
if (STRICT && !ok) process.exitCode = 1;
