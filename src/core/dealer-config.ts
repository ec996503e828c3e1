import { z } from "../lib/zod.js";
import { Advisor, DurationRules, ReceptionRules } from "./dealer-config/desk.js";
import { ExpressConfig } from "./dealer-config/express.js";
import { DEFAULT_OPENING, WeeklyHours } from "./dealer-config/hours.js";
import { WebhookConfig, WidgetOrigin } from "./dealer-config/integrations.js";
import {
  DEFAULT_INTERVENTIONS,
  DEFAULT_QUESTIONNAIRE,
  DiagnosisQuestion,
  Intervention,
} from "./dealer-config/interventions.js";
import { Locale } from "./dealer-config/locale.js";
import { MobilityConfig } from "./dealer-config/mobility.js";
import { PartsConfig } from "./dealer-config/parts.js";
import { DEFAULT_WORKSHOP, SkillWorkshop, WorkshopRules } from "./dealer-config/workshop.js";
import { MessagingConfig } from "./dealer-config/messaging.js";
import { DealerPhone, Id, LocalDate, TimeRanges, TimeZone } from "./primitives.js";

// The dealer's whole configuration, as PUT /v1/dealers/{id} takes it. Every field but
// name and timeZone has a default, so `DealerConfig.parse({name, timeZone})` is a
// complete, bookable dealer. Its parts, one concept each, are in dealer-config/; here
// they are assembled, with the checks that span several of them.

export const DealerConfig = z
  .object({
    // One line (core/primitives.ts oneLine), checked on a PUT (config-change/replace.ts),
    // not here: stored configurations are parsed again on every load, and one stored
    // before the check must still load.
    name: z.string().min(1).max(200),
    timeZone: TimeZone,
    address: z.string().max(500).default(""),
    /**
     * The number customers call (the desk's): the messages that ask them to call say it,
     * and the email's footer prints it. Absent: "call us" without a number, as before.
     */
    phone: DealerPhone.optional(),
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
