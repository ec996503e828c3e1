import { z } from "@hono/zod-openapi";
import { DealerConfig as CoreDealerConfig, type DealerConfig as DealerConfigT } from "../../core/dealer-config.js";
import { builtInTexts } from "../../core/diagnosis-questions.js";
import { Id } from "../../core/primitives.js";
import type { Mobility } from "../../core/types.js";
import type { StoredDealer } from "../../db/repos/dealers.js";

// HTTP shapes of a dealer. The admin view is the whole normalized config; the public view
// is what a booking widget may show (no advisors' absences, no capacity numbers).

export const DealerIdParam = z.object({
  dealerId: Id.openapi({ param: { name: "dealerId", in: "path" }, example: "roma-est" }),
});

export const DealerConfigSchema = CoreDealerConfig.openapi("DealerConfig", {
  description: "A dealer's whole configuration. Only name and timeZone are required; unknown fields are rejected.",
});

export const DealerAdminView = CoreDealerConfig.safeExtend({
  id: Id,
  version: z.number().int().min(1),
  updatedAt: z.string(),
}).openapi("DealerAdminView");

export const DealerPublic = z
  .object({
    id: Id,
    name: z.string(),
    address: z.string(),
    parking: z.string(),
    phone: z.string().optional().openapi({
      description: "The number customers call, when the dealer gave one (as the dealer writes it).",
      example: "+39 02 1234 5678",
    }),
    timeZone: z.string().openapi({ example: "Europe/Rome" }),
    openingHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
    closures: z.array(z.string()),
    interventions: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        receptionMinutes: z.number().int(),
        returnMinutes: z.number().int(),
      }),
    ),
    mobility: z.array(z.enum(["none", "courtesy_car", "pickup_delivery", "rental", "taxi", "shuttle"])).openapi({
      description:
        "Mobility kinds this dealer offers; whether one is free on a given day comes from availability search.",
    }),
    express: z.object({ models: z.array(z.string()) }),
    /** The language of the dealer's customers: the widget's and pages' default. */
    locale: z.enum(["it", "en"]),
    /** Pre-diagnosis questions: answer them in the booking's `questionnaire` (by id) for these interventions. */
    questionnaire: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        texts: z.object({ it: z.string(), en: z.string() }).optional().openapi({
          description:
            "A built-in question (as shipped) in each language the customer pages speak; absent on the dealer's own questions, which are asked as `text` says.",
        }),
        interventions: z.array(z.string()),
      }),
    ),
  })
  .openapi("DealerPublic");

export function adminView(d: StoredDealer) {
  return { id: d.id, version: d.version, updatedAt: d.updatedAt, ...d.config };
}

export function offeredMobility(m: DealerConfigT["mobility"]): Mobility[] {
  const out: Mobility[] = ["none"];
  if (m.courtesyCars > 0) out.push("courtesy_car");
  if (m.pickupDelivery > 0) out.push("pickup_delivery");
  if (m.rental) out.push("rental");
  if (m.taxi) out.push("taxi");
  if (m.shuttle) out.push("shuttle");
  return out;
}

export function publicView(d: StoredDealer): z.infer<typeof DealerPublic> {
  const c = d.config;
  return {
    id: d.id,
    name: c.name,
    address: c.address,
    parking: c.parking,
    ...(c.phone ? { phone: c.phone } : {}),
    timeZone: c.timeZone,
    openingHours: c.openingHours,
    closures: c.closures,
    interventions: Object.entries(c.interventions).map(([code, iv]) => ({
      code,
      label: iv.label ?? code,
      receptionMinutes: iv.receptionMinutes,
      returnMinutes: iv.returnMinutes,
    })),
    mobility: offeredMobility(c.mobility),
    express: { models: c.express.models },
    locale: c.locale,
    questionnaire: c.questionnaire.map((q) => {
      const texts = builtInTexts(q);
      return texts ? { ...q, texts } : q;
    }),
  };
}
