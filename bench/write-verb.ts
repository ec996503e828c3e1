// The writer's CPU per booking, in one process, with as little noise as the box allows
// (issue 17). bench/write-cpu.ts measures the real cluster over HTTP, where the load
// generator, the other worker and the loopback share the two cores with the writer: its
// figure moves ±20–30 % between runs, more than most changes to the booking path weigh.
//
// Here the writer's booking verb alone: the very frames a worker sends (captured from the
// app's own booking route with a stand-in transport), handed to the app's serveCall in
// groups of G (JSON parsed and the reply stringified, as the verb socket does), inside the
// group commit, over a real SQLite file in WAL with synchronous=FULL, with the change feed
// and the checkpointer thread as worker 0 has them. Left out, so not counted: the socket's
// own reads and writes, and the journey's ticks, which in the cluster claim and record
// each booking's supervisor notice (a cost per booking this bench does not see).
//
// The figure is the CPU time of the event loop's thread alone, per booking, in rounds of
// distinct slots (/proc/self/task/<pid>/schedstat: nanoseconds on a CPU; not the
// checkpointer's thread, nor V8's compiler and GC helpers, so work moved onto those looks
// like a saving). A full GC runs before each round, outside its time. The median round is
// the result. The box's own speed still moves it (1.8× within an hour once), so compare
// source trees in one run, where their rounds alternate (ABBA; an even number of rounds).
// Two trees share the one V8 heap and, through a symlinked node_modules, the packages.
//
//   npx tsx bench/write-verb.ts
//   WRITE_VERB_SRC=src,/tmp/exp/src  the source trees to measure, each over its own database
//                                    (A/B: a git worktree with node_modules symlinked in)
//   WRITE_VERB_G=12                 bookings per group commit (the cluster's ~12 at 32 clients)
//   WRITE_VERB_ROUNDS=6  WRITE_VERB_N=1500  WRITE_VERB_WARMUP=1500
//   WRITE_VERB_PROFILE=1            V8's sampling profiler over the measured rounds only (the
//                                   frames' capture and the warm-up left out; it inflates the µs)
//   WRITE_VERB_PROFILE_OUT=/tmp/w.cpuprofile  … and keep it (bench/cpu-callees.ts breaks a function down)

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type CpuProfile, startProfiler, summariseProfile } from "./cpuprofile-summary.js";
import { WRITE_DEALER, writeDealerConfig, writeRequests, writeSlots } from "./fixtures/write-dealer.js";
import { ADMIN_TOKEN, NOW_ISO } from "./http-setup.js";
import { loopSchedstat } from "./lib/proc-stat.js";

const SRCS = (process.env.WRITE_VERB_SRC || new URL("../src", import.meta.url).pathname)
  .split(",")
  .map((p) => resolve(p));
const PROFILE = process.env.WRITE_VERB_PROFILE === "1";
const G = Number(process.env.WRITE_VERB_G || 12);
const ROUNDS = Number(process.env.WRITE_VERB_ROUNDS || 6);
const N = Number(process.env.WRITE_VERB_N || 1500);
const WARMUP = Number(process.env.WRITE_VERB_WARMUP || 1500);
const SECRET = "bench-only-secret-0123456789abcdef";
// Every booking takes a slot of its own (each tree has its own database).
if (WARMUP + ROUNDS * N > writeSlots().length)
  throw new Error(`WRITE_VERB_WARMUP + ROUNDS × N must stay within the dealer's ${writeSlots().length} slots`);
if (SRCS.length > 1 && ROUNDS % 2 === 1)
  throw new Error("WRITE_VERB_ROUNDS must be even: each tree goes first as often");
// A full collection before each round, so that one tree's garbage is not collected in the other's time.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The event loop thread's CPU time so far, in µs (the thread whose id is the pid). */
function loopCpuUs(): number {
  const stat = loopSchedstat(process.pid);
  if (!stat) throw new Error("no /proc/<pid>/task/<pid>/schedstat: this bench needs Linux");
  return stat[0] / 1000;
}

