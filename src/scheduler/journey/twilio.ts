import { busyUntil } from "./back-pressure.js";
import type { DeliveryOutcome, FetchFn, SmsProviderConfig } from "./transports.js";

// The Twilio-compatible SMS adapter: a form-encoded POST to
// {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json with basic auth (sid:token).
// 2xx: accepted. 4xx (but 429): the request itself is wrong (bad number, blocked), so
// retrying cannot help. 429 (and 503 with a Retry-After): busy, the text waits without
// using an attempt (back-pressure.ts). Other 5xx: retried with the outbox's backoff.

const TIMEOUT_MS = 10_000;

export async function sendSms(
  cfg: SmsProviderConfig,
  fetchFn: FetchFn,
  to: string,
  body: string,
  clock: { nowMs: number; wallNowMs: number },
): Promise<DeliveryOutcome> {
  const url = `${cfg.baseUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(cfg.accountSid)}/Messages.json`;
  const form = new URLSearchParams({ To: to, From: cfg.from, Body: body }).toString();
  try {
    const res = await fetchFn(url, {
      method: "POST",
      headers: {
        Authorization: `Basic ${btoa(`${cfg.accountSid}:${cfg.authToken}`)}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 300) return null;
    const busy = busyUntil(res.status, res.headers?.get("retry-after"), clock.nowMs, clock.wallNowMs);
    if (busy !== null) return { busy, error: `SMS provider HTTP ${res.status}` };
    return {
      error: `SMS provider HTTP ${res.status}`,
      final: res.status >= 400 && res.status < 500 && res.status !== 429,
    };
  } catch (err) {
    // The failure's kind only: never the URL (it names the account) or the body.
    return { error: err instanceof Error ? `SMS provider ${err.name}` : "SMS provider network error", final: false };
  }
}
