import { z } from "../../lib/zod.js";
import { webhookSecretProblem } from "../webhook-secret.js";

// Where the dealer's own systems meet Pitlane (DealerConfig.widgetOrigins, webhook): the
// website that embeds the booking widget, and the endpoint the outbox posts to.

/** "https://www.dealer.it": scheme, host and port exactly as a browser sends Origin. */
export function isWebOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    // u.origin is the canonical form (lower-case host, no default port, no path): equal
    // means the string is already exactly what a browser would send, so a plain string
    // comparison with the Origin header is enough later.
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === s;
  } catch {
    return false;
  }
}

export const WidgetOrigin = z.string().max(200).refine(isWebOrigin, {
  message:
    "expected a web origin such as https://www.dealer.it (scheme and host, lower case, no path or trailing slash)",
});

/** The dealer's webhook: every outbox message is POSTed there, signed per Standard Webhooks. */
export const WebhookConfig = z
  .object({
    url: z
      .string()
      .max(500)
      .refine((s) => /^https?:\/\/[^\s]+$/.test(s), { message: "expected an http(s) URL" }),
    /** "whsec_" + base64 of 24-64 random bytes (core/webhook-secret.ts); older free-text secrets (16+ characters) still work. */
    secret: z
      .string()
      .max(200)
      .superRefine((s, ctx) => {
        const problem = webhookSecretProblem(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  })
  .strict();
export type WebhookConfig = z.infer<typeof WebhookConfig>;
