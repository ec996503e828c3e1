import { z } from "../lib/zod.js";
import { BUILT_IN_QUESTIONS } from "./diagnosis-questions.js";
import { MessagingConfig } from "./messaging-config.js";
import { formatMoney } from "./parts.js";
import { PARTS_AMOUNT_LIMIT, partsMaxCents } from "./parts-cap.js";
import { DateTimeInput, Id, LocalDate, LocalTime, TimeRanges, TimeZone } from "./primitives.js";
import { webhookSecretProblem } from "./webhook-secret.js";

// The dealer's whole configuration, as PUT /v1/dealers/{id} takes it. Every field but
// name and timeZone has a default, so `DealerConfig.parse({name, timeZone})` is a
// complete, bookable dealer.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WeeklyHours = z
  .object({
    mon: TimeRanges.default([]),
    tue: TimeRanges.default([]),
    wed: TimeRanges.default([]),
    thu: TimeRanges.default([]),
    fri: TimeRanges.default([]),
    sat: TimeRanges.default([]),
    sun: TimeRanges.default([]),
  })
  .strict();
export type WeeklyHours = z.infer<typeof WeeklyHours>;

const DEFAULT_OPENING: WeeklyHours = {
  mon: [["08:00", "18:00"]],
  tue: [["08:00", "18:00"]],
  wed: [["08:00", "18:00"]],
  thu: [["08:00", "18:00"]],
  fri: [["08:00", "18:00"]],
  sat: [["09:00", "12:30"]],
  sun: [],
};

export const Absence = z
  .object({ start: DateTimeInput, end: DateTimeInput, reason: z.string().max(200).optional() })
  .strict();
export type Absence = z.infer<typeof Absence>;

export const Advisor = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    /** Defaults to the dealer's opening hours. */
    workingHours: WeeklyHours.optional(),
    absences: z.array(Absence).max(500).default([]),
  })
  .strict();
export type Advisor = z.infer<typeof Advisor>;

export const ReceptionRules = z
  .object({
    /** Receptions starting in any sliding 60-minute window, per advisor. */
    maxPerHour: z.number().int().min(1).max(12).default(3),
    /** Reception minutes overlapping any sliding 120-minute window, per advisor. */
    maxMinutesPer2h: z.number().int().min(15).max(120).default(90),
    /** A reception must start at least this long after "now". */
    minNoticeMinutes: z.number().int().min(0).max(10080).default(60),
    /** A slot is quiet when fewer than this share of working advisors are already receiving. */
    quietMaxDeskShare: z.number().min(0).max(1).default(0.5),
    /** How far ahead a booking may be made. */
    maxHorizonDays: z.number().int().min(1).max(730).default(365),
  })
  .strict();
export type ReceptionRules = z.infer<typeof ReceptionRules>;

export const DurationRules = z
  .object({
    newCustomerReceptionMinutes: z.union([z.literal(15), z.literal(30)]).default(30),
    courtesyCarReceptionMinutes: z.union([z.literal(15), z.literal(30)]).default(30),
    newCustomerReturnMinutes: z.number().int().min(10).max(15).default(15),
    courtesyCarReturnMinutes: z.number().int().min(10).max(15).default(15),
  })
  .strict();
export type DurationRules = z.infer<typeof DurationRules>;

