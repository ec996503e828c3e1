// Server CPU per availability search, measured so that OTHER work on the machine moves
// it as little as possible: the real server (startServer, the code `npm start` runs) and a
// minimal keep-alive HTTP client share THIS process, and the figure is this process's CPU
// time (getrusage) per answered request, not wall-clock req/s. Time spent descheduled does
// not count; what is left is the work itself, plus the client's share (raw socket writes,
// a Content-Length scan, no HTTP library) and both ends' socket syscalls.
//
//   npx tsx bench/http-cpu.ts > /tmp/access.log    figures on stderr (stdout: access log)
//   CPU_SERVER=tsx                                 src/ under tsx instead of the dist/ build
//   CPU_SERVER=dist-before,dist                    A/B: builds take turns, batch by batch
//   CPU_REQUESTS=30000 CPU_CONNECTIONS=50          measured requests per variant, connections
//   CPU_BATCH=250                                  requests per turn
//   CPU_PROFILE=1                                  V8 CPU profile of the measured rounds only:
//                                                  summary on stderr, bench/results/http-cpu.cpuprofile
//
// For A/B: `cp -r dist dist-before`, change something, then CPU_SERVER=dist-before,dist.
// Trust the paired ratio (each batch against the first variant's batch of the same round),
// not the absolute figures: a busy machine still moves CPU time per request by ±10 %
// (caches, frequency), but it moves both variants of a round alike. The absolute figure
// is also LOWER than the real server's under autocannon (bench/http.bench.ts reports that
// one): here one thread serves 50 connections in large batches, there the server pays
// more wake-ups and syscalls per request.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startProfiler, summariseProfile } from "./cpuprofile-summary.js";
import type * as Setup from "./http-setup.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
const VARIANTS = (process.env.CPU_SERVER || "dist").split(",");
const REQUESTS = num(process.env.CPU_REQUESTS, 30_000);
const CONNECTIONS = num(process.env.CPU_CONNECTIONS, 50);
const WARMUP = num(process.env.CPU_WARMUP, 8_000);
const BATCH = num(process.env.CPU_BATCH, 250);
const PROFILE = process.env.CPU_PROFILE === "1";

type NodeEntry = typeof import("../src/node.js");
type LogFn = (line: object) => void;

/**
 * "tsx": src/ as tsx compiles it ("tsx:dir": another source tree); "dist": `npm run build`,
 * then dist/; any other value: a directory directly under the repo root holding another
 * build (node scripts/build-server.mjs <srcDir> <outDir>), so that its db/open.js still
 * finds ../../db/migrations. The log sink is the one main() uses (node/stdout-log.js), or
 * console.log (api/deps.js defaultLog) in builds from before it existed.
 */
async function loadServer(variant: string): Promise<{ node: NodeEntry; log: LogFn }> {
  const tsx = variant === "tsx" || variant.startsWith("tsx:");
  const dir = tsx ? variant.slice(4) || "src" : variant;
  const ext = tsx ? ".ts" : ".js";
  if (variant === "dist") execFileSync(process.execPath, ["scripts/build-server.mjs"], { cwd: ROOT, stdio: "inherit" });
  const url = (p: string) => pathToFileURL(join(ROOT, dir, p + ext)).href;
  const node = (await import(url("node"))) as NodeEntry;
  const log = existsSync(join(ROOT, dir, "node/stdout-log" + ext))
    ? ((await import(url("node/stdout-log"))).stdoutLog().log as LogFn)
    : ((await import(url("api/deps"))).defaultLog as LogFn);
  return { node, log };
}

/**
 * CONNECTIONS keep-alive connections, opened once; run(n) has them send n requests in all,
 * one at a time per connection, each cycling through `bodies` from its own offset.
 */
