// Summarises a V8 .cpuprofile (node --cpu-prof) by area (node internals, each package,
// each src/ folder), and by self and inclusive time per function, optionally restricted
// to a time window (hrtime µs, the profile's own clock).
//
//   npx tsx bench/cpuprofile-summary.ts file.cpuprofile     the whole profile
//   (bench/http.bench.ts BENCH_PROFILE=1 calls it for the search window)

import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function area(url: string, fn: string): string {
  if (!url) {
    if (fn === "(idle)") return "(idle)";
    if (fn === "(garbage collector)") return "(gc)";
    if (fn === "(program)") return "(program: native, V8)";
    return "";
  }
  const u = url.replace(/^file:\/\//, "");
  if (u.startsWith("node:"))
    return /_http|http_|\bhttp\b|net|stream|llhttp/.test(u) ? "node http/net/streams" : "node core (other)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.startsWith(ROOT)) {
    const r = relative(ROOT, u);
    // src/ and builds of it (dist/, A/B trees one level deeper): by src folder.
    const m = /^(?:src|dist|\.[^/]+\/[^/]+)\/(.+)$/.exec(r);
    return m ? `src/${m[1].split("/")[0]}` : r;
  }
  return u.split("/").slice(-2).join("/");
}

export function summariseProfile(profile: CpuProfile, window: [number, number] | null): string[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Per-node sample counts, restricted to the load window when the clocks line up.
  const counts = new Map<number, number>();
  let t = profile.startTime;
  let inWindow = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (window && (t < window[0] || t > window[1])) continue;
    counts.set(profile.samples[i], (counts.get(profile.samples[i]) ?? 0) + 1);
    inWindow++;
  }
  const lines: string[] = [];
  if (window && inWindow === 0) {
    lines.push("(profile clock did not match the load window: summarising the whole run)");
    return summariseProfile(profile, null).concat(lines);
  }
  const label = (n: ProfileNode) => {
    const u = n.callFrame.url.replace(/^file:\/\//, "");
    const where = u ? (u.startsWith(ROOT) ? relative(ROOT, u) : u.replace(/.*node_modules\//, "")) : "";
    return `${n.callFrame.functionName || "(anonymous)"}${where ? "  " + where : ""}`;
  };
  const idle = [...counts.entries()]
    .filter(([id]) => nodes.get(id)!.callFrame.functionName === "(idle)")
    .reduce((s, [, c]) => s + c, 0);
  const busy = inWindow - idle;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, c] of counts) {
    const n = nodes.get(id)!;
    if (n.callFrame.functionName === "(idle)") continue;
    self.set(label(n), (self.get(label(n)) ?? 0) + c);
    // Area: builtins without a url (JSON.stringify, RegExp exec, ...) count for their caller.
    let a = area(n.callFrame.url, n.callFrame.functionName);
    for (let p = parent.get(id); !a && p !== undefined; p = parent.get(p)) {
      const pn = nodes.get(p)!;
      a = area(pn.callFrame.url, pn.callFrame.functionName);
    }
    a ||= "(native, no JS caller)";
    areas.set(a, (areas.get(a) ?? 0) + c);
    // Inclusive: every distinct function on the stack.
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const k = label(nodes.get(p)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + c);
    }
  }
  const pct = (c: number) => `${((100 * c) / busy).toFixed(1).padStart(5)}%`;
  lines.push(
    `samples${window ? " in the load window" : ""}: ${inWindow}, idle ${((100 * idle) / inWindow).toFixed(1)}% — shares below are of the BUSY time`,
  );
  lines.push(
    "(kernel time inside a syscall is charged to it: writev is mostly the loopback TCP send; under --cpu-prof console.log costs ~2.5x its normal price)",
  );
  lines.push("", "by area (self time; builtins charged to their JS caller):");
  for (const [a, c] of [...areas.entries()].sort((x, y) => y[1] - x[1]).slice(0, 18)) lines.push(`  ${pct(c)}  ${a}`);
  lines.push("", "top functions by self time:");
  for (const [k, c] of [...self.entries()].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.PROFILE_SELF || 30)))
    lines.push(`  ${pct(c)}  ${k}`);
  lines.push("", "top functions by inclusive time:");
  for (const [k, c] of [...incl.entries()]
    .sort((x, y) => y[1] - x[1])
    .filter(([k]) => !k.startsWith("(root)"))
    .slice(0, Number(process.env.PROFILE_TOP || 40)))
    lines.push(`  ${pct(c)}  ${k}`);
  return lines;
}

// Run as a command, not imported: by the script's name, since bench/run.mjs bundles an
// importer (profile.ts) into one file whose import.meta.url is then the script's too.
if (/cpuprofile-summary\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npx tsx bench/cpuprofile-summary.ts <file.cpuprofile>");
    process.exit(2);
  }
  for (const l of summariseProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, null)) console.log(l);
}

/** Starts V8's sampling profiler in this process, a sample every `intervalUs`; stop() ends it and gives the profile. */
export async function startProfiler(intervalUs: number): Promise<{ stop(): Promise<CpuProfile> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: intervalUs });
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
      session.disconnect();
      return profile;
    },
  };
}
