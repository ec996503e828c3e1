// Benchmarks of the pure scheduling core on the reference dealer (bench/fixtures/reference-dealer.ts):
// 10 advisors, 3 skills, 1,000 appointments over the next 14 days.
//
//   npm run bench                         table on stdout, bench/results/latest.json
//   BENCH_STRICT=1 npm run bench          exit code 1 when a target is missed
//   BENCH_TIME_MS=3000 npm run bench      longer sampling per task (default 1500 ms)
//   BENCH_OUT=bench/results/base.json npm run bench    write the JSON elsewhere
//   npm run bench:compare -- bench/results/base.json bench/results/latest.json
//
// Every task rotates through request variants (job mix of the fixture, "now" anywhere in a
// morning, different days) so nothing is cached beyond what production caches: the dealer's
// compiled day tables and the capacity index. Job derivation (deriveJob) is inside the timed
// search tasks because the API runs it per request.
//
// The JSON holds, per task: median and p99 latency in µs and ops/s = 1e6 / mean latency.
// Latencies are wall-clock: on a busy machine (the header prints the load average) p99 and
// even medians move a lot between runs; compare runs made under the same conditions.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { taskRow } from "./lib/task-row.js";
import {
  CapacityIndex,
  compileDealer,
  calendarDays,
  dayOptions,
  isoFromDayNumber,
  searchIndex,
  type Booking,
  type Job,
  type Mobility,
} from "../src/core/index.js";
import { workCounters } from "../src/core/workshop.js";
import {
  DEALER_ID,
  HORIZON_DAYS,
  describeReferenceDealer,
  evaluateCandidate,
  mulberry32,
  pickJobRequest,
  placeBooking,
  reference as ref,
} from "./fixtures/reference-dealer.js";
import { extraBookings, job, listDay, openDays, search, variants } from "./lib/reference-workload.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const STRICT = process.env.BENCH_STRICT === "1";
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 1500);
const OUT = resolve(process.env.BENCH_OUT ?? resolve(HERE, "results/latest.json"));

// ---------------------------------------------------------------------------------------
// The brute-force reference (test/reference/brute-force.ts, written independently of
// src/core), loaded at run time: when it is missing or broken the bench still runs, without
// the reference task and the speed-up check.

// Its type only (erased at run time, so the dynamic import below stays the only tie).
type ReferenceFn = typeof import("../test/reference/brute-force.js").referenceFeasibleSlots;

async function loadReference(): Promise<{ fn: ReferenceFn | null; source: string }> {
  const file = resolve(HERE, "../test/reference/brute-force.ts");
  if (!existsSync(file)) return { fn: null, source: "none (test/reference/brute-force.ts not found)" };
  try {
    const mod = (await import(pathToFileURL(file).href)) as { referenceFeasibleSlots?: ReferenceFn };
    if (typeof mod.referenceFeasibleSlots === "function")
      return { fn: mod.referenceFeasibleSlots, source: "test/reference/brute-force.ts" };
    return { fn: null, source: "none (test/reference/brute-force.ts exports no referenceFeasibleSlots)" };
  } catch (err) {
    return { fn: null, source: `none (test/reference/brute-force.ts failed to load: ${(err as Error).message})` };
  }
}

// ---------------------------------------------------------------------------------------
// Inputs

const { dealer, config, bookings } = ref;
const index = ref.buildIndex();

const extras = extraBookings(index);

let sink = 0; // keeps results observable so nothing is optimised away

// ---------------------------------------------------------------------------------------
// Header

const reference = await loadReference();
const [load1] = loadavg();
const cpus = availableParallelism();
console.log(
  `Pitlane core bench — node ${process.version}, ${TIME_MS} ms per task, load average ${load1.toFixed(1)} on ${cpus} CPUs`,
);
if (load1 > cpus * 0.75)
  console.log(`! the machine is busy: latencies (p99 above all) will be inflated and vary between runs`);