function client(port: number, dealer: string, bodies: string[]): { run(n: number): Promise<void>; close(): void } {
  const reqs = bodies.map((b) =>
    Buffer.from(
      `POST /v1/dealers/${dealer}/availability HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`,
    ),
  );
  let toSend = 0;
  let pending = 0;
  let finished: (() => void) | null = null;
  let failed: ((e: Error) => void) | null = null;
  const fail = (e: Error) => failed?.(e);
  // A connection idle longer than the server's keep-alive timeout (another variant's turn,
  // its setup) is closed by the server: reopen it on the next send.
  const conns = Array.from({ length: CONNECTIONS }, (_, k) => {
    let next = Math.floor((k * reqs.length) / CONNECTIONS);
    let buf = "";
    let inFlight = false;
    let sock = open();
    function open(): Socket {
      const s = connect(port, "127.0.0.1");
      s.setNoDelay(true);
      s.setEncoding("latin1");
      s.on("error", fail);
      s.on("close", () => inFlight && fail(new Error("connection closed with a request in flight")));
      s.on("data", onData);
      return s;
    }
    function send() {
      if (toSend === 0) return;
      toSend--;
      if (sock.destroyed || !sock.writable) {
        sock = open();
        buf = "";
      }
      inFlight = true;
      sock.write(reqs[next++ % reqs.length]);
    }
    function onData(chunk: string) {
      buf += chunk;
      for (;;) {
        const head = buf.indexOf("\r\n\r\n");
        if (head < 0) return;
        const m = /\r\ncontent-length: *(\d+)/i.exec(buf.slice(0, head));
        if (!m) return fail(new Error(`no Content-Length in ${buf.slice(0, head)}`));
        const end = head + 4 + Number(m[1]);
        if (buf.length < end) return;
        if (!buf.startsWith("HTTP/1.1 200")) return fail(new Error(buf.slice(0, end)));
        buf = buf.slice(end);
        inFlight = false;
        if (--pending === 0) finished?.();
        else send();
      }
    }
    return { send, close: () => sock.destroy() };
  });
  return {
    run(n) {
      return new Promise<void>((done, reject) => {
        toSend = n;
        pending = n;
        finished = done;
        failed = reject;
        for (const c of conns) c.send();
      });
    },
    close: () => conns.forEach((c) => c.close()),
  };
}

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

async function main() {
  const loaded = [];
  for (const v of VARIANTS) loaded.push({ variant: v, ...(await loadServer(v)) });
  // Only now: the fixtures import src/core, whose zod schemas must be created AFTER
  // @hono/zod-openapi extended zod (zod 4 adds .openapi per instance, at creation).
  const { BENCH_SETTINGS } = await import("./lib/bench-server.js");
  const { DEALER, prebook, prepareDealer, searchBodies }: typeof Setup = await import("./http-setup.js");
  const bodies = searchBodies();
  const dir = mkdtempSync(join(tmpdir(), "pitlane-http-cpu-"));
  const servers: Array<{
    variant: string;
    close: (ms?: number) => Promise<void>;
    load: ReturnType<typeof client>;
    perBatch: number[];
  }> = [];
  try {
    for (const { variant, node, log } of loaded) {
      const server = await node.startServer({
        env: {
          NODE_ENV: "production",
          PORT: "0",
          HOST: "127.0.0.1",
          DATABASE_PATH: join(dir, `${variant}.db`),
          ...BENCH_SETTINGS,
          JOURNEY_INTERVAL_MS: "0",
        },
        // Into this process's stdout: redirect it to a file, as the bench does.
        log,
      });
      await prepareDealer(server.url);
      const pre = await prebook(server.url);
      const load = client(server.port, DEALER, bodies);
      servers.push({ variant, close: server.close, load, perBatch: [] });
      process.stderr.write(`${variant}: ${pre.booked} pre-booked\n`);
      await load.run(WARMUP);
    }
    const profiler = PROFILE ? await startProfiler(250) : null;
    // Variants take turns in small batches, so a burst of other work on the machine hits
    // them alike. Each round starts with the next variant: whichever runs first after a
    // switch pays for caches the other one cooled, so no variant may always go first.
    for (let round = 0; round * BATCH < REQUESTS; round++) {
      for (let k = 0; k < servers.length; k++) {
        const s = servers[(round + k) % servers.length];
        const t0 = cpuUs();
        await s.load.run(BATCH);
        s.perBatch.push((cpuUs() - t0) / BATCH);
      }
    }
    if (profiler) {
      const profile = await profiler.stop();
      const out = join(ROOT, "bench/results/http-cpu.cpuprofile");
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(profile));
      process.stderr.write(
        `profile of the measured rounds (figures below are slowed by it): ${out}\n${summariseProfile(profile, null).join("\n")}\n\n`,
      );
    }
    const q = (xs: number[], p: number) => {
      const s = xs.slice().sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.floor(p * s.length))];
    };
    const base = servers[0].perBatch;
    for (const s of servers) {
      const ratio = s.perBatch.map((x, i) => x / base[i]);
      process.stderr.write(
        `${s.variant.padEnd(14)} CPU µs/request (server + client), ${s.perBatch.length} batches of ${BATCH} over ${CONNECTIONS} connections: ` +
          `min ${q(s.perBatch, 0).toFixed(0)}, p25 ${q(s.perBatch, 0.25).toFixed(0)}, median ${q(s.perBatch, 0.5).toFixed(0)}` +
          (s === servers[0]
            ? "\n"
            : `; vs ${servers[0].variant}: median ratio ${q(ratio, 0.5).toFixed(3)} (p25 ${q(ratio, 0.25).toFixed(3)}, p75 ${q(ratio, 0.75).toFixed(3)})\n`),
      );
    }
  } finally {
    for (const s of servers) {
      s.load.close();
      await s.close(1000);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : err}\n`);
    process.exit(1);
  },
);