/** One source tree's writer and worker over its own database file, and the frames its worker sent. */
async function setUp(src: string) {
  const from = (p: string) => import(pathToFileURL(join(src, p)).href);
  const [{ createAppWithJourney }, { openDatabase }, { useDigests }, { nodeDigests }, cp, cf, ww] = await Promise.all([
    from("app.ts"),
    from("node.ts"),
    from("lib/digest.ts"),
    from("node/digests.ts"),
    from("node/checkpointer.ts"),
    from("db/change-feed.ts"),
    from("node/wal-watch.ts"),
  ]);
  useDigests(nodeDigests);
  let checkpointError: string | undefined;
  const dir = mkdtempSync(join(tmpdir(), "pitlane-write-verb-"));
  dirs.push(dir);
  const path = join(dir, "scheduler.db");
  const now = Date.parse(NOW_ISO);
  const base = { now: () => now, adminToken: ADMIN_TOKEN, log: () => {}, rateLimits: false as const };
  const common = { ...base, serverSecrets: { current: SECRET, previous: [] }, maxActiveBookingsPerContact: 0 };
  const writerDb = openDatabase(path);
  const feed = (db: typeof writerDb) => new cf.ChangeFeed(db.sqlite, ww.walCommitWatch(path));
  const writer = createAppWithJourney({ ...writerDb, ...common, groupCommit: true, changeFeed: feed(writerDb) });
  const checkpointer = cp.startCheckpointer({
    path,
    driver: createRequire(join(src, "node.ts")).resolve("better-sqlite3"),
    intervalMs: 200,
    // Failing checkpoints would leave them to the writer's own backstop: a different figure.
    onError: (e: string) => void (checkpointError ??= e),
  });
  writerDb.sqlite.pragma(`wal_autocheckpoint = ${cp.BACKSTOP_PAGES}`);
  const put = await writer.app.request(`/v1/dealers/${WRITE_DEALER}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(writeDealerConfig),
  });
  if (put.status >= 300) throw new Error(`dealer: ${put.status} ${await put.text()}`);

  // A worker's app whose transport keeps each frame instead of sending it.
  const frames: string[] = [];
  const workerDb = openDatabase(path);
  const worker = createAppWithJourney({
    ...workerDb,
    ...common,
    changeFeed: feed(workerDb),
    remoteVerbs: {
      call(verb: string, facts: unknown, input: unknown) {
        frames.push(JSON.stringify({ op: "verb", verb, facts, input }));
        return Promise.resolve({ ok: false, error: { kind: "api", code: "service_unavailable" } });
      },
    },
  });
  for (const r of writeRequests(WARMUP + ROUNDS * N)) {
    await worker.app.request(`/v1/dealers/${WRITE_DEALER}/appointments`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": r.key },
      body: r.body,
    });
  }
  if (frames.length !== WARMUP + ROUNDS * N) throw new Error(`${src}: captured ${frames.length} frames`);

  let created = 0;
  let opened = true;
  /** Books frames [from, to) in groups of G, as the verb socket hands them over. */
  const book = async (from: number, to: number) => {
    for (let i = from; i < to; i += G) {
      const group = frames.slice(i, Math.min(i + G, to));
      const replies = await Promise.all(
        group.map((f) => writer.serveCall(JSON.parse(f)).then((r: unknown) => JSON.stringify(r))),
      );
      for (const r of replies) if (r.includes('"status":201')) created++;
    }
  };
  const close = async () => {
    if (!opened) return;
    opened = false;
    // The checkpointer's thread is unref'd: without a ref'd handle the loop would end mid-stop.
    const hold = setInterval(() => {}, 1000);
    await checkpointer.stop();
    clearInterval(hold);
    writerDb.sqlite.close();
    workerDb.sqlite.close();
  };
  return {
    src,
    book,
    close,
    created: () => created,
    checkpointError: () => checkpointError,
    cpuUs: [] as number[],
    perSec: [] as number[],
  };
}

/** Every tree's temp dir, removed however the run ends. */
const dirs: string[] = [];
const trees: Array<Awaited<ReturnType<typeof setUp>>> = [];
let profile: CpuProfile | undefined;
try {
  for (const src of SRCS) trees.push(await setUp(src));
  for (const t of trees) await t.book(0, WARMUP);
  const profiler = PROFILE ? await startProfiler(100) : undefined;
  // Rounds alternate between the trees, in the opposite order every other round (ABBA…), so
  // that the box's drift and a slower moment fall on each alike.
  for (let k = 0; k < ROUNDS; k++) {
    const order = k % 2 === 0 ? trees : [...trees].reverse();
    for (const t of order) {
      const at = WARMUP + k * N;
      gc();
      const [cpu0, t0] = [loopCpuUs(), performance.now()];
      await t.book(at, at + N);
      t.cpuUs.push((loopCpuUs() - cpu0) / N);
      t.perSec.push((N * 1000) / (performance.now() - t0));
    }
  }
  profile = await profiler?.stop();
  if (profile && process.env.WRITE_VERB_PROFILE_OUT)
    writeFileSync(process.env.WRITE_VERB_PROFILE_OUT, JSON.stringify(profile));
  for (const t of trees) {
    if (t.created() !== WARMUP + ROUNDS * N)
      throw new Error(`${t.src}: ${t.created()} of ${WARMUP + ROUNDS * N} booked: the bench would measure refusals`);
    if (t.checkpointError()) throw new Error(`${t.src}: a checkpoint failed: ${t.checkpointError()}`);
  }
} finally {
  for (const t of trees) await t.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
console.log(
  `writer loop CPU per booking: median of ${ROUNDS} rounds of ${N} bookings, groups of ${G}, one process, no HTTP`,
);
for (const t of trees) {
  const rounds = t.cpuUs.map((x) => x.toFixed(0)).join(", ");
  const wall = `${median(t.perSec).toFixed(0)} bookings/s wall`;
  console.log(`  ${median(t.cpuUs).toFixed(0).padStart(5)} µs  ${t.src} (${t.created()} booked; ${wall}) [${rounds}]`);
}
if (trees.length === 2) {
  const ratios = trees[1].cpuUs.map((b, k) => b / trees[0].cpuUs[k]);
  console.log(
    `  second ÷ first, round by round: median ${median(ratios).toFixed(2)}× [${ratios.map((r) => r.toFixed(2)).join(", ")}]`,
  );
}
if (profile) for (const line of summariseProfile(profile, null)) console.log(line);
