// Where one function's time goes (issue 17): of the samples under every call of the
// function named (outermost calls only, so recursion is not counted twice), the share
// spent in each direct callee, and in the function itself. A profile from node --cpu-prof
// or bench/write-verb.ts WRITE_VERB_PROFILE_OUT.
//
//   npx tsx bench/cpu-callees.ts file.cpuprofile bookAppointment [depth=1]

import { readFileSync } from "node:fs";
import type { CpuProfile, ProfileNode } from "./cpuprofile-summary.js";

const [file, target, depthArg] = process.argv.slice(2);
if (!file || !target) {
  console.error("usage: npx tsx bench/cpu-callees.ts <file.cpuprofile> <functionName> [depth]");
  process.exit(2);
}
const depth = Number(depthArg ?? 1);
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const byId = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
const hits = new Map<number, number>();
for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
const busy = profile.samples.filter((s) => byId.get(s)?.callFrame.functionName !== "(idle)").length;

const total = (n: ProfileNode): number =>
  (hits.get(n.id) ?? 0) + (n.children ?? []).reduce((s, c) => s + total(byId.get(c)!), 0);
const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(src|node_modules|bench)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;

// Outermost calls of the target.
const roots: ProfileNode[] = [];
const walk = (n: ProfileNode) => {
  if (n.callFrame.functionName === target) return void roots.push(n);
  for (const c of n.children ?? []) walk(byId.get(c)!);
};
walk(profile.nodes[0]);

const sums = new Map<string, number>();
let self = 0;
let all = 0;
const add = (n: ProfileNode, level: number, prefix: string) => {
  for (const c of n.children ?? []) {
    const child = byId.get(c)!;
    const key = prefix + label(child);
    sums.set(key, (sums.get(key) ?? 0) + total(child));
    if (level < depth) add(child, level + 1, `${key}  >  `);
  }
};
for (const r of roots) {
  all += total(r);
  self += hits.get(r.id) ?? 0;
  add(r, 1, "");
}
const pct = (x: number) => `${((100 * x) / busy).toFixed(1).padStart(5)}%`;
console.log(`${target}: ${pct(all)} of busy samples (${all} of ${busy}); self ${pct(self)}`);
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 60))
  if (v / busy >= 0.002) console.log(`${pct(v)}  ${k}`);
