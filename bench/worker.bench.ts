// Availability searches against the Worker on LOCAL workerd, under autocannon: the Workers
// counterpart of bench/http.bench.ts, with the same dealer, calendar and search bodies
// (bench/http-setup.ts) and the same measurement (per-response latencies from
// autocannon's "response" event, float ms). Two ways to run the same bundle (the one
// `wrangler deploy --dry-run` builds, i.e. what `wrangler deploy` uploads):
//   workerd     Miniflare alone, configured from wrangler.toml: the edge Worker and the
//               dealer's Durable Object in one workerd process. The headline figure.
//   dev         `npm run dev:worker` (wrangler dev): adds wrangler's proxy Worker (a
//               second workerd), the inspector and log forwarding through wrangler's Node
//               process; what a developer sees locally, several times slower.
//
//   npm run bench:worker                      table on stdout, bench/results/worker.json
//   BENCH_DURATION=5 npm run bench:worker     seconds of load (default 15)
//   BENCH_CONNECTIONS=50                      concurrent keep-alive connections (default 50)
//   BENCH_ONLY=workerd | dev                  one way only
//   BENCH_KEEP=1                              keep the temp dir (state, logs)
//   BENCH_OUT=path.json                       write the JSON elsewhere
//
// What it measures: ONE dealer, i.e. one Durable Object, which serialises its requests
// (the point of the design): a per-dealer ceiling on this machine, behind the edge
// Worker's hop to the object. It says nothing about a network of dealers, which
// Cloudflare spreads over many machines, nor about production latency. The load
// generator shares the machine (2 cores here) with workerd.
//
// JSON: [{ task, runtime, reqPerSec, p50Ms, p99Ms, non2xx, errors, ... }], beside the
// Node figures in bench/results/http.json.

import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import type { Readable } from "node:stream";
import { dirname, join, relative } from "node:path";
import autocannon from "autocannon";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { DEALER, freePort, prebook, prepareDealer, searchBodies, sleep } from "./http-setup.js";
import { percentile, postRequests, rotatingClients, round2 } from "./lib/autocannon-load.js";
import { loadOptions, ROOT } from "./lib/load-options.js";
import { BENCH_SETTINGS } from "./lib/bench-server.js";
import { cpuOfProcesses } from "./lib/proc-stat.js";

const { DURATION, CONNECTIONS, KEEP, ONLY, OUT, WARMUP_S } = loadOptions("results/worker.json");

// The Worker, two ways

interface Target {
  name: string;
  url: string;
  /** CPU ms so far of the processes that serve it (workerd, and wrangler's for "dev"). */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

// As in bench/http.bench.ts: the same token, clock and seal key, no abuse limits.
const SETTINGS = BENCH_SETTINGS;

/** Miniflare over the deploy bundle, with wrangler.toml's bindings and compatibility. */
async function startWorkerd(dir: string): Promise<Target> {
  const build = join(dir, "build");
  const built = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", build],
    {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (built.status !== 0) throw new Error("wrangler deploy --dry-run failed");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, "wrangler.toml"));
  const log = createWriteStream(join(dir, "workerd.log"));
  const mf = new Miniflare({
    ...workerOptions,
    modules: true,
    scriptPath: join(build, "worker.js"),
    modulesRoot: build,
    bindings: { ...workerOptions.bindings, ...SETTINGS },
    durableObjectsPersist: join(dir, "state"),
    host: "127.0.0.1",
    port: await freePort(),
    // Into a file, as the Node bench does with the server's access log.
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.pipe(log);
      stderr.pipe(log);
    },
  });
  const url = (await mf.ready).origin;
  return {
    name: "workerd (Miniflare), one Durable Object",
    url,
    cpuMs: () => childrenCpuMs(process.pid),
    stop: () => mf.dispose(),
  };
}