export const SkillCapacity = z
  .object({
    technicians: z.number().int().min(0).max(500),
    hoursPerDay: z.number().min(0).max(24),
    /**
     * What the desk calls the identical technicians, in order (the advisors' page lists
     * them by name); one past the list is "<skill> <k>". Names only: the capacity is the count.
     */
    names: z.array(z.string().min(1).max(120)).max(500).optional(),
    /** Per-date overrides, e.g. a technician on holiday. */
    overrides: z
      .record(
        LocalDate,
        z
          .object({
            technicians: z.number().int().min(0).max(500).optional(),
            hoursPerDay: z.number().min(0).max(24).optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();
export type SkillCapacity = z.infer<typeof SkillCapacity>;

/**
 * One named technician. Listed under a skill of `workshop`; `skills` names the other
 * skills the technician also works (the listing skill is always included). A technician
 * with several skills is listed once: ids are unique across the whole workshop.
 */
export const Technician = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    skills: z.array(Id).max(20).default([]),
    /** Defaults to the dealer's opening hours; never worked on a closed day. */
    hours: WeeklyHours.optional(),
    absences: z.array(Absence).max(500).default([]),
  })
  .strict();
export type Technician = z.infer<typeof Technician>;

/** A skill's workshop: identical technicians × productive hours (the original form), or a roster. */
export const SkillWorkshop = z.union([SkillCapacity, z.array(Technician).max(200)]);
export type SkillWorkshop = z.infer<typeof SkillWorkshop>;

/** How a car moves through the workshop around its labour. */
export const WorkshopRules = z
  .object({
    /** From reception end to the first minute of labour (the car reaches the workshop). */
    handoverMinutes: z.number().int().min(0).max(240).default(15),
    /** From labour end to ready (road test, wash, paperwork); the ready time then rounds up to the quarter hour. */
    qualityCheckMinutes: z.number().int().min(0).max(240).default(15),
  })
  .strict();
export type WorkshopRules = z.infer<typeof WorkshopRules>;

export const Intervention = z
  .object({
    label: z.string().max(120).optional(),
    receptionMinutes: z.union([z.literal(15), z.literal(30)]),
    returnMinutes: z.number().int().min(10).max(15),
    labourHours: z.number().min(0).max(200),
    skill: Id,
  })
  .strict();
export type Intervention = z.infer<typeof Intervention>;

export const DEFAULT_INTERVENTIONS: Record<string, Intervention> = {
  service: {
    label: "Scheduled service",
    receptionMinutes: 15,
    returnMinutes: 10,
    labourHours: 2.5,
    skill: "mechanical",
  },
  maintenance: { label: "Maintenance", receptionMinutes: 15, returnMinutes: 10, labourHours: 2, skill: "mechanical" },
  diagnosis: {
    label: "Diagnosis of a fault",
    receptionMinutes: 30,
    returnMinutes: 15,
    labourHours: 1.5,
    skill: "diagnosis",
  },
  bodywork: { label: "Bodywork repair", receptionMinutes: 30, returnMinutes: 15, labourHours: 12, skill: "bodywork" },
  tyres: { label: "Tyre change", receptionMinutes: 15, returnMinutes: 10, labourHours: 1, skill: "mechanical" },
  recall: { label: "Recall campaign", receptionMinutes: 15, returnMinutes: 10, labourHours: 1, skill: "mechanical" },
};

const DEFAULT_WORKSHOP = {
  mechanical: { technicians: 4, hoursPerDay: 7, overrides: {} },
  diagnosis: { technicians: 1, hoursPerDay: 7, overrides: {} },
  bodywork: { technicians: 2, hoursPerDay: 7, overrides: {} },
};

export const MobilityConfig = z
  .object({
    /** Courtesy cars (loaners); a car is out from reception to return, across days. */
    courtesyCars: z.number().int().min(0).max(1000).default(2),
    /** Driver runs per half-day; a job uses a pickup (reception half-day) and a delivery (return half-day). */
    pickupDelivery: z.number().int().min(0).max(1000).default(1),
    taxi: z.boolean().default(true),
    rental: z.boolean().default(false),
    /** false: no shuttle; true: unlimited seats; { seatsPerDeparture }: one departure per half-day. */
    shuttle: z
      .union([z.boolean(), z.object({ seatsPerDeparture: z.number().int().min(1).max(100) }).strict()])
      .default(false),
  })
  .strict();
export type MobilityConfig = z.infer<typeof MobilityConfig>;

export const ExpressConfig = z
  .object({
    /** Priority models (case-insensitive): an express appointment within one working day is guaranteed. */
    models: z.array(z.string().min(1).max(40)).max(50).default(["MC20"]),
    /** Receptions held per working day across the desk, per half-day. */
    reservedReceptions: z
      .object({
        morning: z.number().int().min(0).max(20).default(1),
        afternoon: z.number().int().min(0).max(20).default(1),
      })
      .strict()
      .default({ morning: 1, afternoon: 1 }),
    /** Workshop hours held per skill and day; a skill not named holds `defaultReservedHours`. */
    reservedWorkshopHours: z.record(Id, z.number().min(0).max(200)).default({}),
    defaultReservedHours: z.number().min(0).max(200).default(3),
    /** The reserve returns to the general pool at this local time on the previous working day. */
    releaseTime: LocalTime.default("16:00"),
    /** Courtesy cars only priority vehicles may take. */
    heldCourtesyCars: z.number().int().min(0).max(1000).default(1),
  })
  .strict();
export type ExpressConfig = z.infer<typeof ExpressConfig>;

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

/**
 * Parts ordered for an appointment (scheduler/parts): a special-order part priced at or
 * above `depositThresholdCents` needs a deposit of at least half its price (core/parts.ts).
 * Amounts are integer minor units of `currency` (cents of EUR, yen of JPY, fils of KWD:
 * core/parts.ts minorDigits); the default threshold is 50,000 of them, 500.00 EUR. Set it
 * with the currency: 50,000 yen or 50.000 KWD is another threshold altogether, so a PUT
 * that changes the currency must state the threshold too (core/parts-currency.ts). The
 * threshold is at most the currency's price cap (core/parts-cap.ts): above it, no part
 * could ever reach it.
 */
export const PartsConfig = z
  .object({
    depositThresholdCents: z.number().int().min(0).max(PARTS_AMOUNT_LIMIT).default(50_000),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as EUR")
      .default("EUR"),
  })
  .strict()
  .superRefine((p, ctx) => {
    const cap = partsMaxCents(p.currency);
    if (p.depositThresholdCents > cap)
      ctx.addIssue({
        code: "custom",
        path: ["depositThresholdCents"],
        message: `at most ${cap} minor units of ${p.currency} (${formatMoney(cap, p.currency)}), the most a part may be priced at`,
      });
  });
export type PartsConfig = z.infer<typeof PartsConfig>;

export const LOCALES = ["it", "en"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** One pre-diagnosis question, asked when the booking names one of `interventions`. */
export const DiagnosisQuestion = z
  .object({
    id: Id,
    text: z.string().min(1).max(300),
    interventions: z.array(Id).max(50).default(["diagnosis"]),
  })
  .strict();
export type DiagnosisQuestion = z.infer<typeof DiagnosisQuestion>;

/** The built-in questions (core/diagnosis-questions.ts), stored in English as they always were. */
export const DEFAULT_QUESTIONNAIRE: DiagnosisQuestion[] = BUILT_IN_QUESTIONS.map((q) => ({
  id: q.id,
  text: q.texts.en,
  interventions: [...q.interventions],
}));

export const DealerConfig = z
  .object({
    name: z.string().min(1).max(200),
    timeZone: TimeZone,
    address: z.string().max(500).default(""),
    parking: z.string().max(500).default(""),
    openingHours: WeeklyHours.default(DEFAULT_OPENING),
    closures: z.array(LocalDate).max(1000).default([]),
    rushHours: TimeRanges.default([
      ["08:00", "09:00"],
      ["17:00", "18:00"],
    ]),
    receptionRules: ReceptionRules.default(ReceptionRules.parse({})),
    durations: DurationRules.default(DurationRules.parse({})),
    advisors: z
      .array(Advisor)
      .min(1)
      .max(200)
      .default([{ id: "desk", name: "Service desk", absences: [] }]),
    workshop: z.record(Id, SkillWorkshop).default(DEFAULT_WORKSHOP),
    workshopRules: WorkshopRules.default(WorkshopRules.parse({})),
    interventions: z.record(Id, Intervention).default(DEFAULT_INTERVENTIONS),
    mobility: MobilityConfig.default(MobilityConfig.parse({})),
    express: ExpressConfig.default(ExpressConfig.parse({})),
    /** Origins of the dealer's website widget: CORS is allowed for them on public routes only. */
    widgetOrigins: z.array(WidgetOrigin).max(20).default([]),
    /** Outbox delivery target (absent: messages are kept and listed, not delivered). */
    webhook: WebhookConfig.optional(),
    /** Email/SMS senders, SMS window, transports per message kind, template overrides. */
    messaging: MessagingConfig.default(MessagingConfig.parse({})),
    /** Language of customer messages unless the customer chose one. */
    locale: Locale.default("it"),
    /** Parts orders: the deposit threshold for special-order parts and the currency of their prices. */
    parts: PartsConfig.default(PartsConfig.parse({})),
    /** Pre-diagnosis questionnaire for technical problems. */
    questionnaire: z.array(DiagnosisQuestion).max(50).default(DEFAULT_QUESTIONNAIRE),
    /** How long a hold (POST …/holds) keeps an option for the customer who took it. */
    holdMinutes: z.number().int().min(1).max(60).default(10),
    /** Live holds at once: per client address, and for the whole dealer (nobody holds a day hostage). */
    holdLimits: z
      .object({
        perClient: z.number().int().min(1).max(100).default(3),
        perDealer: z.number().int().min(1).max(10_000).default(30),
      })
      .strict()
      .default({ perClient: 3, perDealer: 30 }),
  })
  .strict()
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.advisors.forEach((a, i) => {
      if (ids.has(a.id))
        ctx.addIssue({ code: "custom", path: ["advisors", i, "id"], message: `duplicate advisor id ${a.id}` });
      ids.add(a.id);
    });
    if (d.express.models.length > 0 && d.mobility.courtesyCars === 0 && d.mobility.pickupDelivery === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["mobility"],
        message:
          "priority models (express.models) must be offered a courtesy car or pickup & delivery: configure at least one, or clear express.models",
      });
    }
    const techIds = new Set<string>();
    for (const [skill, spec] of Object.entries(d.workshop)) {
      if (!Array.isArray(spec)) continue;
      spec.forEach((t, i) => {
        if (techIds.has(t.id))
          ctx.addIssue({
            code: "custom",
            path: ["workshop", skill, i, "id"],
            message: `duplicate technician id ${t.id}: list a technician once, with \`skills\` for the other skills`,
          });
        techIds.add(t.id);
        t.skills.forEach((s, j) => {
          if (!(s in d.workshop))
            ctx.addIssue({
              code: "custom",
              path: ["workshop", skill, i, "skills", j],
              message: `unknown workshop skill ${s}`,
            });
        });
      });
    }
    for (const [code, iv] of Object.entries(d.interventions)) {
      if (!(iv.skill in d.workshop)) {
        ctx.addIssue({
          code: "custom",
          path: ["interventions", code, "skill"],
          message: `unknown workshop skill ${iv.skill}`,
        });
      }
    }
  });
export type DealerConfig = z.infer<typeof DealerConfig>;
export type DealerConfigInput = z.input<typeof DealerConfig>;
