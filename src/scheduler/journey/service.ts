import { ProviderPauses } from "./back-pressure.js";
import { DELIVERY_BATCH, deliverDue, type DeliveryReport, type FetchFn } from "./deliver.js";
import { runDue, type JourneyDeps, type RunReport } from "./runner.js";
import { scanServiceReminders } from "./service-scan.js";

// One "tick" of the journey: schedule service reminders that came within reach, run the
// due timers, then deliver the due messages. Ticks
// are serialized (the interval in src/node.ts and POST /v1/admin/tick share this), so
// two never claim side by side in one process; across processes the leases keep
// them apart.

export interface TickReport {
  jobs: RunReport;
  deliveries: DeliveryReport;
}

export class Journey {
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** Providers that asked to wait, remembered from tick to tick (back-pressure.ts). */
  private readonly pauses = new ProviderPauses();

  constructor(
    readonly deps: JourneyDeps,
    private readonly fetchFn: FetchFn = fetch,
  ) {}

  tick(nowMs: number, opts: { deliver?: boolean } = {}): Promise<TickReport> {
    this.pending++;
    const run = this.chain.then(async () => {
      scanServiceReminders(this.deps, nowMs);
      const jobs = await runDueYielding(this.deps, nowMs);
      const deliveries =
        opts.deliver === false
          ? { delivered: [], retried: [], failed: [], rateLimited: [], claimed: 0 }
          : await deliverDrained(this.deps, nowMs, this.fetchFn, this.pauses);
      return { jobs, deliveries };
    });
    this.chain = run.catch(() => {}).finally(() => this.pending--);
    return run;
  }

  /** Resolves when no tick is running (shutdown waits for it before closing the database). */
  idle(): Promise<void> {
    return this.chain.then(() => {});
  }

  /** For the background interval: skip when a tick is still running (a slow webhook). */
  tickIfIdle(nowMs: number): Promise<TickReport> | null {
    return this.pending > 0 ? null : this.tick(nowMs);
  }
}

/**
 * runDue in small batches with a turn of the event loop between them: a booking storm
 * can leave thousands of due timers (reminders falling due together after a restart), and running them all
 * in one synchronous call held the loop (searches and bookings waited) for as long as
 * they took. Each batch is one transaction (runner.ts); 20 × 100 jobs per tick as before.
 */
async function runDueYielding(deps: JourneyDeps, nowMs: number): Promise<RunReport> {
  const report: RunReport = { ran: [], failed: 0 };
  for (let b = 0; b < 80; b++) {
    const r = runDue(deps, nowMs, { batch: 25, maxBatches: 1, sweep: b === 0 });
    report.ran.push(...r.ran);
    report.failed += r.failed;
    if (r.ran.length + r.failed === 0) break;
    await new Promise<void>((ok) => setTimeout(ok, 0)); // setTimeout: also on Workers
  }
  return report;
}

/**
 * deliverDue batch after batch, a turn of the event loop between them, until a batch comes
 * back short (nothing more is due) or the tick has spent its budget. One batch of 50 per
 * tick (every 5 s) drained at most 10 messages a second: after a booking storm the
 * confirmations and notices queued for minutes. Each batch claims only due messages not
 * already claimed (leased), and a retried or deferred one is due again only later, so
 * the loop ends; what is left waits for the next tick.
 */
async function deliverDrained(
  deps: JourneyDeps,
  nowMs: number,
  fetchFn: FetchFn,
  pauses: ProviderPauses,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: [], retried: [], failed: [], rateLimited: [], claimed: 0 };
  const started = performance.now();
  for (let b = 0; b < MAX_DELIVERY_BATCHES; b++) {
    const r = await deliverDue(deps, nowMs, fetchFn, { pauses });
    report.delivered.push(...r.delivered);
    report.retried.push(...r.retried);
    report.failed.push(...r.failed);
    report.rateLimited.push(...r.rateLimited);
    report.claimed += r.claimed;
    if (r.claimed < DELIVERY_BATCH || performance.now() - started >= DELIVERY_BUDGET_MS) break;
    await new Promise<void>((ok) => setTimeout(ok, 0)); // setTimeout: also on Workers
  }
  return report;
}

/** At most 20 batches (1,000 messages) and about 2 s of a tick. */
const MAX_DELIVERY_BATCHES = 20;
const DELIVERY_BUDGET_MS = 2_000;
