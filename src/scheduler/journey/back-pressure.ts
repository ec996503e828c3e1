import type { MessageRow } from "../../db/repos/outbox.js";

// A provider that says "too many, later" (HTTP 429, or 503 with a Retry-After; SMTP 421)
// is not a failed delivery: the message is fine and the provider will take it later.
// So such an answer does not use up one of the message's attempts (a recall campaign's
// thousand reminders would otherwise burn theirs against one rate limit and end
// "failed"), and it pauses that destination: the rest of the batch, and every batch
// until the pause ends, waits without calling it again. Other destinations (another
// dealer's webhook, the mail server when the SMS provider is busy) carry on.
//
// Pauses are kept in memory per process (a restart forgets them: the first message after
// it probes the provider again) and on the app clock, which SCHEDULER_NOW may freeze; a
// Retry-After given as an HTTP date is read against the wall clock first.

/** Without a Retry-After, a busy provider is left alone this long. */
export const DEFAULT_PAUSE_MS = 60_000;
/** A Retry-After is honoured between these bounds (a day-long one would starve the queue). */
export const MIN_PAUSE_MS = 1_000;
export const MAX_PAUSE_MS = 3_600_000;

const clampPause = (ms: number) => Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, ms));

/**
 * How long a Retry-After asks for (RFC 9110 §10.2.3: delay-seconds or an HTTP-date),
 * clamped to [MIN_PAUSE_MS, MAX_PAUSE_MS]; null when absent or unreadable.
 */
export function retryAfterMs(value: string | null | undefined, wallNowMs: number): number | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return clampPause(Number(v) * 1000);
  // An HTTP-date names a weekday and GMT; a bare number-ish string is not one.
  if (!/GMT$/.test(v)) return null;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : clampPause(at - wallNowMs);
}

/** The HTTP answers that mean "later", as an app-clock instant; null for any other status. */
export function busyUntil(
  status: number,
  retryAfter: string | null | undefined,
  nowMs: number,
  wallNowMs: number,
): number | null {
  const asked = retryAfterMs(retryAfter, wallNowMs);
  if (status === 429) return nowMs + (asked ?? DEFAULT_PAUSE_MS);
  // A 503 without a Retry-After is an outage like any other: retried with backoff.
  if (status === 503 && asked !== null) return nowMs + asked;
  return null;
}

/** Where a message leaves through: what one "too many" answer pauses. */
export function destinationOf(m: MessageRow, webhookUrl: string | undefined): string {
  if (m.transport === "webhook") return `webhook ${webhookUrl ?? m.dealerId}`;
  return m.transport; // one SMTP server and one SMS account per Pitlane server
}

/** Destinations paused until an instant (app clock, ms). */
export class ProviderPauses {
  private readonly until = new Map<string, number>();

  /** The instant `destination` may be called again, or null when it may be now. */
  pausedUntil(destination: string, nowMs: number): number | null {
    const at = this.until.get(destination);
    if (at === undefined) return null;
    // Never longer than a provider may ask for: a pause set by a tick far ahead of this
    // clock (POST /v1/admin/tick with a future `now`) must not hold today's messages.
    if (at > nowMs && at <= nowMs + MAX_PAUSE_MS) return at;
    this.until.delete(destination);
    return null;
  }

  pause(destination: string, untilMs: number): void {
    this.until.set(destination, Math.max(untilMs, this.until.get(destination) ?? 0));
  }
}
