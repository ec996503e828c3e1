// End-to-end HTTP benchmark of the REAL server (`node --import tsx src/node.ts`, exactly as
// test/helpers/server.ts spawns it) under autocannon.
//
//   npm run bench:http                        table on stdout, bench/results/http.json
//   BENCH_DURATION=5 npm run bench:http       seconds per load (default 15)
//   BENCH_CONNECTIONS=50                      concurrent keep-alive connections (default 50)
//   BENCH_ONLY=search | book                  run one load only
//   BENCH_STRICT=1 npm run bench:http         exit 1 when a target is missed
//   BENCH_PROFILE=1 npm run bench:http        child runs under --cpu-prof; prints the hot
//                                             functions of the SEARCH window, writes
//                                             bench/results/http-search.cpuprofile (figures
//                                             are then slowed by the profiler: http.json is
//                                             not written)
//   BENCH_KEEP=1                              keep the temp dir (database, server.log)
//   BENCH_OUT=path.json                       write the JSON elsewhere
//
// Setup: a fresh SQLite file in a temp dir, SEED_DEMO=0, the clock frozen at
// SCHEDULER_NOW=2026-11-23T07:00:00Z (Monday 08:00 in Rome), NODE_ENV=production. The
// dealer "bench" is the reference dealer of bench/fixtures (10 advisors, Mon–Sat, three
// skills, 16/5/4 technicians), created with PUT /v1/dealers/bench, then a few hundred
// appointments are booked through the API so the capacity index is not empty.
//
// The server's stdout (one JSON access-log line per request) goes to a FILE in the temp
// dir, never to a pipe: a pipe nobody drains would stall the server once its buffer fills.
//
// Load 1, availability search: POST /v1/dealers/bench/availability, 512 different bodies
// (the fixture's job and mobility mix, from-dates over the fortnight, some preferred
// advisors and day parts), each connection cycling through them from its own offset.
// Load 2, booking: POST /v1/dealers/bench/appointments over a pool of options fetched
// beforehand (day by day, advisor by advisor, morning and afternoon), half named by
// optionId, half by start + advisorId, shuffled and dealt out to the connections. Slots
// fill, so many answers are 409 slot_unavailable (each carrying freshly searched
// alternatives): 201 and 409 are reported separately, and any 5xx is a failure.
//
// Latencies are measured per response from autocannon's "response" event (float ms; the
// built-in histogram has 1 ms resolution and ignores non-2xx answers). The load generator
// shares the machine with the server: on a 2-core box it takes a good part of one core.
//
// The JSON holds, per load: [{ task, reqPerSec, p50Ms, p99Ms, non2xx, errors }].

import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { JOB_MIX, MOBILITY_MIX, mulberry32, pickWeighted, referenceConfigInput, type Rng } from "./fixtures/reference-dealer.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const num = (v: string | undefined, d: number) => (v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : d);
const DURATION = num(process.env.BENCH_DURATION, 15);
const CONNECTIONS = num(process.env.BENCH_CONNECTIONS, 50);
const STRICT = process.env.BENCH_STRICT === "1";
const PROFILE = process.env.BENCH_PROFILE === "1";
const KEEP = process.env.BENCH_KEEP === "1";
const ONLY = process.env.BENCH_ONLY ?? "";
const OUT = resolve(process.env.BENCH_OUT ?? resolve(HERE, "results/http.json"));
const WARMUP_S = Math.min(3, Math.max(1, Math.round(DURATION / 5)));

const NOW_ISO = "2026-11-23T07:00:00Z"; // Monday 2026-11-23, 08:00 Europe/Rome
const TODAY = "2026-11-23";
const DEALER = "bench";
const ADMIN_TOKEN = "bench-admin-token-0123456789";
const PREBOOK = 400; // booking attempts before the loads (most succeed)
const POOL_MAX = num(process.env.BENCH_BOOK_POOL, 6000);

const TARGET = { searchReqPerSec: 5000, searchP99Ms: 25 };

// ---------------------------------------------------------------------------------------
// The server