console.log(
  `reference dealer "${DEALER_ID}": ${config.advisors.length} advisors, skills ${dealer.skills.join("/")}, ${bookings.length} appointments, now ${dealer.format(ref.now)}`,
);
for (const line of describeReferenceDealer(ref, HORIZON_DAYS)) console.log(`  ${line}`);
console.log(`brute-force reference: ${reference.source}`);

// Agreement check: the engine's full listing over 14 days must equal the reference's.
for (const req of !reference.fn
  ? []
  : [
      { interventions: ["tyres"], known: true, mobility: "none" as Mobility },
      { interventions: ["diagnosis", "tyres"], known: false, mobility: "courtesy_car" as Mobility },
    ]) {
  const j = job(req);
  const engine: string[] = [];
  for (let n = ref.fromDay; n < ref.fromDay + HORIZON_DAYS; n++) listDay(index, j, n, ref.now, engine);
  const refSlots = reference.fn!(config, bookings, {
    ...req,
    fromDate: isoFromDayNumber(ref.fromDay),
    days: HORIZON_DAYS,
    nowEpochMinute: ref.now,
  }).map((s) => `${s.advisorId}@${s.start}`);
  const a = new Set(engine);
  const b = new Set(refSlots);
  const onlyEngine = engine.filter((x) => !b.has(x));
  const onlyRef = refSlots.filter((x) => !a.has(x));
  const what = `"${req.interventions.join("+")}"${req.known ? "" : ", new customer"}, ${req.mobility}`;
  if (onlyEngine.length || onlyRef.length) {
    console.log(
      `! engine and reference DISAGREE on ${what} over 14 days: engine ${engine.length} slots, reference ${refSlots.length}; ` +
        `only engine ${onlyEngine.length} (e.g. ${onlyEngine.slice(0, 3).join(", ")}), only reference ${onlyRef.length} (e.g. ${onlyRef.slice(0, 3).join(", ")})`,
    );
  } else {
    console.log(`engine and reference agree on ${what}: ${engine.length} feasible slots over 14 days`);
  }
}
console.log("");

// ---------------------------------------------------------------------------------------
// Tasks

const T = {
  search14: "search 2 options / 14 days",
  search14cold: "search 2 options / 14 days, planner caches dropped first",
  search60: "search 2 options / 60 days",
  search60pref: "search 2 options / 60 days (preferred advisor + day part)",
  express14: "search 2 options / 14 days, priority vehicle (express)",
  courtesy14: "search 2 options / 14 days, courtesy car",
  listDay: "list every option of one day",
  calendar31: "widget calendar / 31 days (bookable, quiet, first)",
  dayList: "widget day list: every start of one day as a full option",
  build: "index build from 1,000 rows",
  cold: "compile dealer + build index (cold day tables)",
  update: "incremental add + remove",
  car1k: "courtesy-car booking (check + add + remove), 1k appointments",
  car5k: "courtesy-car booking (check + add + remove), 5k appointments",
  car20k: "courtesy-car booking (check + add + remove), 20k appointments",
  build5k: "index build from 5,000 rows",
  build20k: "index build from 20,000 rows",
  build1kDay: "index build from 1,000 rows made in day order (as a runtime loads them)",
  build5kDay: "index build from 5,000 rows made in day order (as a runtime loads them)",
  build20kDay: "index build from 20,000 rows made in day order (as a runtime loads them)",
  reference: "search 2 options / 14 days (brute-force reference)",
} as const;

const opts = {
  time: TIME_MS,
  warmupTime: 300,
  iterations: 64,
  warmupIterations: 16,
  timestampProvider: "hrtimeNow" as const,
};
const engineBench = new Bench(opts);

let i14 = 0;
engineBench.add(T.search14, () => {
  sink += search(index, variants[i14++ & 63], 14);
});

// The same, with the planner's caches (plan cache, last plan, first-fit memo) dropped
// before each search, as the first search after a booking finds them (the day tables
// derived from the bookings stay warm here). On its own index: the other tasks keep theirs.
const coldIndex = ref.buildIndex();
let i14c = 0;
engineBench.add(T.search14cold, () => {
  coldIndex.touch();
  sink += search(coldIndex, variants[i14c++ & 63], 14);
});

