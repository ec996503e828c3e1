import { immediate } from "../../db/tx.js";
import { claimDeliveries, markAttemptFailed, markDelivered, type MessageRow } from "./outbox-repo.js";
import type { JourneyDeps } from "./runner.js";
import { payloadOf, webhookRequest } from "./webhook.js";

// deliverDue: POSTs due outbox messages to their dealer's webhook. Claims take a lease
// first (short transaction), the HTTP call runs outside any transaction, and the result
// is recorded only if the lease is still ours. A crash between the POST and the record
// leaves the row pending: after the lease it is sent again with the SAME delivery id,
// which the receiver dedupes. Failures back off 2^attempts × 30 s, capped at 1 h.

export type FetchFn = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

export const DELIVERY_LEASE_MS = 60_000;
export const MAX_DELIVERY_ATTEMPTS = 20;
const TIMEOUT_MS = 10_000;

/** After the n-th failed attempt: 2^n × 30 s, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(2 ** attempts * 30_000, 3_600_000);

export interface DeliveryReport {
  delivered: string[];
  retried: string[];
  failed: string[];
}

export interface DeliverOptions {
  batch?: number;
  leaseMs?: number;
  /**
   * The real clock (epoch ms) for each attempt's webhook-timestamp: receivers compare it
   * with THEIR clock, so it must never be the app clock SCHEDULER_NOW freezes.
   */
  wallNow?: () => number;
}

export async function deliverDue(deps: JourneyDeps, nowMs: number, fetchFn: FetchFn = fetch, opts: DeliverOptions = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: [], retried: [], failed: [] };
  const claimed = immediate(deps.sqlite, () => claimDeliveries(deps.sqlite, nowMs, opts.leaseMs ?? DELIVERY_LEASE_MS, opts.batch ?? 50));
  for (const m of claimed) {
    const outcome = await deliverOne(deps, m, fetchFn, Math.floor((opts.wallNow ?? Date.now)() / 1000));
    if (outcome === null) {
      markDelivered(deps.sqlite, m, nowMs);
      report.delivered.push(m.id);
      continue;
    }
    const retry = outcome.final || m.attempts >= MAX_DELIVERY_ATTEMPTS ? null : nowMs + backoffMs(m.attempts);
    markAttemptFailed(deps.sqlite, m, outcome.error, retry);
    (retry === null ? report.failed : report.retried).push(m.id);
    deps.log?.({ level: "warn", msg: "delivery failed", messageId: m.id, kind: m.kind, attempts: m.attempts, error: outcome.error, final: retry === null });
  }
  return report;
}

/** null: delivered (2xx). Otherwise why not, and whether retrying can help. */
async function deliverOne(deps: JourneyDeps, m: MessageRow, fetchFn: FetchFn, timestampSec: number): Promise<{ error: string; final: boolean } | null> {
  const webhook = deps.runtimes.get(m.dealerId)?.dealer.config.webhook;
  if (!webhook) return { error: "no webhook configured", final: true };
  const payload = payloadOf(deps.db, m);
  if (!payload) return { error: "recipient has no address for this channel", final: true };
  const req = webhookRequest(webhook.secret, payload, timestampSec);
  try {
    const res = await fetchFn(webhook.url, { method: "POST", headers: req.headers, body: req.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.body?.cancel().catch(() => {}); // free the connection; the answer's body is not used
    if (res.status >= 200 && res.status < 300) return null;
    return { error: `HTTP ${res.status}`, final: false };
  } catch (err) {
    // Never the URL's query or the body: only the failure's kind.
    return { error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : "network error", final: false };
  }
}
