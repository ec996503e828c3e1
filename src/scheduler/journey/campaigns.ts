import { z } from "@hono/zod-openapi";
import { Id } from "../../core/primitives.js";
import { replaceCampaignRows } from "../../db/repos/campaigns.js";
import { immediate } from "../../db/tx.js";
import { audit } from "../../db/repos/appointments.js";
import { Vin } from "../contracts.js";
import { type Ctx, isoNow } from "../context.js";
import { notFound } from "../errors.js";

// Recall and service campaigns: an admin loads the dealer's whole list (replacing the
// previous one); a booking for a listed VIN carries the open campaigns in its file.

export const Campaign = z
  .object({
    code: Id,
    title: z.string().min(1).max(200),
    kind: z.enum(["recall", "service"]).default("recall"),
    vins: z.array(Vin).min(1).max(50_000),
  })
  .strict()
  .openapi("Campaign");
export type Campaign = z.infer<typeof Campaign>;

export const CampaignList = z
  .object({ campaigns: z.array(Campaign).max(500) })
  .strict()
  .refine((l) => new Set(l.campaigns.map((c) => c.code)).size === l.campaigns.length, {
    message: "duplicate campaign code",
    path: ["campaigns"],
  })
  .openapi("CampaignList");
export type CampaignList = z.infer<typeof CampaignList>;

export const CampaignSummary = z
  .object({
    dealerId: z.string(),
    campaigns: z.array(z.object({ code: z.string(), title: z.string(), kind: z.string(), vins: z.number().int() })),
  })
  .openapi("CampaignSummary");
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export function replaceCampaigns(ctx: Ctx, input: { dealerId: string; body: CampaignList }): CampaignSummary {
  const { db, sqlite } = ctx;
  const { dealerId, body: list } = input;
  if (!ctx.runtimes.get(dealerId)) throw notFound(`dealer ${dealerId}`);
  const at = isoNow(ctx);
  const actor = ctx.actor;
  immediate(sqlite, () => {
    replaceCampaignRows(sqlite, dealerId, list.campaigns, at);
    audit(db, {
      dealerId,
      appointmentId: null,
      at,
      actor,
      action: "campaigns.replaced",
      after: list.campaigns.map((c) => ({ code: c.code, kind: c.kind, vins: c.vins.length })),
    });
  });
  return {
    dealerId,
    campaigns: list.campaigns.map((c) => ({
      code: c.code,
      title: c.title,
      kind: c.kind,
      vins: new Set(c.vins.map((v) => v.toUpperCase())).size,
    })),
  };
}