let i60 = 0;
engineBench.add(T.search60, () => {
  sink += search(index, variants[i60++ & 63], 60);
});

// The same requests naming an advisor and a half of the day: tier 0 then needs that advisor, so the search walks further.
let i60p = 0;
engineBench.add(T.search60pref, () => {
  const k = i60p++;
  const v = variants[k & 63];
  const r = searchIndex(index, {
    job: job(v.req),
    fromDay: v.fromDay,
    days: 60,
    count: 2,
    now: v.now,
    preferredAdvisor: k % dealer.advisors.length,
    dayPart: (k >> 1) % 2 ? "afternoon" : "morning",
  });
  sink += r.options.length;
});

// Issue 4: the same requests for a priority vehicle (express option first, courtesy car),
// and for an ordinary customer with a courtesy car (mobility checked for the whole stay).
let iX = 0;
engineBench.add(T.express14, () => {
  sink += search(index, variants[iX++ & 63], 14, "courtesy_car", true);
});

let iC = 0;
engineBench.add(T.courtesy14, () => {
  sink += search(index, variants[iC++ & 63], 14, "courtesy_car");
});

// searchIndex({count: large, days: 1}) would widen to 60 days, so "list all" is the
// rule checker over every quarter hour × advisor of one day (what a "show me the day" screen does).
let iDay = 0;
engineBench.add(T.listDay, () => {
  const k = iDay++;
  const v = variants[k & 63];
  sink += listDay(index, job(v.req), openDays[k % openDays.length], ref.now);
});

// Issue 14: the widget's month view and its day list (core/day-options.ts).
let iCal = 0;
engineBench.add(T.calendar31, () => {
  const v = variants[iCal++ & 63];
  const days = calendarDays(index, { job: job(v.req), now: v.now }, v.fromDay, 31);
  for (const d of days) sink += d.bookable ? 1 : 0;
});

let iDl = 0;
engineBench.add(T.dayList, () => {
  const k = iDl++;
  const v = variants[k & 63];
  sink += dayOptions(index, { job: job(v.req), now: ref.now }, openDays[k % openDays.length]).length;
});

engineBench.add(T.build, () => {
  sink += CapacityIndex.build(dealer, bookings).bookings.size;
});

engineBench.add(T.cold, () => {
  const d = compileDealer(DEALER_ID, config);
  sink += CapacityIndex.build(d, bookings).bookings.size;
});

const updateIndex = ref.buildIndex();
let iUpd = 0;
engineBench.add(T.update, () => {
  const b = extras[iUpd++ % extras.length];
  updateIndex.add(b);
  updateIndex.remove(b.id);
});