interface Server {
  url: string;
  dir: string;
  child: ChildProcess;
  stop(): Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tail = (path: string, n = 20) => (existsSync(path) ? readFileSync(path, "utf8").trimEnd().split("\n").slice(-n).join("\n") : "");

async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), "pitlane-http-bench-"));
  const port = await freePort();
  const logPath = join(dir, "server.log");
  const errPath = join(dir, "server.err");
  const out = openSync(logPath, "a");
  const err = openSync(errPath, "a");
  const nodeArgs = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=250"] : [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/node.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: join(dir, "scheduler.db"),
      SCHEDULER_ADMIN_TOKEN: ADMIN_TOKEN,
      SCHEDULER_NOW: NOW_ISO,
      SEED_DEMO: "0",
      // The loads come from one address and reuse customers: measure the engine, not the
      // abuse limits (429s and too_many_bookings would make the figures meaningless).
      RATE_LIMITS: "off",
      MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0",
    },
    // stdout/stderr straight into files: the server never blocks on us.
    stdio: ["ignore", out, err],
  });
  closeSync(out);
  closeSync(err);
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {}
    if (gone || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not come up\n--- server.log\n${tail(logPath)}\n--- server.err\n${tail(errPath)}`);
    }
    await sleep(50);
  }

  return {
    url,
    dir,
    child,
    async stop() {
      if (!gone) child.kill("SIGTERM");
      const code = await Promise.race([exited, sleep(15_000).then(() => "timeout" as const)]);
      if (code === "timeout") {
        child.kill("SIGKILL");
        return null;
      }
      return code;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Plain HTTP helpers for the setup phase

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

/** Runs fn over items with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------
// Request bodies

const MODELS: ReadonlyArray<readonly [string, number]> = [["Grecale", 40], ["Levante", 20], ["Ghibli", 15], ["Quattroporte", 10], ["GranTurismo", 10], ["MC20", 5]];
const FIRST = ["Marco", "Giulia", "Luca", "Sara", "Paolo", "Elena", "Davide", "Chiara", "Matteo", "Anna"];
const LAST = ["Bianchi", "Rossi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno"];
const ADVISOR_IDS = Array.from({ length: 10 }, (_, i) => `sa-${String(i + 1).padStart(2, "0")}`);
const REQUESTS = ["Strange noise from the front left wheel", "Winter tyres, please keep the summer set", "Annual service", "Warning light on the dashboard", "Scratch on the rear bumper", ""];

function isoDay(offset: number): string {
  const d = new Date(Date.UTC(2026, 10, 23 + offset));
  return d.toISOString().slice(0, 10);
}

function vehicle(rng: Rng) {
  const model = pickWeighted(rng, MODELS);
  // Digits only: a VIN never contains I, O or Q, which base-36 letters could produce.
  const vin = "ZN6" + String(Math.floor(rng() * 1e14)).padStart(14, "0");
  return rng() < 0.15 ? { model, vin, electrified: true } : { model, vin };
}

type Job = { interventions: string[]; known: boolean; mobility: string };
const pickJob = (rng: Rng): Job => ({ interventions: pickWeighted(rng, JOB_MIX).slice(), known: rng() < 0.8, mobility: pickWeighted(rng, MOBILITY_MIX) });

/** What the booking widget sends: the fixture's job mix, mostly the next few days. */
function searchBody(rng: Rng) {
  const job = pickJob(rng);
  const body: Record<string, unknown> = {
    vehicle: vehicle(rng),
    interventions: job.interventions,
    customer: { known: job.known },
    mobility: job.mobility,
  };
  const r = rng();
  if (r < 0.85) body.from = isoDay(Math.floor(rng() * rng() * 14)); // front-loaded, else "today"
  body.days = rng() < 0.8 ? 14 : pickWeighted(rng, [[7, 1], [28, 1], [60, 1]] as const);
  if (rng() < 0.3) body.count = pickWeighted(rng, [[2, 1], [5, 2], [10, 1]] as const);
  if (rng() < 0.2) body.preferredAdvisorId = ADVISOR_IDS[Math.floor(rng() * 10)];
  if (rng() < 0.2) body.dayPart = rng() < 0.6 ? "morning" : "afternoon";
  return body;
}

function bookingBody(rng: Rng, job: Job, option: { optionId: string; start: string; advisorId: string }, byOptionId: boolean) {
  const first = FIRST[Math.floor(rng() * FIRST.length)];
  const last = LAST[Math.floor(rng() * LAST.length)];
  const customer: Record<string, unknown> = {
    known: job.known,
    name: `${first} ${last}`,
    email: `${first}.${last}${Math.floor(rng() * 1000)}@example.com`.toLowerCase(),
    phone: `+39 3${Math.floor(rng() * 1e9).toString().padStart(9, "0")}`,
  };
  if (rng() < 0.6) customer.reminders = { consent: true, channel: rng() < 0.7 ? "sms" : "email" };
  const request = REQUESTS[Math.floor(rng() * REQUESTS.length)];
  return {
    ...(byOptionId ? { optionId: option.optionId } : { start: option.start, advisorId: option.advisorId }),
    vehicle: vehicle(rng),
    interventions: job.interventions,
    customer,
    mobility: job.mobility,
    ...(request ? { request } : {}),
    channel: rng() < 0.7 ? "web" : "app",
  };
}

// ---------------------------------------------------------------------------------------
// Setup: dealer, pre-booked calendar, booking pool

async function prepareDealer(base: string): Promise<void> {
  const res = await call(base, "PUT", `/v1/dealers/${DEALER}`, referenceConfigInput, { authorization: `Bearer ${ADMIN_TOKEN}` });
  if (res.status !== 201 && res.status !== 200) throw new Error(`PUT dealer: ${res.status} ${res.text}`);
}

async function prebook(base: string): Promise<{ booked: number; conflicts: number }> {
  const rng = mulberry32(0x9e3779b9);
  const tries = Array.from({ length: PREBOOK }, () => {
    const job = pickJob(rng);
    // Front-loaded: the next days are fuller, like a real order book.
    return { job, from: isoDay(Math.floor(rng() * rng() * 12)), pick: rng(), byOptionId: rng() < 0.5, seed: Math.floor(rng() * 2 ** 31) };
  });
  let booked = 0;
  let conflicts = 0;
  await pool(tries, 4, async (t) => {
    const s = await call(base, "POST", `/v1/dealers/${DEALER}/availability`, {
      interventions: t.job.interventions, customer: { known: t.job.known }, mobility: t.job.mobility, from: t.from, days: 14, count: 5,
    });
    if (s.status !== 200) throw new Error(`prebook search: ${s.status} ${s.text}`);
    const options = s.json.options as Array<{ optionId: string; start: string; advisorId: string }>;
    if (options.length === 0) return;
    const o = options[Math.floor(t.pick * options.length)];
    const b = await call(base, "POST", `/v1/dealers/${DEALER}/appointments`, bookingBody(mulberry32(t.seed), t.job, o, t.byOptionId));
    if (b.status === 201) booked++;
    else if (b.status === 409) conflicts++;
    else throw new Error(`prebook booking: ${b.status} ${b.text}`);
  });
  return { booked, conflicts };
}

/** Many searches (day by day, advisor by advisor, morning/afternoon) → distinct booking bodies. */
async function bookingPool(base: string): Promise<{ bodies: string[]; searches: number; options: number }> {
  const rng = mulberry32(0xb00c);
  const queries: Array<{ job: Job; body: Record<string, unknown> }> = [];
  for (let d = 0; d < 14; d++)
    for (const advisor of ADVISOR_IDS)
      for (const dayPart of ["morning", "afternoon"])
        for (let k = 0; k < 2; k++) {
          const job = pickJob(rng);
          queries.push({
            job,
            body: { interventions: job.interventions, customer: { known: job.known }, mobility: job.mobility, from: isoDay(d), days: 1, count: 20, preferredAdvisorId: advisor, dayPart },
          });
        }
  const seen = new Set<string>();
  const entries: Array<{ job: Job; option: { optionId: string; start: string; advisorId: string } }> = [];
  await pool(queries, 8, async (q) => {
    const s = await call(base, "POST", `/v1/dealers/${DEALER}/availability`, q.body);
    if (s.status !== 200) throw new Error(`pool search: ${s.status} ${s.text}`);
    for (const o of s.json.options) {
      const key = `${o.optionId}|${q.job.interventions.join("+")}|${q.job.mobility}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ job: q.job, option: o });
    }
  });
  // Shuffle (deterministically), cap, and turn into request bodies.
  const order = entries.map((e) => ({ e, k: rng() }));
  order.sort((a, b) => a.k - b.k);
  const picked = order.slice(0, POOL_MAX).map((x) => x.e);
  const bodies = picked.map((e) => JSON.stringify(bookingBody(rng, e.job, e.option, rng() < 0.5)));
  return { bodies, searches: queries.length, options: entries.length };
}

