import { z } from "@hono/zod-openapi";
import { CUSTOMER_KINDS } from "../../core/message-kinds.js";
import { LOCALES } from "../../core/dealer-config/locale.js";
import { PERSONAS } from "../contracts.js";
import { STAFF_TEMPLATES } from "./templates.js";

// HTTP shapes of the messaging endpoints: STOP for texts, and the template preview.

export const SmsStopRequest = z
  .object({ phone: z.string().min(3).max(40).openapi({ example: "+39 333 123 4567" }) })
  .strict()
  .openapi("SmsStopRequest");
export type SmsStopRequest = z.infer<typeof SmsStopRequest>;

export const SmsStopResult = z
  .object({ dealerId: z.string(), stopped: z.literal(true), alreadyStopped: z.boolean() })
  .openapi("SmsStopResult");
export type SmsStopResult = z.infer<typeof SmsStopResult>;

export const PreviewQuery = z.object({
  kind: z.enum([...CUSTOMER_KINDS, ...STAFF_TEMPLATES]).openapi({ param: { in: "query" } }),
  locale: z
    .enum(LOCALES)
    .optional()
    .openapi({ param: { in: "query" }, description: "Default: the dealer's locale" }),
  persona: z
    .enum(PERSONAS)
    .optional()
    .openapi({ param: { in: "query" } }),
});
export type PreviewQuery = z.infer<typeof PreviewQuery>;

export const MessagePreview = z
  .object({
    kind: z.string(),
    locale: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    sms: z.string().openapi({ description: "The text message as it would go out (within two segments)" }),
    smsSegments: z.number().int(),
  })
  .openapi("MessagePreview");
export type MessagePreview = z.infer<typeof MessagePreview>;