// Growth with the dealer's size (issue 17): the reference calendar repeated fortnight after
// fortnight (copy k moved k × 14 days later: same density per day, N appointments in all).
// A courtesy-car booking's core cost is its re-check (the whole stay, the cars counted)
// plus the index update; in a storm each one is followed by the next booking's check.
// Rows in booking order (days shuffled), as the reference generated them.
function scaled(n: number): Booking[] {
  const out: Booking[] = [];
  for (let k = 0; out.length < n; k++) {
    const dm = k * HORIZON_DAYS * 1440;
    const dd = k * HORIZON_DAYS;
    for (const b of bookings) {
      if (out.length >= n) break;
      out.push({
        ...b,
        id: `${b.id}-${k}`,
        reception: { ...b.reception, start: b.reception.start + dm },
        ret: b.ret ? { ...b.ret, start: b.ret.start + dm } : null,
        labour: b.labour.map((l) => ({ ...l, day: l.day + dd })),
        readyAt: b.readyAt + dm,
      });
    }
  }
  // Interleave the copies: rows come in booking order, not day by day.
  const rng = mulberry32(0x5ca1e);
  return out
    .map((b) => ({ b, k: rng() }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.b);
}
const carExtras: Array<{ b: Booking; j: Job }> = (() => {
  const rng = mulberry32(0xca5);
  const out: Array<{ b: Booking; j: Job }> = [];
  for (let i = 0; out.length < 32 && i < 10_000; i++) {
    const j = job({ ...pickJobRequest(rng), mobility: "courtesy_car" });
    const n = openDays[Math.floor(rng() * openDays.length)];
    const b = placeBooking(index, rng, j, n, 8 * 60 + Math.floor(rng() * 36) * 15, ref.now, `car-extra-${i}`);
    if (b) out.push({ b, j });
  }
  if (out.length === 0) throw new Error("no extra courtesy-car booking fits the reference calendar");
  return out;
})();
const rows5k = scaled(5000);
const rows20k = scaled(20_000);
for (const [name, rows] of [
  [T.car1k, scaled(1000)],
  [T.car5k, rows5k],
  [T.car20k, rows20k],
] as const) {
  const idx = CapacityIndex.build(dealer, rows);
  let k = 0;
  engineBench.add(name, () => {
    const { b, j } = carExtras[k++ % carExtras.length];
    if (evaluateCandidate(idx, { ...b.reception, job: j, now: ref.now }) === null) sink++;
    idx.add(b);
    idx.remove(b.id);
  });
}
engineBench.add(T.build5k, () => {
  sink += CapacityIndex.build(dealer, rows5k).bookings.size;
});
engineBench.add(T.build20k, () => {
  sink += CapacityIndex.build(dealer, rows20k).bookings.size;
});
// A runtime makes its bookings from the rows in day order (scheduler/runtime.ts), so they
// lie in memory in the order the build walks them; the rows above were made in booking
// order. Same bookings, fresh objects made in day order. (Fresh copies made in booking
// order build as slowly as the originals: it is the order, not the copying.)
const madeInDayOrder = (rows: Booking[]) =>
  [...rows].sort((a, b) => a.reception.start - b.reception.start).map((b) => structuredClone(b));
const rows1kDay = madeInDayOrder(bookings);
const rows5kDay = madeInDayOrder(rows5k);
const rows20kDay = madeInDayOrder(rows20k);
engineBench.add(T.build1kDay, () => {
  sink += CapacityIndex.build(dealer, rows1kDay).bookings.size;
});
engineBench.add(T.build5kDay, () => {
  sink += CapacityIndex.build(dealer, rows5kDay).bookings.size;
});
engineBench.add(T.build20kDay, () => {
  sink += CapacityIndex.build(dealer, rows20kDay).bookings.size;
});

// The reference takes around a second per call: few samples, no time budget beyond them.
const referenceBench = new Bench({ ...opts, time: 0, iterations: 6, warmupIterations: 1, warmupTime: 0 });
const referenceFn = reference.fn;
let iRef = 0;
if (referenceFn) {
  referenceBench.add(T.reference, () => {
    const v = variants[iRef++ & 63];
    const slots = referenceFn(config, bookings, {
      ...v.req,
      fromDate: isoFromDayNumber(v.fromDay),
      days: 14,
      nowEpochMinute: v.now,
    });
    sink += slots.length;
  });
}

// Work behind the 14-day search, counted (not timed): the same 64 requests once more, after
// a warm pass, with the planner's counters (src/core/workshop.ts workCounters); then again
// with the planner's caches dropped before each search (the first search after a booking).
{
  const count = (cold: boolean) => {
    for (const v of variants) search(index, v, 14);
    for (const key of Object.keys(workCounters) as Array<keyof typeof workCounters>) workCounters[key] = 0;
    for (const v of variants) {
      if (cold) index.touch();
      sink += search(index, v, 14);
    }
    const per = (x: number) => (x / variants.length).toFixed(1);
    console.log(
      `work per 14-day search${cold ? ", planner caches dropped first" : ""} (mean of ${variants.length}): ${per(workCounters.candidates)} candidate slots checked, ${per(workCounters.plans)} labour plans made ` +
        `(${per(workCounters.planHits)} reused, ${per(workCounters.planCacheHits)} of them from earlier searches), ${per(workCounters.placements)} first-fit walks (${per(workCounters.memoHits)} answered by the memo), ` +
        `${per(workCounters.gapScans)} gaps walked hour by hour, ${per(workCounters.steps)} job steps`,
    );
  };
  count(false);
  count(true);
}

const started = performance.now();
await engineBench.run();
await referenceBench.run();
const elapsed = (performance.now() - started) / 1000;

// ---------------------------------------------------------------------------------------
// Report

const tasks = [...engineBench.tasks, ...referenceBench.tasks];
const rows = tasks.map(taskRow);
const byName = new Map(rows.map((r) => [r.task, r]));
const samples = new Map(tasks.map((t) => [t.name, t.result.state === "completed" ? t.result.latency.samplesCount : 0]));

type Check = { text: string; ok: boolean };
const checks = new Map<string, Check[]>();
const check = (task: string, text: string, ok: boolean) =>
  checks.set(task, [...(checks.get(task) ?? []), { text, ok }]);
const s14 = byName.get(T.search14)!;
const refRow = byName.get(T.reference);
// Issue 13: with technician plans on the reference dealer, the 2-option 14-day search stays ≤ 10 µs.
check(T.search14, "median ≤ 10 µs", s14.medianUs <= 10);
check(T.search14, "p99 ≤ 100 µs", s14.p99Us <= 100);
for (const t of [T.express14, T.courtesy14]) check(t, "median ≤ 20 µs", byName.get(t)!.medianUs <= 20);
check(T.build, "median ≤ 2 ms", byName.get(T.build)!.medianUs <= 2000);
check(T.update, "median ≤ 5 µs", byName.get(T.update)!.medianUs <= 5);
check(T.car20k, "median ≤ 1.5× the 1k one", byName.get(T.car20k)!.medianUs <= 1.5 * byName.get(T.car1k)!.medianUs);
const speedup = refRow ? refRow.medianUs / s14.medianUs : NaN;
if (refRow) check(T.reference, "engine ≥ 100× faster", speedup >= 100);

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const table = rows.map((r) => {
  const cs = checks.get(r.task) ?? [];
  return [
    r.task,
    fmt(r.medianUs),
    fmt(r.p99Us),
    fmt(r.opsPerSec),
    String(samples.get(r.task) ?? 0),
    cs.map((c) => c.text).join(", ") || "—",
    cs.length
      ? cs.every((c) => c.ok)
        ? "pass"
        : `MISS (${cs
            .filter((c) => !c.ok)
            .map((c) => c.text)
            .join(", ")})`
      : "",
  ];
});
const head = ["task", "median µs", "p99 µs", "ops/s", "samples", "target", "result"];
const widths = head.map((h, c) => Math.max(h.length, ...table.map((t) => t[c].length)));
const right = new Set([1, 2, 3, 4]);
const line = (cells: string[]) =>
  cells
    .map((x, c) => (right.has(c) ? x.padStart(widths[c]) : x.padEnd(widths[c])))
    .join("  ")
    .trimEnd();
console.log(line(head));
console.log(widths.map((w) => "─".repeat(w)).join("  "));
for (const t of table) console.log(line(t));
console.log("");

const listDayRow = byName.get(T.listDay)!;
if (refRow) {
  console.log(
    `speed-up over the reference (2-option search, 14 days, medians): ${speedup.toFixed(0)}×  ${speedup >= 100 ? "pass" : "MISS"} (target ≥ 100×)`,
  );
  console.log(
    `  same work as the reference (every option of ${openDays.length} open days, engine ≈ ${fmt((listDayRow.medianUs * openDays.length) / 1000)} ms): ` +
      `${(refRow.medianUs / (listDayRow.medianUs * openDays.length)).toFixed(0)}×`,
  );
} else {
  console.log(`speed-up over the reference: not measured, no brute-force reference (${reference.source})`);
}

console.log(`load average at the end: ${loadavg()[0].toFixed(1)} on ${cpus} CPUs`);
const missed = [...checks.values()].flat().filter((c) => !c.ok).length;
console.log(
  `${missed ? `${missed} target(s) missed` : "all targets met"}; ${elapsed.toFixed(1)} s of sampling (sink ${sink > 0 ? "ok" : "empty"})`,
);

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(rows, null, 2) + "\n");
console.log(`wrote ${OUT}`);

if (STRICT && missed) process.exitCode = 1;