// ---------------------------------------------------------------------------------------
// Load runs

/** utime + stime of a process in ms (Linux /proc; null elsewhere). USER_HZ is 100 on Linux. */
function procCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

interface LoadResult {
  task: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  statusCounts: Record<string, number>;
  perStatus: Record<string, { p50Ms: number; p99Ms: number }>;
  /** hrtime (µs, CLOCK_MONOTONIC) of the measured window, to cut the CPU profile. */
  windowUs: [number, number];
  completed: number;
  durationS: number;
  /** Server process CPU time per completed request (µs), and its CPU use in % of one core. */
  serverCpuUsPerReq: number | null;
  serverCpuPct: number | null;
  loaderCpuPct: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function runLoad(task: string, server: Server, path: string, bodies: string[], seconds: number, dealOut: "rotate" | "partition"): Promise<LoadResult> {
  const requests = bodies.map((body) => ({ method: "POST", path, headers: { "content-type": "application/json" }, body }));
  let clientNo = 0;
  const setupClient = (client: autocannon.Client) => {
    const k = clientNo++;
    if (dealOut === "rotate") {
      // Same bodies, a different starting point per connection.
      const off = Math.floor((k * requests.length) / CONNECTIONS);
      client.setRequests([...requests.slice(off), ...requests.slice(0, off)]);
    } else {
      // Disjoint slices: a connection re-sends its own bodies only once it has used them all.
      const mine = requests.filter((_, i) => i % CONNECTIONS === k);
      client.setRequests(mine.length ? mine : [requests[k % requests.length]]);
    }
  };

  const base = server.url;
  const byStatus = new Map<number, number[]>();
  let started = 0;
  const serverCpu0 = procCpuMs(server.child.pid);
  const loaderCpu0 = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const inst = autocannon(
      { url: base, connections: CONNECTIONS, duration: seconds, timeout: 10, requests: [requests[0]], setupClient },
      (err, res) => (err ? fail(err) : ok(res)),
    );
    started = nowUs();
    inst.on("response", (_client, status, _bytes, ms) => {
      let xs = byStatus.get(status);
      if (!xs) byStatus.set(status, (xs = []));
      xs.push(ms);
    });
  });
  const ended = nowUs();
  const serverCpu1 = procCpuMs(server.child.pid);
  const loaderCpu = process.cpuUsage(loaderCpu0);

  const all: number[] = [];
  const statusCounts: Record<string, number> = {};
  const perStatus: Record<string, { p50Ms: number; p99Ms: number }> = {};
  for (const [status, xs] of [...byStatus.entries()].sort((a, b) => a[0] - b[0])) {
    statusCounts[status] = xs.length;
    const s = Float64Array.from(xs).sort();
    perStatus[status] = { p50Ms: round2(percentile(s, 50)), p99Ms: round2(percentile(s, 99)) };
    for (const x of xs) all.push(x);
  }
  const sorted = Float64Array.from(all).sort();
  const completed = all.length;
  const durationS = result.duration || (ended - started) / 1e6;
  return {
    task,
    reqPerSec: Math.round((completed / durationS) * 10) / 10,
    p50Ms: round2(percentile(sorted, 50)),
    p99Ms: round2(percentile(sorted, 99)),
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts,
    perStatus,
    windowUs: [started, ended],
    completed,
    durationS,
    serverCpuUsPerReq: serverCpu0 !== null && serverCpu1 !== null && completed ? Math.round(((serverCpu1 - serverCpu0) * 1000) / completed) : null,
    serverCpuPct: serverCpu0 !== null && serverCpu1 !== null ? Math.round(((serverCpu1 - serverCpu0) / ((ended - started) / 1000)) * 100) : null,
    loaderCpuPct: Math.round(((loaderCpu.user + loaderCpu.system) / (ended - started)) * 100),
  };
}

