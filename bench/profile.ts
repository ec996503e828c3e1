// CPU profile of one core workload on the reference dealer, summarised by function.
//
//   node bench/run.mjs bench/profile.ts [search14|express14|courtesy14|shuttle14|search60|listDay|build|cold|update] [seconds]
//
// Runs the workload in a loop under the inspector's sampling profiler (50 µs interval: the
// default 1 ms is too coarse for µs-scale calls), then prints the summary of bench/cpuprofile-summary.ts (by area, self and inclusive time per function).
// Writes the raw profile to $TMPDIR/pitlane-<workload>.cpuprofile (open it in Chrome
// DevTools or speedscope for a flame graph).

import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { CapacityIndex, compileDealer } from "../src/core/index.js";
import { startProfiler, summariseProfile } from "./cpuprofile-summary.js";
import { DEALER_ID, reference as ref } from "./fixtures/reference-dealer.js";
import { extraBookings, job, listDay, openDays, search, variants } from "./lib/reference-workload.js";

const workload = process.argv[2] ?? "search14";
const seconds = Number(process.argv[3] ?? 3);

const { dealer, config, bookings } = ref;
const index = ref.buildIndex();
const extras = extraBookings(index);

let sink = 0;
let i = 0;
const workloads: Record<string, () => void> = {
  search14: () => void (sink += search(index, variants[i++ & 63], 14)),
  express14: () => void (sink += search(index, variants[i++ & 63], 14, "courtesy_car", true)),
  courtesy14: () => void (sink += search(index, variants[i++ & 63], 14, "courtesy_car")),
  shuttle14: () => void (sink += search(index, variants[i++ & 63], 14, "shuttle")),
  search60: () => void (sink += search(index, variants[i++ & 63], 60)),
  listDay: () => {
    const k = i++;
    sink += listDay(index, job(variants[k & 63].req), openDays[k % openDays.length], ref.now);
  },
  build: () => void (sink += CapacityIndex.build(dealer, bookings).bookings.size),
  cold: () => void (sink += CapacityIndex.build(compileDealer(DEALER_ID, config), bookings).bookings.size),
  update: () => {
    const b = extras[i++ % extras.length]!;
    index.add(b);
    index.remove(b.id);
  },
};
const fn = workloads[workload];
if (!fn) throw new Error(`unknown workload ${workload}; one of ${Object.keys(workloads).join(", ")}`);

// Warm up (JIT), then profile.
for (let end = performance.now() + 500; performance.now() < end; ) fn();
const profiler = await startProfiler(50);
let calls = 0;
for (let end = performance.now() + seconds * 1000; performance.now() < end; calls++) fn();
const profile = await profiler.stop();

console.log(
  `${workload}: ${calls} calls in ${seconds} s → ${((seconds * 1e6) / calls).toFixed(1)} µs/call under the profiler (sink ${sink})\n`,
);
for (const line of summariseProfile(profile, null)) console.log(line);

const out = resolve(tmpdir(), `pitlane-${workload}.cpuprofile`);
writeFileSync(out, JSON.stringify(profile));
console.log(`\nwrote ${out}`);
