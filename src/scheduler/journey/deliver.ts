import { LOCALES } from "../../core/dealer-config/locale.js";
import { busyUntil, destinationOf, ProviderPauses } from "./back-pressure.js";
import { immediate } from "../../db/tx.js";
import { withLink } from "./compose.js";
import {
  claimDeliveries,
  markAttemptFailed,
  markDeferred,
  markDelivered,
  markSuppressed,
  type MessageRow,
} from "../../db/repos/outbox.js";
import { smsStopHash, toE164 } from "./phone.js";
import { customerContact } from "./recipients.js";
import type { JourneyDeps } from "./runner.js";
import { sendEmail } from "./send-email.js";
import { sendText } from "./send-sms.js";
import { isStopped } from "../../db/repos/stops.js";
import type { DeliveryOutcome as Outcome, FetchFn } from "./transports.js";
import { payloadOf, webhookRequest } from "./webhook.js";

export type { FetchFn };

// deliverDue: sends due outbox messages by their transport (the dealer's webhook, email
// over SMTP, SMS through the provider). Claims take a lease
// first (short transaction), the HTTP call runs outside any transaction, and the result
// is recorded only if the lease is still ours. A crash between the POST and the record
// leaves the row pending: after the lease it is sent again with the SAME delivery id,
// which the receiver dedupes. Failures back off 2^attempts × 30 s, capped at 1 h. A
// provider that answers "too many, later" pauses its destination instead, without using
// the message's attempt (back-pressure.ts).

export const DELIVERY_LEASE_MS = 60_000;
export const MAX_DELIVERY_ATTEMPTS = 20;
const TIMEOUT_MS = 10_000;

/** After the n-th failed attempt: 2^n × 30 s, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(2 ** attempts * 30_000, 3_600_000);

export interface DeliveryReport {
  delivered: string[];
  retried: string[];
  failed: string[];
  /** Held back, no attempt used: their provider asked to wait (429, 421…), or was paused already. */
  rateLimited: string[];
  /** How many due messages this call claimed (all outcomes, held back and deferred included). */
  claimed: number;
}

/** Messages one deliverDue call claims at most. */
export const DELIVERY_BATCH = 50;

export interface DeliverOptions {
  batch?: number;
  leaseMs?: number;
  /**
   * The real clock (epoch ms) for each attempt's webhook-timestamp: receivers compare it
   * with THEIR clock, so it must never be the app clock SCHEDULER_NOW freezes.
   */
  wallNow?: () => number;
  /** Destinations that asked to wait; kept across calls by the journey (service.ts). Default: this call's own. */
  pauses?: ProviderPauses;
}

export async function deliverDue(
  deps: JourneyDeps,
  nowMs: number,
  fetchFn: FetchFn = fetch,
  opts: DeliverOptions = {},
): Promise<DeliveryReport> {
  const claimed = immediate(deps.sqlite, () =>
    claimDeliveries(deps.sqlite, nowMs, opts.leaseMs ?? DELIVERY_LEASE_MS, opts.batch ?? DELIVERY_BATCH),
  );
  const report: DeliveryReport = { delivered: [], retried: [], failed: [], rateLimited: [], claimed: claimed.length };
  const pauses = opts.pauses ?? new ProviderPauses();
  // The results are recorded together (one transaction, one fsync) rather than one
  // autocommit each: most outcomes are known without waiting (suppressed, no address, no
  // webhook), and a storm of bookings makes a storm of messages. Recorded at the latest
  // RECORD_EVERY_MS after the first unrecorded one, so a crash re-sends (same delivery
  // id, deduped by the receiver) no more than a second's worth.
  let marks: Array<() => void> = [];
  let since = 0;
  const record = () => {
    const todo = marks;
    marks = [];
    if (todo.length > 0)
      immediate(deps.sqlite, () => {
        for (const m of todo) m();
      });
  };
  try {
    for (const m of claimed) {
      const destination = destinationOf(m, deps.runtimes.get(m.dealerId)?.dealer.config.webhook?.url);
      const paused = pauses.pausedUntil(destination, nowMs);
      const outcome: Outcome =
        paused !== null
          ? { busy: paused, error: "" }
          : await deliverOne(deps, m, fetchFn, { nowMs, wallNowMs: (opts.wallNow ?? Date.now)() });
      if (marks.length === 0) since = performance.now();
      if (outcome === null) {
        marks.push(() => markDelivered(deps.sqlite, m, nowMs));
        report.delivered.push(m.id);
      } else if ("suppress" in outcome) {
        marks.push(() => markSuppressed(deps.sqlite, m, outcome.suppress));
      } else if ("defer" in outcome) {
        marks.push(() => markDeferred(deps.sqlite, m, outcome.defer, outcome.reason));
      } else if ("busy" in outcome && Date.parse(m.createdAt) + MAX_HOLD_MS <= nowMs) {
        // Held back for a day: a reminder or a car-ready message that late is no use.
        marks.push(() =>
          markAttemptFailed(deps.sqlite, m, `provider busy for over ${MAX_HOLD_MS / 3_600_000} h`, null),
        );
        report.failed.push(m.id);
      } else if ("busy" in outcome) {
        marks.push(() => markDeferred(deps.sqlite, m, outcome.busy, RATE_LIMITED));
        report.rateLimited.push(m.id);
        if (paused === null) {
          pauses.pause(destination, outcome.busy);
          deps.log?.({
            level: "warn",
            msg: "delivery provider busy",
            transport: m.transport,
            error: outcome.error,
            until: new Date(outcome.busy).toISOString(),
          });
        }
      } else {
        const retry = outcome.final || m.attempts >= MAX_DELIVERY_ATTEMPTS ? null : nowMs + backoffMs(m.attempts);
        marks.push(() => markAttemptFailed(deps.sqlite, m, outcome.error, retry));
        (retry === null ? report.failed : report.retried).push(m.id);
        deps.log?.({
          level: "warn",
          msg: "delivery failed",
          messageId: m.id,
          kind: m.kind,
          attempts: m.attempts,
          error: outcome.error,
          final: retry === null,
        });
      }
      if (performance.now() - since >= RECORD_EVERY_MS) record();
    }
  } finally {
    // Also when a transport threw: what was sent before it is recorded.
    record();
  }
  return report;
}