// ---------------------------------------------------------------------------------------
// CPU profile summary (BENCH_PROFILE=1)

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
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
  if (u.startsWith("node:")) return /_http|http_|\bhttp\b|net|stream|llhttp/.test(u) ? "node http/net/streams" : "node core (other)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.startsWith(ROOT)) {
    const r = relative(ROOT, u);
    return r.startsWith("src/") ? r.split("/").slice(0, 2).join("/") : r;
  }
  return u.split("/").slice(-2).join("/");
}

function summariseProfile(profile: CpuProfile, window: [number, number] | null): string[] {
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
  const idle = [...counts.entries()].filter(([id]) => nodes.get(id)!.callFrame.functionName === "(idle)").reduce((s, [, c]) => s + c, 0);
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
  lines.push(`samples in the search window: ${inWindow}, idle ${((100 * idle) / inWindow).toFixed(1)}% — shares below are of the server's BUSY time`);
  lines.push("(under --cpu-prof console.log costs ~2.5x its normal price: the inspector's console hook; the access log is overstated)");
  lines.push("", "by area (self time; builtins charged to their JS caller):");
  for (const [a, c] of [...areas.entries()].sort((x, y) => y[1] - x[1]).slice(0, 18)) lines.push(`  ${pct(c)}  ${a}`);
  lines.push("", "top functions by self time:");
  for (const [k, c] of [...self.entries()].sort((x, y) => y[1] - x[1]).slice(0, 30)) lines.push(`  ${pct(c)}  ${k}`);
  lines.push("", "top functions by inclusive time:");
  for (const [k, c] of [...incl.entries()].sort((x, y) => y[1] - x[1]).filter(([k]) => !k.startsWith("(root)")).slice(0, 40)) lines.push(`  ${pct(c)}  ${k}`);
  return lines;
}

