// CPU profile of one core workload on the reference dealer, summarised by function.
//
//   node bench/run.mjs bench/profile.ts [search14|express14|courtesy14|shuttle14|search60|listDay|build|cold|update] [seconds]
//
// Runs the workload in a loop under the inspector's sampling profiler (50 µs interval: the
// default 1 ms is too coarse for µs-scale calls), then prints self and inclusive time per function, top 25.
// Writes the raw profile to $TMPDIR/pitlane-<workload>.cpuprofile (open it in Chrome
// DevTools or speedscope for a flame graph).

import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CapacityIndex, compileDealer } from "../src/core/index.js";
import { DEALER_ID, reference as ref } from "./fixtures/reference-dealer.js";
import { extraBookings, job, listDay, openDays, search, variants } from "./lib/reference-workload.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
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
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 50 });
await session.post("Profiler.start");
let calls = 0;
for (let end = performance.now() + seconds * 1000; performance.now() < end; calls++) fn();
const { profile } = await session.post("Profiler.stop");
session.disconnect();

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const nodes = new Map<number, Node>((profile.nodes as Node[]).map((n) => [n.id, n]));
const totalHits = [...nodes.values()].reduce((s, n) => s + (n.hitCount ?? 0), 0);
const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, "");
  // Under tsx the reported line is that of the transpiled module, often meaningless: file only.
  const where = url ? (url.startsWith(ROOT) ? relative(ROOT, url) : url.split("/").slice(-2).join("/")) : "";
  return `${n.callFrame.functionName || "(anonymous)"} ${where}`.trim();
};
const self = new Map<string, number>();
const incl = new Map<string, number>();
const walk = (id: number, stack: Set<string>): number => {
  const n = nodes.get(id)!;
  const key = label(n);
  let hits = n.hitCount ?? 0;
  self.set(key, (self.get(key) ?? 0) + hits);
  const inner = new Set(stack).add(key);
  for (const c of n.children ?? []) hits += walk(c, inner);
  if (!stack.has(key)) incl.set(key, (incl.get(key) ?? 0) + hits);
  return hits;
};
walk((profile.nodes as Node[])[0].id, new Set());

const pct = (h: number) => `${((100 * h) / totalHits).toFixed(1).padStart(5)}%`;
console.log(
  `${workload}: ${calls} calls in ${seconds} s → ${((seconds * 1e6) / calls).toFixed(1)} µs/call under the profiler (sink ${sink})`,
);
console.log(`\n self    incl   function`);
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, h] of top) console.log(`${pct(h)}  ${pct(incl.get(k) ?? h)}  ${k}`);
console.log(`\n inclusive, top 15`);
for (const [k, h] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(h)}  ${k}`);

const out = resolve(tmpdir(), `pitlane-${workload}.cpuprofile`);
writeFileSync(out, JSON.stringify(profile));
console.log(`\nwrote ${out}`);
