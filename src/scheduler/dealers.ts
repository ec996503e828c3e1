import type { DealerConfig } from "../core/dealer-config.js";
import type { ThresholdStatement } from "../core/parts-currency.js";
import { getDealer, type StoredDealer } from "../db/repos/dealers.js";
import { type ConfigApply, type Replaced, replaceDealerConfig } from "./config-change/replace.js";
import type { Ctx } from "./context.js";
import { DomainError } from "./errors.js";

// A dealer's configuration as a resource: read (the public view is cut from it by the
// route) and replaced whole (config-change/replace.ts: the guard against stranding
// appointments, and the plan that resolves them).

export function getDealerConfig(ctx: Ctx, { dealerId }: { dealerId: string }): StoredDealer {
  const dealer = getDealer(ctx.db, dealerId);
  if (!dealer) throw new DomainError("not_found", `No dealer ${dealerId}`);
  return dealer;
}

/** Committed and changed: the in-memory state is rebuilt (ctx.dealerChanged) before the response. */
export function putDealer(
  ctx: Ctx,
  input: { dealerId: string; body: DealerConfig; query: ConfigApply; threshold: ThresholdStatement },
): Replaced {
  const { dealerId } = input;
  const out = replaceDealerConfig(ctx, dealerId, input.body, input.query, input.threshold);
  if (out.result.changed) ctx.dealerChanged(dealerId, out.result.dealer.config);
  return out;
}