const RECORD_EVERY_MS = 1000;
/** The state reason of a message held back by its provider's back-pressure. */
export const RATE_LIMITED = "rate_limited";
/** Back-pressure uses no attempt, but a message still waiting this long after it was written fails. */
export const MAX_HOLD_MS = 24 * 3_600_000;

/**
 * The manage link of a message that carries one: the dealer's manageUrl, else the
 * customer's own page on PUBLIC_URL, /m/{token}, in the message's language. Not the API's
 * /v1/manage/{token}: a customer who taps the link in a mail or SMS is a browser, and that
 * path answers JSON.
 */
function linkOf(
  deps: JourneyDeps,
  manageUrl: string | undefined,
  token: string | undefined,
  locale: string,
): string | null {
  if (!token) return null;
  if (manageUrl) return manageUrl.split("{token}").join(encodeURIComponent(token));
  const base = (deps.messaging?.publicUrl ?? "http://localhost:8787").replace(/\/$/, "");
  const lang = locale.slice(0, 2).toLowerCase();
  // The customer's page speaks the dealer locales; another language gets the dealer's.
  const spoken = (LOCALES as readonly string[]).includes(lang);
  return `${base}/m/${encodeURIComponent(token)}${spoken ? `?lang=${lang}` : ""}`;
}

async function deliverOne(
  deps: JourneyDeps,
  m: MessageRow,
  fetchFn: FetchFn,
  clock: { nowMs: number; wallNowMs: number },
): Promise<Outcome> {
  const dealer = deps.runtimes.get(m.dealerId)?.dealer;
  const link = linkOf(deps, dealer?.config.messaging.manageUrl, m.body.manageToken, m.locale);
  const linked: MessageRow = { ...m, body: { ...m.body, text: withLink(m.body.text, link) } };
  if (m.transport === "webhook") return deliverWebhook(deps, linked, fetchFn, clock);
  if (!dealer) return { error: "dealer gone", final: true };
  const c = m.recipientRef ? customerContact(deps.db, m.recipientRef) : null;
  if (!c) return { suppress: "no_address" };
  if (m.transport === "email")
    return sendEmail(deps, dealer, m, c, linked.body.text, withLink(m.body.html ?? "", link), clock.nowMs);
  return sendText(deps, dealer, m, c, clock, fetchFn, link);
}

/** null: delivered (2xx). Otherwise why not, and whether retrying can help. */
async function deliverWebhook(
  deps: JourneyDeps,
  m: MessageRow,
  fetchFn: FetchFn,
  clock: { nowMs: number; wallNowMs: number },
): Promise<Outcome> {
  const dealer = deps.runtimes.get(m.dealerId)?.dealer;
  const webhook = dealer?.config.webhook;
  if (!webhook) return { error: "no webhook configured", final: true };
  if (dealer && m.audience === "customer" && m.channel === "sms") {
    // A text the integrator would send: a STOP holds for it too.
    const phone = m.recipientRef ? customerContact(deps.db, m.recipientRef)?.phone : null;
    const e164 = phone ? toE164(phone, dealer.config.messaging.sms.defaultCountryCode) : null;
    if (e164 && isStopped(deps.sqlite, dealer.id, smsStopHash(e164))) return { suppress: "stop" };
  }
  const payload = payloadOf(deps.db, m);
  if (!payload) return { error: "recipient has no address for this channel", final: true };
  const req = webhookRequest(webhook.secret, payload, Math.floor(clock.wallNowMs / 1000));
  try {
    const res = await fetchFn(webhook.url, {
      method: "POST",
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {}); // free the connection; the answer's body is not used
    if (res.status >= 200 && res.status < 300) return null;
    const busy = busyUntil(res.status, res.headers?.get("retry-after"), clock.nowMs, clock.wallNowMs);
    if (busy !== null) return { busy, error: `HTTP ${res.status}` };
    return { error: `HTTP ${res.status}`, final: false };
  } catch (err) {
    // Never the URL's query or the body: only the failure's kind.
    return {
      error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : "network error",
      final: false,
    };
  }
}
