import { DurableObject } from "cloudflare:workers";
import { createAppWithJourney } from "../app.js";
import { defaultLog } from "../api/deps.js";
import { dealerExists, soleDealerId } from "../db/repos/dealers.js";
import { purgeExpired } from "../db/repos/idempotency.js";
import { DEMO_DEALER_ID, seedDemoIfEmpty } from "../db/seed-demo.js";
import { nextWakeAt } from "./alarms.js";
import { workerAppDeps } from "./app-deps.js";
import { DIRECTORY_NAME, type DealerDirectory } from "./directory.js";
import { drizzleOver } from "./drizzle.js";
import { DurableSqlite } from "./durable-sqlite.js";
import { clockOf, describeEnvError, parseWorkerEnv, type WorkerEnv } from "./env.js";
import { migrateDealerStore } from "./migrations.js";
import { internalProblem } from "./problem.js";
import { DEALER_HEADER } from "./route.js";

// One dealer = one Durable Object: the single-threaded owner of that dealer's SQLite
// storage and in-memory capacity index, i.e. the booking's serialization point.
//
// Why the check and the write cannot interleave: the app does both inside ONE immediate()
// = ctx.storage.transactionSync, synchronous code with no await in between. While a
// request's synchronous code runs, the runtime delivers no other event to this object
// (and its input gate holds new events while storage operations complete), so a second
// booking for the same slot runs its check only after the first one committed and
// updated the index. The response of a write leaves only once the write is durable (the
// output gate), so a 201 survives a crash of the object or of the machine.
//
// Wake-up: the constructor builds nothing from storage. The first request (or alarm)
// migrates a stored schema forward, then rebuilds the dealer's compiled config and
// capacity index from the appointments table (scheduler/runtime.ts), exactly what a Node
// restart does. In-memory state is only ever a cache of committed rows.

type Awake = ReturnType<DealerScheduler["wake"]>;

export class DealerScheduler extends DurableObject<unknown> {
  private awake?: Awake;
  private registered = false;
  /** The alarm as last set by us: undefined = not read yet. */
  private alarmAt?: number | null;

  override async fetch(request: Request): Promise<Response> {
    const env = this.workerEnv();
    if (!env) return internalProblem();
    const dealerId = request.headers.get(DEALER_HEADER);
    // Routing invariant, not input validation: the edge derives the object from this id.
    if (!dealerId || !env.DEALERS.idFromName(dealerId).equals(this.ctx.id)) return internalProblem();
    const s = (this.awake ??= this.wake(env, dealerId));
    const writes = s.sqlite.writes;

    const response = await s.app.fetch(request);

    // Once per wake-up, as soon as the dealer exists (a PUT created it, the demo was
    // seeded, or it existed before): awaited, so a 201 for a new dealer means the admin
    // tick already reaches it. A failure is retried on the next request.
    if (!this.registered && dealerExists(s.sqlite, dealerId))
      this.registered = await this.register(env, dealerId, s.clock.now());
    // The next due job depends only on stored rows: a request that wrote nothing (a
    // search, a refused write) leaves the alarm as it was, without the query that plans it.
    if (
      request.method !== "GET" &&
      request.method !== "HEAD" &&
      request.method !== "OPTIONS" &&
      s.sqlite.writes !== writes
    )
      await this.scheduleAlarm(s);
    return response;
  }

  /** Due timers, deliveries and the idempotency purge: Node's interval, per dealer. */
  override async alarm(): Promise<void> {
    const env = this.workerEnv();
    if (!env) return;
    const s = (this.awake ??= this.wake(env, null));
    this.alarmAt = null; // the runtime cleared the alarm that is running now
    const now = s.clock.now();
    purgeExpired(s.sqlite, now);
    // A throw here makes the runtime retry the alarm with backoff; the jobs' leases keep
    // a retried run from doing anything twice (scheduler/journey/runner.ts).
    const report = await s.journey.tick(now);
    if (report.jobs.ran.length + report.deliveries.delivered.length + report.jobs.failed > 0) {
      s.log({
        level: "info",
        msg: "alarm",
        dealerId: s.dealerId,
        jobs: report.jobs.ran.length,
        failedJobs: report.jobs.failed,
        delivered: report.deliveries.delivered.length,
      });
    }
    await this.scheduleAlarm(s);
  }

  private wake(env: WorkerEnv, addressedAs: string | null) {
    const log = defaultLog;
    const clock = clockOf(env);
    const sqlite = new DurableSqlite(this.ctx.storage, migrateDealerStore);
    const db = drizzleOver(sqlite);
    const { app, journey, runtimes } = createAppWithJourney({ ...workerAppDeps(env, db, sqlite), log });
    // An alarm carries no name: then the dealer is the one row its storage holds.
    const dealerId = addressedAs ?? soleDealerId(sqlite);
    if (dealerId === DEMO_DEALER_ID && (env.SEED_DEMO === "1" || env.SEED_DEMO === "true")) {
      if (seedDemoIfEmpty(db, sqlite, clock.now())) log({ level: "info", msg: "seeded demo dealer", dealerId });
    }
    if (dealerId !== null && sqlite.hasSchema) {
      const t0 = performance.now();
      const rt = runtimes.get(dealerId);
      log({
        level: "info",
        msg: "dealer state rebuilt from storage",
        dealerId,
        found: rt !== null,
        ms: Math.round(performance.now() - t0),
      });
    }
    return { dealerId, app, journey, sqlite, clock, log };
  }

  private async scheduleAlarm(s: Awake): Promise<void> {
    // With SCHEDULER_NOW the app clock stands still: nothing ever falls due in real time
    // (POST /v1/admin/tick { now } moves the journey instead), as on Node.
    if (s.clock.frozen) return;
    const next = nextWakeAt(s.sqlite);
    if (this.alarmAt === undefined) this.alarmAt = await this.ctx.storage.getAlarm();
    if (next === this.alarmAt) return;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
    this.alarmAt = next;
  }

  /** Listed in the directory, for fan-out operations (admin tick); false if that failed. */
  private async register(env: WorkerEnv, dealerId: string, atMs: number): Promise<boolean> {
    try {
      const directory = env.DIRECTORY.get(
        env.DIRECTORY.idFromName(DIRECTORY_NAME),
      ) as DurableObjectStub<DealerDirectory>;
      await directory.register(dealerId, atMs);
      return true;
    } catch (err) {
      defaultLog({
        level: "error",
        msg: "dealer directory registration failed",
        dealerId,
        error: String(err).slice(0, 200),
      });
      return false;
    }
  }

  private workerEnv(): WorkerEnv | null {
    const parsed = parseWorkerEnv(this.env);
    if (parsed.success) return parsed.data;
    defaultLog({ level: "fatal", msg: "invalid Worker environment", error: describeEnvError(parsed.error) });
    return null;
  }
}
