// An on-CPU profile of one server process by Linux perf, summarised like
// cpuprofile-summary.ts: where the writer's CPU goes per booking (issue 17).
//
// Why perf beside V8's --cpu-prof: the sampling profiler records wall time. On a 2-core
// box that also runs the load generator and a second server process, the writer is often
// runnable but descheduled, or waiting in fsync, and those samples land on whatever
// function was running: at 1,000 bookings/s it showed ~1,780 µs "busy" per booking for a
// process that used ~800 µs of CPU. perf's cpu-clock samples only count time on a CPU, and
// they see SQLite's C, libc and the kernel (the COMMIT's pwrite, page-cache copies) beside
// the JavaScript. With node --perf-basic-prof, V8 writes /tmp/perf-<pid>.map so JIT frames
// have names ("JS:*bookAppointment file:///…/book.js:65:25"; * optimised, ^ baseline).
//
// Trap: the JavaScript frames of a perf stack are walked by frame pointers, and a frame can
// be missing or stale now and then; the shares are right in bulk, not for a single sample.

import { execFileSync, spawn } from "node:child_process";

/** Starts `perf record` on pid; stop() ends it and returns the summary lines ([] and why, without perf). */
export function perfRecord(pid: number, file: string): { stop(): Promise<string[]> } {
  let child: ReturnType<typeof spawn> | undefined;
  try {
    execFileSync("perf", ["--version"], { stdio: "ignore" });
    child = spawn("perf", ["record", "-F", "999", "-g", "-p", String(pid), "-o", file], { stdio: "ignore" });
  } catch {
    child = undefined;
  }
  return {
    async stop() {
      if (!child) return ["(no perf on this machine: apt-get install -y linux-perf)"];
      const done = new Promise((ok) => child!.once("exit", ok));
      child.kill("SIGINT");
      await done;
      const text = execFileSync("perf", ["script", "-i", file, "-F", "ip,sym"], {
        maxBuffer: 1 << 30,
        stdio: ["ignore", "pipe", "ignore"],
      }).toString();
      return summarisePerfScript(text);
    },
  };
}

/** `perf script -F ip,sym` text → the main thread's shares: inclusive by JavaScript function, and self by native code. */
export function summarisePerfScript(text: string, top = Number(process.env.PERF_TOP || 40)): string[] {
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let samples = 0;
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const block of text.split("\n\n")) {
    const frames = block
      .split("\n")
      .map((l) => l.trim().replace(/^[0-9a-f]+ /, ""))
      .filter(Boolean);
    // The event loop's thread only: libuv's pool, V8's GC helpers and the checkpointer
    // thread are other CPUs' work, not the loop's time.
    if (frames.length === 0 || !frames.some((f) => f.includes("NodeMainInstance::Run"))) continue;
    samples++;
    add(self, frames[0].startsWith("JS:") ? "(JavaScript, self)" : frames[0]);
    const seen = new Set<string>();
    for (const f of frames) {
      if (!f.startsWith("JS:")) continue;
      const name = f.replace(/^JS:[*^~]?/, "").replace(/file:\/\/\/\S*?\/(dist|node_modules)\//, "$1/");
      if (seen.has(name)) continue;
      seen.add(name);
      add(inclusive, name);
    }
  }
  const pct = (n: number) => `${((100 * n) / Math.max(1, samples)).toFixed(1).padStart(5)}%`;
  const lines = [
    `perf: ${samples} on-CPU samples of the event loop's thread`,
    "",
    "inclusive, by JavaScript function:",
  ];
  for (const [k, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(n)}  ${k}`);
  lines.push("", "self, by native function (SQLite, libc, the kernel, V8):");
  for (const [k, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${pct(n)}  ${k}`);
  return lines;
}
