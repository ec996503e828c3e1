import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { ApiError } from "../../api/errors.js";
import { DomainError } from "../../scheduler/errors.js";
import { problemResponses } from "../../api/openapi.js";
import { inboundText, validTwilioSignature } from "../../scheduler/journey/twilio-inbound.js";
import { DealerParam } from "../shared.js";

// No bearer token: the SMS provider calls it, and its signature is the credential. The
// body is the provider's form (many fields, not ours to make strict), read by hand: the
// one-pass validator (api/route-validation.ts) handles JSON bodies only.

export const smsInboundRoute = createRoute({
  operationId: "receiveSms",
  method: "post",
  path: "/v1/dealers/{dealerId}/sms/inbound",
  tags: ["journey"],
  summary: "Texts customers send back, from the SMS provider (Twilio's form and X-Twilio-Signature)",
  description:
    "Point the number's messaging webhook at PUBLIC_URL + this path. STOP (and synonyms) stops every later text to that number; START lifts it.",
  request: { params: DealerParam },
  responses: {
    204: { description: "Taken (no reply text)" },
    ...problemResponses("validation_failed", "not_found", "unauthorized"),
  },
});

const Form = z.object({ From: z.string().min(3).max(40), Body: z.string().max(2000).default("") });

export function registerSmsInbound(app: ApiApp): void {
  app.openapi(smsInboundRoute, async (c) => {
    const { messaging } = c.get("services");
    const { dealerId } = c.req.valid("param");
    const sms = messaging?.sms;
    if (!sms || !c.get("ctx").runtimes.get(dealerId))
      throw new DomainError("not_found", `No SMS inbound for dealer ${dealerId}`);
    const raw = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const params = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >;
    // The signature is the provider's credential: checked here, like a bearer token, before the verb.
    const url = `${(messaging?.publicUrl ?? "").replace(/\/$/, "")}${new URL(c.req.url).pathname}`;
    if (!validTwilioSignature(sms.authToken, url, params, c.req.header("X-Twilio-Signature")))
      throw new ApiError("unauthorized", "invalid X-Twilio-Signature");
    const form = Form.safeParse(params);
    if (!form.success) throw new ApiError("validation_failed", "From: expected the sender's number");
    inboundText(c.get("ctx"), { dealerId, from: form.data.From, body: form.data.Body });
    return c.body(null, 204);
  });
}
