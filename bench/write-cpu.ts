// Server CPU per booking (issue 17), measured so that other work on a shared machine
// moves it as little as possible: the real server (dist/node.js, WORKERS=1 unless told)
// books distinct valid slots of the write-bench dealer (fixtures/write-dealer.ts) from 32
// clients, and the figure is the server processes' CPU time (utime + stime from
// /proc/<pid>/stat, children included for WORKERS>1) per 201, not wall-clock bookings/s.
// It includes the commits' fsync syscalls as far as the kernel charges them to us.
//
//   npx tsx bench/write-cpu.ts                  (runs npm run build first)
//   WRITE_CPU_N=4000 WRITE_CPU_WARMUP=1000      measured bookings, warm-up bookings
//   WRITE_CPU_WORKERS=auto                      the cluster (CPU of primary + workers)
//   WRITE_CPU_PROFILE=1                         node --cpu-prof; summary on stdout
//   WRITE_CPU_KEEP=/tmp/profiles                keep the profiles (one per thread) in that folder
//   WRITE_CPU_NOBUILD=1                         use dist/ as it is
//   WRITE_CPU_PERF=1                            Linux perf on the writer (worker 0, or the one
//                                               process) during the measured bookings: on-CPU
//                                               shares of its event loop (bench/lib/perf-summary.ts)
//   WRITE_CPU_PERF_WORKER=1                     … on that cluster worker instead (1: one that takes the HTTP)
//   WRITE_CPU_NODE_ARGS="--flag …"              extra node flags for the server
//   WRITE_CPU_KEEPDIR=1                         keep the temp dir (database, server.log)
//   WRITE_CPU_DIST=dist-before                  another build one level below the root (A/B:
//                                               node scripts/build-server.mjs <srcDir> dist-before)

import { execFileSync, spawn } from "node:child_process";
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type CpuProfile, summariseProfile } from "./cpuprofile-summary.js";
import { writeRequests, type WriteRequest, WRITE_DEALER, writeDealerConfig } from "./fixtures/write-dealer.js";
import { ADMIN_TOKEN, call, freePort } from "./http-setup.js";
import { serverEnv, serverUp } from "./lib/bench-server.js";
import { perfRecord } from "./lib/perf-summary.js";
import {
  cpuOfProcesses,
  loopSchedstat,
  processesWhere,
  procStat,
  serverCpu,
  threadCpuMs,
  workerPid,
  writerPid,
  writtenBytes,
} from "./lib/proc-stat.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const N = Number(process.env.WRITE_CPU_N || 4000);
const WARMUP = Number(process.env.WRITE_CPU_WARMUP || 1000);
const WORKERS = process.env.WRITE_CPU_WORKERS || "1";
const PROFILE = process.env.WRITE_CPU_PROFILE === "1";
const PERF = process.env.WRITE_CPU_PERF === "1";
const DIST = process.env.WRITE_CPU_DIST || "dist";
const CONNECTIONS = 32;

/** [utime, stime] (µs) of pid and its live children (cluster workers). */
function cpuUs(pid: number): [number, number] {
  const own = procStat(pid);
  if (!own) throw new Error(`server process ${pid} is gone`);
  const children = cpuOfProcesses((_pid, s) => s.ppid === pid);
  return [(own.userMs + children.userMs) * 1000, (own.systemMs + children.systemMs) * 1000];
}

/** Bytes written to storage by pid and its live children so far; null when the server's own count is unreadable. */
function storageBytes(pid: number): number | null {
  const own = writtenBytes(pid);
  if (own === null) return null;
  return processesWhere((_pid, s) => s.ppid === pid).reduce((sum, [p]) => sum + (writtenBytes(p) ?? 0), own);
}

/** CPU µs of the server and of each child (bench/lib/proc-stat.ts serverCpu: workers by their cluster index). */
function perProcessUs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, ms] of serverCpu(pid)?.each ?? []) out.set(k === "worker 0" ? "worker 0 (writer)" : k, ms * 1000);
  return out;
}

async function book(url: string, bodies: WriteRequest[]): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < bodies.length) {
        const r = bodies[next++];
        const res = await fetch(`${url}/v1/dealers/${WRITE_DEALER}/appointments`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": r.key },
          body: r.body,
        });
        await res.arrayBuffer();
        counts[res.status] = (counts[res.status] ?? 0) + 1;
      }
    }),
  );
  return counts;
}