/** `npm run dev:worker` in its own process group (tsx → wrangler → two workerd). */
async function startDev(dir: string): Promise<Target> {
  const logPath = join(dir, "dev.log");
  const out = openSync(logPath, "a");
  const err = openSync(join(dir, "dev.err"), "a");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev-worker.ts"], {
    cwd: ROOT,
    detached: true,
    // Files, never a pipe nobody drains: the Worker would stall under load.
    stdio: ["ignore", out, err],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: "127.0.0.1",
      WORKER_STATE_DIR: join(dir, "dev-state"),
      WORKER_WATCH: "0",
      ...SETTINGS,
    },
  });
  closeSync(out);
  closeSync(err);
  const group = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {}
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (existsSync(logPath) && readFileSync(logPath, "utf8").includes('"msg":"listening"')) {
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {}
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      group("SIGKILL");
      throw new Error(`npm run dev:worker did not come up\n${readFileSync(logPath, "utf8").slice(-2000)}`);
    }
    await sleep(100);
  }
  return {
    name: "npm run dev:worker (wrangler dev --local), one Durable Object",
    url,
    cpuMs: () => procCpuMs((pid, pgrp) => pgrp === child.pid),
    async stop() {
      group("SIGTERM");
      await new Promise((done) => (child.exitCode !== null ? done(null) : child.once("exit", done)));
      group("SIGKILL");
    },
  };
}

/** CPU ms (user + system) of the live processes that `pick` selects, from /proc (Linux). */
function procCpuMs(pick: (pid: number, pgrp: number, ppid: number) => boolean): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const cpu = cpuOfProcesses((pid, s) => pick(pid, s.pgrp, s.ppid));
  return cpu.userMs + cpu.systemMs;
}
const childrenCpuMs = (parent: number) => procCpuMs((_pid, _pgrp, ppid) => ppid === parent);

// ---------------------------------------------------------------------------------------
// The load: the search bodies, each connection cycling through them from its own offset.

async function searchLoad(target: Target, seconds: number) {
  const requests = postRequests(`/v1/dealers/${DEALER}/availability`, searchBodies());
  const setupClient = rotatingClients(requests, CONNECTIONS);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const cpu0 = target.cpuMs();
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const inst = autocannon(
      {
        url: target.url,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        requests: [requests[0]],
        setupClient,
      },
      (e, r) => (e ? fail(e) : ok(r)),
    );
    inst.on("response", (_c, status, _b, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  const wallMs = performance.now() - t0;
  const cpu1 = target.cpuMs();
  const sorted = Float64Array.from(latencies).sort();
  return {
    task: `availability search (${CONNECTIONS} conn)`,
    runtime: target.name,
    reqPerSec: Math.round((latencies.length / (result.duration || wallMs / 1000)) * 10) / 10,
    p50Ms: round2(percentile(sorted, 50)),
    p99Ms: round2(percentile(sorted, 99)),
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts: statuses,
    completed: latencies.length,
    // Everything that serves the requests, per request (not the load generator).
    serverCpuUsPerReq:
      cpu0 !== null && cpu1 !== null && latencies.length ? Math.round(((cpu1 - cpu0) * 1000) / latencies.length) : null,
  };
}

async function main(): Promise<number> {
  console.log(`worker bench: ${DURATION}s of searches, ${CONNECTIONS} connections`);
  const dir = mkdtempSync(join(tmpdir(), "pitlane-worker-bench-"));
  const results = [];
  try {
    for (const [key, start] of [
      ["workerd", startWorkerd],
      ["dev", startDev],
    ] as const) {
      if (ONLY && ONLY !== key) continue;
      const target = await start(dir);
      try {
        const t = performance.now();
        const doc = await fetch(`${target.url}/openapi.json`);
        console.log(
          `\n${target.name}\n  first /openapi.json (the edge app is built on demand): ${doc.status} in ${Math.round(performance.now() - t)} ms`,
        );
        await prepareDealer(target.url);
        const pre = await prebook(target.url);
        console.log(
          `  dealer "${DEALER}": ${pre.booked} appointments booked, ${pre.conflicts} conflicts while pre-booking`,
        );
        await searchLoad(target, WARMUP_S); // JIT, index and caches warm, as for Node
        const r = await searchLoad(target, DURATION);
        console.log(
          `  ${r.task}: ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}, errors ${r.errors}, ${r.serverCpuUsPerReq} µs server CPU/request`,
        );
        results.push(r);
      } finally {
        await target.stop();
      }
    }
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify(results, null, 2) + "\n");
    console.log(`\nwrote ${relative(ROOT, OUT)} (Node: bench/results/http.json)`);
    return results.some((r) => r.errors > 0 || r.non2xx > 0) ? 1 : 0;
  } finally {
    if (KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
