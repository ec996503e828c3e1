import { CapacityIndex } from "../../core/capacity-index.js";
import { DealerConfig } from "../../core/dealer-config.js";
import { compileDealer } from "../../core/dealer.js";
import { readInstantAt } from "../instants.js";
import { planAbsence } from "../../core/reshuffle/index.js";
import { getDealer, upsertDealer } from "../../db/repos/dealers.js";
import type { Outcome, Ctx, WriteContext } from "../context.js";
import { invalid, notFound } from "../errors.js";
import type { AbsenceRequest } from "./contracts.js";
import type { ReshufflePlan } from "./plan-schema.js";
import { loadDays } from "./load.js";
import { runReshuffle } from "./run.js";

// recordAbsence: an advisor is off (sick, a training). The absence is in force BEFORE the
// re-plan: the plan runs on the dealer compiled with it, over a temporary index of the
// current bookings. Applying it stores the absence in the dealer's configuration and the
// moves in the same transaction; the dealer's runtime is then rebuilt from storage.

const MAX_ABSENCE_MINUTES = 62 * 1440;

/** Applied, the dealer's configuration changed: whoever listens for dealer changes hears of it (ctx.dealerChanged). */
export function recordAbsence(ctx: Ctx, input: { dealerId: string; body: AbsenceRequest }): Outcome<ReshufflePlan> {
  const { dealerId, body: req } = input;
  const out = runAbsence(ctx, dealerId, req);
  if (req.mode === "apply" && !out.replayed) {
    const stored = getDealer(ctx.db, dealerId);
    if (stored) ctx.dealerChanged(dealerId, stored.config);
  }
  return out;
}

function runAbsence(ctx: WriteContext, dealerId: string, req: AbsenceRequest): Outcome<ReshufflePlan> {
  let config: DealerConfig | null = null;
  return runReshuffle(ctx, dealerId, req, {
    kind: "absence",
    compute(rt, now, withPlan) {
      const stored = getDealer(ctx.db, dealerId);
      if (!stored) throw notFound(`dealer ${dealerId}`);
      const advisor = rt.dealer.advisorIndex.get(req.advisorId);
      if (advisor === undefined) throw invalid("advisorId", `unknown advisor "${req.advisorId}"`);
      const start = readInstantAt(rt.dealer, req.start, "start");
      const end = readInstantAt(rt.dealer, req.end, "end");
      if (end <= start) throw invalid("end", "the absence must end after it starts");
      if (end - start > MAX_ABSENCE_MINUTES) throw invalid("end", "record an absence of at most 62 days at a time");
      const next = structuredClone(stored.config);
      const i = next.advisors.findIndex((a) => a.id === req.advisorId);
      if (i < 0) throw invalid("advisorId", `advisor "${req.advisorId}" is no longer configured`); // a retired advisor (runtime.ts)
      next.advisors[i].absences.push(
        req.reason === undefined
          ? { start: req.start, end: req.end }
          : { start: req.start, end: req.end, reason: req.reason },
      );
      const parsed = DealerConfig.safeParse(next);
      if (!parsed.success)
        throw invalid("advisorId", parsed.error.issues[0]?.message ?? "the absence cannot be recorded");
      config = parsed.data;
      const dealer = compileDealer(dealerId, config);
      const index = CapacityIndex.build(dealer, rt.index.bookings.values());
      const { rows, movables } = loadDays(ctx.db, dealer, dealerId, start, end, now);
      const extra = {
        absence: {
          advisorId: req.advisorId,
          start: dealer.format(start),
          end: dealer.format(end),
          ...(req.reason ? { reason: req.reason } : {}),
        },
      };
      const core = withPlan
        ? planAbsence(index, { now, movables }, { advisor, start, end })
        : { moves: [], contact: [] };
      return { kind: "absence", index, ctx: { now, movables }, core, rows, configVersion: stored.version, extra };
    },
    write() {
      upsertDealer(ctx.db, ctx.sqlite, { id: dealerId, config: config!, now: ctx.nowMs, actor: ctx.actor });
    },
    afterCommit() {
      // The index was built over the old configuration: rebuild from storage.
      ctx.runtimes.invalidate(dealerId);
    },
  });
}
