import { z } from "../../lib/zod.js";
import { CUSTOMER_KINDS, type CustomerKind, TRANSPORTS } from "../message-kinds.js";
import { LocalTime } from "../primitives.js";

// The dealer's messaging settings (DealerConfig.messaging): sender addresses, the SMS
// window, which transports carry each customer message kind, and the dealer's own
// wording. Every field has a default, so a dealer that never set it keeps today's
// behaviour: messages go to its webhook when it has one (see journey/channels.ts).

export { CUSTOMER_KINDS, type CustomerKind, TRANSPORTS, type Transport } from "../message-kinds.js";

const Address = z.string().max(200).email();

/** Subject and body override for one kind and locale; {customer}, {date}, {time}, ... are filled in. */
export const TemplateOverride = z
  .object({ subject: z.string().min(1).max(200).optional(), text: z.string().min(1).max(4000).optional() })
  .strict();
export type TemplateOverride = z.infer<typeof TemplateOverride>;

const PerLocale = z.object({ it: TemplateOverride.optional(), en: TemplateOverride.optional() }).strict();

const byKind = <T extends z.ZodTypeAny>(t: T) =>
  z
    .object(Object.fromEntries(CUSTOMER_KINDS.map((k) => [k, t.optional()])) as Record<CustomerKind, z.ZodOptional<T>>)
    .strict();

const SmsWindow = z
  .object({ start: LocalTime.default("08:00"), end: LocalTime.default("20:00") })
  .strict()
  .refine((w) => w.start < w.end, { message: "the window must end after it starts" });

const SmsSettings = z
  .object({
    /** Texts go out only between these local times (dealer's zone); a text due outside waits. */
    window: SmsWindow.default({ start: "08:00", end: "20:00" }),
    /** Calling code for numbers given without one ("333 123 4567" → +39 333 123 4567). */
    defaultCountryCode: z
      .string()
      .regex(/^\+[1-9][0-9]{0,2}$/, "expected a calling code such as +39")
      .default("+39"),
  })
  .strict();

export const MessagingConfig = z
  .object({
    email: z.object({ from: Address.optional(), replyTo: Address.optional() }).strict().default({}),
    sms: SmsSettings.default(SmsSettings.parse({})),
    /** Per kind: the transports that carry it. Absent: the webhook if configured, else the customer's channel. */
    channels: byKind(z.array(z.enum(TRANSPORTS)).min(1).max(3)).default({}),
    /** Per kind and locale: the dealer's own subject and/or text. */
    templates: byKind(PerLocale).default({}),
    /** The customer's manage page, with {token}; default: PUBLIC_URL/m/{token}?lang=… (the customer's page). */
    manageUrl: z
      .string()
      .max(500)
      .regex(/^https?:\/\/\S+$/, "expected an http(s) URL")
      .refine((s) => s.includes("{token}"), { message: "must contain {token}" })
      .optional(),
  })
  .strict();
export type MessagingConfig = z.infer<typeof MessagingConfig>;
