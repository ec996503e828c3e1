// What the outbox needs from the outside world to send email and SMS, injected by the
// runtime entry (src/node.ts builds the SMTP transport with nodemailer, which is
// Node-only; the Workers build has no SMTP, so email rows fail there with a clear
// reason). The SMS provider speaks HTTP and needs only fetch.

export interface OutgoingMail {
  from: string;
  replyTo?: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** "<outbox id@domain>": the same on every retry, so a resend after a crash is recognisable. */
  messageId: string;
  /** Extra header lines (RFC 3834 Auto-Submitted: vacation responders do not answer a machine's mail). */
  headers: Record<string, string>;
  attachments: Array<{ filename: string; content: string; contentType: string }>;
}

/**
 * Thrown by a mail transport: `permanent` (5xx, bad address) is not retried; `busy` (421:
 * the server is not taking mail now, often a rate limit) waits without using an attempt.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly busy = false,
  ) {
    super(message);
  }
}

export interface MailTransport {
  /** MAIL_FROM: the sender unless the dealer sets messaging.email.from. */
  from: string;
  send(mail: OutgoingMail): Promise<void>;
}

/** A Twilio-compatible SMS API (TWILIO_* variables). */
export interface SmsProviderConfig {
  accountSid: string;
  authToken: string;
  from: string;
  /** Default https://api.twilio.com; tests point it at a local server. */
  baseUrl: string;
}

export interface MessagingDeps {
  mail?: MailTransport;
  sms?: SmsProviderConfig;
  /** Base of the manage links (PUBLIC_URL), unless the dealer sets messaging.manageUrl. */
  publicUrl?: string;
}

/** The fetch the senders use (global fetch in production; tests pass their own). */
export type FetchFn = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{
  status: number;
  /** Read for Retry-After on a 429 or 503 (back-pressure.ts). */
  headers?: { get(name: string): string | null };
  body?: { cancel(): Promise<void> } | null;
}>;

/**
 * null: delivered. Else: failed (retry unless final), suppressed for good, not yet (SMS
 * window), or the provider is busy until an instant (back-pressure.ts: no attempt used,
 * and its destination pauses).
 */
export type DeliveryOutcome =
  | { error: string; final: boolean }
  | { busy: number; error: string }
  | { suppress: string }
  | { defer: number; reason: string }
  | null;