// ---------------------------------------------------------------------------------------
// Day boards: does the calendar hold exactly what was answered 201?

async function countReceptions(base: string): Promise<number> {
  let total = 0;
  for (let d = 0; d < 62; d++) {
    const r = await call(base, "GET", `/v1/dealers/${DEALER}/days/${isoDay(d)}`, undefined, { authorization: `Bearer ${ADMIN_TOKEN}` });
    if (r.status !== 200) throw new Error(`day board ${isoDay(d)}: ${r.status} ${r.text}`);
    for (const a of r.json.advisors) for (const s of a.slots) if (s.kind === "reception" && s.status !== "cancelled") total++;
  }
  return total;
}

// ---------------------------------------------------------------------------------------
// Main

function loadAvg(): number | null {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return null;
  }
}

const fmtInt = (x: number) => Math.round(x).toLocaleString("en-US");
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

async function main(): Promise<number> {
  console.log(`Pitlane HTTP benchmark — node ${process.version}, ${availableParallelism()} CPUs (load generator on the same machine)`);
  console.log(`${CONNECTIONS} connections, ${DURATION} s per load (+${WARMUP_S} s search warm-up), SCHEDULER_NOW=${NOW_ISO}${PROFILE ? ", server under --cpu-prof" : ""}\n`);

  const loadBefore = loadAvg();
  if (loadBefore !== null && loadBefore > 1) console.log(`note: 1-min load average is ${loadBefore} before starting: other work on this machine will depress the figures\n`);
  const server = await startServer();
  const results: LoadResult[] = [];
  let searchWindow: [number, number] | null = null;
  let exitCode: number | null = null;
  let consistency: { expected: number; found: number } | null = null;
  let prebooked = 0;
  try {
    const t0 = performance.now();
    await prepareDealer(server.url);
    const pre = await prebook(server.url);
    prebooked = pre.booked;
    console.log(`setup: dealer "${DEALER}" (10 advisors, Mon–Sat, 3 skills), pre-booked ${pre.booked} appointments via the API (${pre.conflicts} lost races) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    if (ONLY !== "book") {
      const rng = mulberry32(0x5ea4c8);
      const bodies = Array.from({ length: 512 }, () => JSON.stringify(searchBody(rng)));
      // Every body must be a valid question (200), or the figures would measure 400s.
      const bad = (await pool(bodies, 8, (b) => call(server.url, "POST", `/v1/dealers/${DEALER}/availability`, JSON.parse(b)))).filter((r) => r.status !== 200);
      if (bad.length) throw new Error(`${bad.length} search bodies fail: ${bad[0].status} ${bad[0].text}`);
      const path = `/v1/dealers/${DEALER}/availability`;
      await runLoad("warm-up", server, path, bodies, WARMUP_S, "rotate");
      const r = await runLoad(`availability search (${CONNECTIONS} conn)`, server, path, bodies, DURATION, "rotate");
      searchWindow = r.windowUs;
      results.push(r);
    }

    if (ONLY !== "search") {
      const t1 = performance.now();
      const p = await bookingPool(server.url);
      console.log(`booking pool: ${p.searches} searches → ${p.options} distinct (option, job) pairs, ${p.bodies.length} booking bodies in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      const r = await runLoad(`booking (${CONNECTIONS} conn)`, server, `/v1/dealers/${DEALER}/appointments`, p.bodies, DURATION, "partition");
      results.push(r);
      const found = await countReceptions(server.url);
      consistency = { expected: prebooked + (r.statusCounts["201"] ?? 0), found };
    }
  } catch (err) {
    await server.stop();
    console.error(`server files kept for inspection in ${server.dir} (server.log, server.err, scheduler.db)`);
    throw err;
  }
  exitCode = await server.stop();

  // ----- report
  console.log("");
  const head = `${pad("task", 30)}${lpad("req/s", 10)}${lpad("p50 ms", 9)}${lpad("p99 ms", 9)}${lpad("non-2xx", 9)}${lpad("errors", 8)}   status codes`;
  console.log(head);
  console.log("-".repeat(head.length + 20));
  for (const r of results) {
    const codes = Object.entries(r.statusCounts).map(([s, n]) => `${s}: ${fmtInt(n)}`).join(", ");
    console.log(`${pad(r.task, 30)}${lpad(fmtInt(r.reqPerSec), 10)}${lpad(r.p50Ms.toFixed(2), 9)}${lpad(r.p99Ms.toFixed(2), 9)}${lpad(fmtInt(r.non2xx), 9)}${lpad(fmtInt(r.errors), 8)}   ${codes}`);
    if (r.task.startsWith("booking")) {
      for (const [s, v] of Object.entries(r.perStatus)) {
        const n = r.statusCounts[s];
        console.log(`${pad(`  └ ${s}${s === "201" ? " booked" : s === "409" ? " slot_unavailable" : ""}`, 30)}${lpad(fmtInt(n / r.durationS), 10)}${lpad(v.p50Ms.toFixed(2), 9)}${lpad(v.p99Ms.toFixed(2), 9)}`);
      }
    }
  }

  console.log("");
  for (const r of results) {
    if (r.serverCpuUsPerReq === null) continue;
    console.log(
      `${pad(r.task, 30)} server CPU ${r.serverCpuUsPerReq} µs/req (${r.serverCpuPct}% of a core; one full core ≈ ${fmtInt(1e6 / r.serverCpuUsPerReq)} req/s), load generator ${r.loaderCpuPct}% of a core`,
    );
  }
  if (loadBefore !== null) console.log(`1-min load average: ${loadBefore} before, ${loadAvg()} after (${availableParallelism()} CPUs)${Math.max(loadBefore, loadAvg() ?? 0) > availableParallelism() + 0.5 ? " — OTHER PROCESSES WERE COMPETING FOR THE CPU: throughput and tail latency are understated" : ""}`);

  // ----- targets
  const checks: Array<{ what: string; ok: boolean; detail: string }> = [];
  const search = results.find((r) => r.task.startsWith("availability"));
  const book = results.find((r) => r.task.startsWith("booking"));
  if (search) {
    checks.push({ what: `search throughput ≥ ${fmtInt(TARGET.searchReqPerSec)} req/s`, ok: search.reqPerSec >= TARGET.searchReqPerSec, detail: `${fmtInt(search.reqPerSec)} req/s` });
    checks.push({ what: `search p99 ≤ ${TARGET.searchP99Ms} ms`, ok: search.p99Ms <= TARGET.searchP99Ms, detail: `${search.p99Ms.toFixed(2)} ms` });
    checks.push({ what: "search: every answer 200, no socket errors", ok: search.non2xx === 0 && search.errors === 0, detail: `${search.non2xx} non-2xx, ${search.errors} errors` });
  }
  if (book) {
    const s5 = Object.entries(book.statusCounts).filter(([s]) => Number(s) >= 500).reduce((a, [, n]) => a + n, 0);
    const other = Object.entries(book.statusCounts).filter(([s]) => s !== "201" && s !== "409" && Number(s) < 500).reduce((a, [, n]) => a + n, 0);
    checks.push({ what: "booking: zero 5xx, no socket errors", ok: s5 === 0 && book.errors === 0, detail: `${s5} 5xx, ${book.errors} errors` });
    checks.push({ what: "booking: only 201 or 409", ok: other === 0, detail: `${other} other` });
    // Requests still in flight when autocannon stops are served (and may book) but never
    // counted, so the boards may hold up to one extra booking per connection.
    if (consistency) {
      const extra = consistency.found - consistency.expected;
      checks.push({ what: "day boards hold the 201s (+ pre-booked, + in flight at stop)", ok: extra >= 0 && extra <= CONNECTIONS, detail: `${consistency.found} receptions = ${consistency.expected} answered 201 + ${extra}` });
    }
  }
  checks.push({ what: "server shut down cleanly (exit 0)", ok: exitCode === 0, detail: `exit ${exitCode}` });
  console.log("\ntargets");
  for (const c of checks) console.log(`  ${c.ok ? "PASS" : "MISS"}  ${pad(c.what, 50)} ${c.detail}`);

  const serverErr = readFileSync(join(server.dir, "server.err"), "utf8").trim();
  const errorLines = readFileSync(join(server.dir, "server.log"), "utf8").split("\n").filter((l) => /"level":"(error|fatal)"/.test(l));
  if (serverErr) console.log(`\nserver stderr:\n${serverErr.split("\n").slice(-20).join("\n")}`);
  if (errorLines.length) console.log(`\nserver logged ${errorLines.length} error lines, e.g.\n${errorLines.slice(0, 3).join("\n")}`);

  // ----- profile
  if (PROFILE) {
    const file = readdirSync(server.dir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) console.log("\n(no .cpuprofile written by the server)");
    else {
      const out = resolve(HERE, "results/http-search.cpuprofile");
      mkdirSync(dirname(out), { recursive: true });
      copyFileSync(join(server.dir, file), out);
      const profile = JSON.parse(readFileSync(out, "utf8")) as CpuProfile;
      console.log(`\nserver CPU profile (${relative(ROOT, out)}):`);
      for (const l of summariseProfile(profile, searchWindow)) console.log(l);
    }
    console.log("\n(profiled run: figures are slowed by the profiler, http.json not written)");
  } else if (results.length) {
    const json = results.map(({ task, reqPerSec, p50Ms, p99Ms, non2xx, errors }) => ({ task, reqPerSec, p50Ms, p99Ms, non2xx, errors }));
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify(json, null, 2) + "\n");
    console.log(`\nwrote ${relative(ROOT, OUT)}`);
  }

  if (KEEP) console.log(`kept ${server.dir} (scheduler.db, server.log)`);
  else rmSync(server.dir, { recursive: true, force: true });

  const missed = checks.filter((c) => !c.ok).length;
  if (missed && STRICT) {
    console.log(`\n${missed} target(s) missed (BENCH_STRICT=1)`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(2);
  },
);