async function main() {
  if (process.env.WRITE_CPU_NOBUILD !== "1" && DIST === "dist")
    execFileSync(process.execPath, ["scripts/build-server.mjs"], { cwd: ROOT, stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "pitlane-write-cpu-"));
  const port = await freePort();
  const log = openSync(join(dir, "server.log"), "a");
  const child = spawn(
    process.execPath,
    [
      ...(PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : []),
      // --perf-basic-prof also makes V8 write isolate-*-v8.log files into the working
      // directory (four of them were once committed by accident): into the temp dir instead.
      ...(PERF ? ["--perf-basic-prof", `--logfile=${join(dir, "v8.log")}`] : []),
      ...(process.env.WRITE_CPU_NODE_ARGS ?? "").split(" ").filter(Boolean),
      "--enable-source-maps",
      `${DIST}/node.js`,
    ],
    {
      cwd: ROOT,
      env: serverEnv(port, join(dir, "scheduler.db"), {
        WORKERS,
        // e.g. WRITE_CPU_ENV="JOURNEY_INTERVAL_MS=0 GROUP_COMMIT=off": what one part costs.
        ...Object.fromEntries(
          (process.env.WRITE_CPU_ENV ?? "")
            .split(" ")
            .filter(Boolean)
            .map((kv) => kv.split("=")),
        ),
      }),
      stdio: ["ignore", log, log],
    },
  );
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  try {
    if (!(await serverUp(url))) throw new Error("server did not come up");
    const put = await call(url, "PUT", `/v1/dealers/${WRITE_DEALER}`, writeDealerConfig, {
      authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    if (put.status !== 201 && put.status !== 200) throw new Error(`PUT dealer: ${put.status} ${put.text}`);
    const bodies = writeRequests(WARMUP + N);
    await book(url, bodies.slice(0, WARMUP));
    const load0 = loadavg()[0];
    const cpu0 = cpuUs(child.pid!);
    const each0 = perProcessUs(child.pid!);
    const written0 = storageBytes(child.pid!);
    const writer = writerPid(child.pid!);
    const threads0 = threadCpuMs(writer);
    const sched0 = loopSchedstat(writer);
    const perfOn = workerPid(child.pid!, Number(process.env.WRITE_CPU_PERF_WORKER ?? 0));
    const perf = PERF ? perfRecord(perfOn, join(dir, "perf.data")) : undefined;
    const t0 = performance.now();
    const counts = await book(url, bodies.slice(WARMUP));
    const secs = (performance.now() - t0) / 1000;
    const perfLines = await perf?.stop();
    const cpu1 = cpuUs(child.pid!);
    const each1 = perProcessUs(child.pid!);
    const written1 = storageBytes(child.pid!);
    const threads1 = threadCpuMs(writer);
    const sched1 = loopSchedstat(writer);
    const written = written0 === null || written1 === null ? null : written1 - written0;
    const user = cpu1[0] - cpu0[0];
    const sys = cpu1[1] - cpu0[1];
    const cpu = user + sys;
    const ok = counts[201] ?? 0;
    console.log(
      `${DIST} WORKERS=${WORKERS}: ${N} bookings ${JSON.stringify(counts)} in ${secs.toFixed(1)} s (${Math.round(ok / secs)}/s wall); server CPU ${Math.round(cpu / ok)} µs per booking (user ${Math.round(user / ok)}, kernel ${Math.round(sys / ok)}); ${written === null ? "n/a" : (written / ok / 1024).toFixed(1)} KiB to storage per booking; load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
    );
    if (each1.size > 1)
      console.log(
        `  per process (µs per booking): ${[...each1].map(([k, v]) => `${k} ${Math.round((v - (each0.get(k) ?? 0)) / ok)}`).join(", ")}`,
      );
    // The writer's event loop is what bounds it; its other threads (the checkpointer, V8's
    // compiler and GC helpers, libuv's pool) run beside it on the other core.
    console.log(
      `  the writer's threads (µs per booking): ${[...threads1]
        .map(([k, ms]) => [k, ((ms - (threads0.get(k) ?? 0)) * 1000) / ok] as const)
        .filter(([, us]) => us >= 1)
        .sort((a, b) => b[1] - a[1])
        .map(([k, us]) => `${k} ${Math.round(us)}`)
        .join(
          ", ",
        )}; event loop ${((((threads1.get("event loop") ?? 0) - (threads0.get("event loop") ?? 0)) / 1000 / secs) * 100).toFixed(0)} % of the wall time`,
    );
    if (sched0 && sched1) {
      const pct = (ns: number) => `${((ns / 1e9 / secs) * 100).toFixed(0)} %`;
      console.log(
        `  the writer's event loop over the wall time: on a CPU ${pct(sched1[0] - sched0[0])}, ready but waiting for one ${pct(sched1[1] - sched0[1])}, the rest blocked (its fsync) or idle`,
      );
    }
    if (perfLines) console.log(`\n${perfLines.join("\n")}`);
  } finally {
    await new Promise<void>((done) => {
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
    if (PROFILE) {
      if (process.env.WRITE_CPU_KEEP) mkdirSync(process.env.WRITE_CPU_KEEP, { recursive: true });
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
        console.log(`\n== ${f}`);
        if (process.env.WRITE_CPU_KEEP) copyFileSync(join(dir, f), join(process.env.WRITE_CPU_KEEP, f));
        for (const l of summariseProfile(JSON.parse(readFileSync(join(dir, f), "utf8")) as CpuProfile, null))
          console.log(l);
      }
    }
    if (!process.env.WRITE_CPU_KEEPDIR) rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
