import type { ConfigConflict } from "../../core/config-guard/index.js";
import type { DealerConfig } from "../../core/dealer-config.js";
import { getDealer, upsertDealer, type UpsertResult } from "../../db/repos/dealers.js";
import { immediate } from "../../db/tx.js";
import { isoNow, type WriteContext } from "../context.js";
import { DomainError, invalid } from "../errors.js";
import { auditReshuffle, writeMoves } from "../reshuffle/commit.js";
import { checkGuard } from "../reshuffle/guard.js";
import type { ReshufflePlan } from "../reshuffle/plan-schema.js";
import { planView, type Planned } from "../reshuffle/plan-view.js";
import { assessConfigChange } from "./assess.js";
import { ONE_LINE, ONE_LINE_SAID } from "../../core/primitives.js";
import type { Dealer } from "../../core/dealer.js";
import type { Db } from "../../db/sqlite-handle.js";
import { setLabourJson, unnamedLabour } from "../../db/repos/labour-names.js";
import { namedSkills } from "../labour-json.js";
import { epochMinute } from "../../core/civil.js";
import { currencyChangeProblem, type ThresholdStatement, thresholdInProblem } from "../../core/parts-currency.js";
import { phoneWithoutNumber, unknownTemplateNames } from "../journey/template-names.js";

// replaceDealerConfig: PUT of a dealer's whole configuration, never stranding a booking.
// In ONE immediate() transaction: assess the change against the holding appointments;
// none stranded → store it. Otherwise refuse with 409 config_conflict (each appointment
// and why, plus the plan of moves that resolves it), unless the caller asked to apply
// that plan: `apply: "plan"` takes the plan as computed now (same request), `planToken`
// only the plan the caller saw (next request; 412 when anything it pins changed). The
// moves and the configuration then commit together, with one audit row.

export interface ConfigApply {
  apply?: "plan";
  planToken?: string;
}

export interface Replaced {
  result: UpsertResult;
  /** The applied plan, when the change needed one. */
  plan?: ReshufflePlan;
}

type ConflictView = {
  appointmentId: string;
  version: number | null;
  reasons: Array<{ code: string; message: string }>;
};

function conflictViews(p: Planned | undefined, conflicts: ConfigConflict[]): ConflictView[] {
  const byId = new Map<string, ConflictView>();
  for (const c of conflicts) {
    let v = byId.get(c.id);
    if (!v) {
      v = { appointmentId: c.id, version: p?.rows.get(c.id)?.version ?? null, reasons: [] };
      byId.set(c.id, v);
    }
    v.reasons.push({ code: c.code, message: c.message });
  }
  return [...byId.values()];
}

/**
 * The contract's own list (api-contract.md, 1.1: `appointments: [{ id, reason }]`): one
 * entry an appointment, its reasons in one sentence. `conflicts` says the same with the
 * codes and the version, for a client that acts on them.
 */
function contractList(views: ConflictView[]): Array<{ id: string; reason: string }> {
  return views.map((v) => ({ id: v.appointmentId, reason: v.reasons.map((r) => r.message).join("; ") }));
}

function refused(dealerId: string, conflicts: ConfigConflict[], p: Planned, why: string): DomainError {
  const plan = planView(p, dealerId, "plan");
  const applicable = p.core.contact.length === 0;
  const views = conflictViews(p, conflicts);
  return new DomainError(
    "config_conflict",
    `${why}: ${views.length} appointment${views.length === 1 ? "" : "s"} would be stranded (see appointments); nothing was changed`,
    {
      appointments: contractList(views),
      conflicts: views,
      plan,
      applicable,
      howToApply: applicable
        ? "PUT the same configuration again with ?planToken=<plan.planToken> to apply exactly this plan, or with ?apply=plan to apply the plan as computed then"
        : "the plan leaves appointments on its contact list: move or cancel them first, then PUT again",
    },
  );
}

/** A change of the parts currency without the threshold stated anew (core/parts-currency.ts): 400, nothing stored. */
function checkPartsCurrency(stored: DealerConfig | undefined, config: DealerConfig, said: ThresholdStatement): void {
  const wrongIn = thresholdInProblem(config.parts, said);
  if (wrongIn !== null) throw invalid("thresholdIn", wrongIn, "query");
  const problem = stored ? currencyChangeProblem(stored.parts, config.parts, said) : null;
  if (problem !== null) throw invalid("parts.depositThresholdCents", problem);
}

/** A dealer's own message template naming a variable no message fills: 400, nothing stored. */
function checkTemplateNames(config: DealerConfig, stored: DealerConfig | undefined): void {
  const errors = [
    ...unknownTemplateNames(config.messaging, stored?.messaging),
    ...phoneWithoutNumber(config.messaging, config.phone),
  ];
  if (errors.length === 0) return;
  throw new DomainError("validation_failed", `${errors[0].path}: ${errors[0].message}`, {
    errors: errors.map((e) => ({ ...e, in: "body" })),
  });
}

/**
 * The dealer's and the advisors' names are one line (core/primitives.ts ONE_LINE): they go
 * into emails' From, texts and calendar titles. Checked on a PUT, not in DealerConfig:
 * a configuration stored before this check is parsed again on every load, and must load.
 */
function checkOneLineNames(config: DealerConfig): void {
  if (!ONE_LINE.test(config.name)) throw invalid("name", ONE_LINE_SAID);
  config.advisors.forEach((a, i) => {
    if (!ONE_LINE.test(a.name)) throw invalid(`advisors.${i}.name`, ONE_LINE_SAID);
  });
}

/** `threshold`: what the request said of parts.depositThresholdCents (core/parts-currency.ts). */
export function replaceDealerConfig(
  ctx: WriteContext,
  dealerId: string,
  config: DealerConfig,
  opts: ConfigApply,
  threshold: ThresholdStatement,
): Replaced {
  let invalidate = false;
  const out = immediate(ctx.sqlite, () => {
    const stored = getDealer(ctx.db, dealerId);
    checkOneLineNames(config);
    checkTemplateNames(config, stored?.config);
    checkPartsCurrency(stored?.config, config, threshold);
    const rt = stored && JSON.stringify(stored.config) !== JSON.stringify(config) ? ctx.runtimes.get(dealerId) : null;
    const upsert = () => upsertDealer(ctx.db, ctx.sqlite, { id: dealerId, config, now: ctx.nowMs, actor: ctx.actor });
    if (!rt) return { result: upsert() }; // a new dealer, or nothing changes
    // Before anything is stored under the new skills: older slices say their skill by
    // position in the skills in force now (labour-json.ts). Rolled back with a refusal.
    if (rt.dealer.skills.join("\n") !== Object.keys(config.workshop).join("\n"))
      nameStoredSkills(ctx.db, rt.dealer, dealerId);
    const a = assessConfigChange(ctx.db, rt, dealerId, config, epochMinute(ctx.nowMs));
    if (!a.planned) return { result: upsert() };
    const p = a.planned;
    if (!opts.apply && opts.planToken === undefined)
      throw refused(dealerId, a.conflicts, p, "the new configuration is not stored");
    if (p.core.contact.length) throw refused(dealerId, a.conflicts, p, "the plan cannot resolve every appointment");
    if (opts.planToken !== undefined) checkGuard(ctx.db, dealerId, { mode: "apply", planToken: opts.planToken }, p);
    // The moves are the plan just computed in THIS transaction, each placed by the
    // checker under the new configuration (reseat / nearest option), and the token (when
    // sent) proved it is the plan the caller saw. Not applyMoves(): it reads an unchanged
    // reception as a return-only move and would keep labour the new workshop cannot hold.
    const moves = p.core.moves;
    const at = isoNow(ctx);
    const applied: Planned = { ...p, core: { moves, contact: [] } };
    const view = planView(applied, dealerId, "applied");
    const versions = writeMoves(ctx, p.index.dealer, p.rows, moves, at);
    for (const m of view.moves) m.newVersion = versions.get(m.appointmentId);
    const result = upsert();
    auditReshuffle(ctx, dealerId, "config", view, at, { extra: { configVersion: result.dealer.version } });
    invalidate = true;
    return { result, plan: view };
  });
  // The moves were placed on a temporary index: the dealer's runtime is rebuilt from storage.
  if (invalidate) ctx.runtimes.invalidate(dealerId);
  return out;
}

/** Every stored slice of the dealer's appointments names its skill, read under `dealer` (the skills in force). */
function nameStoredSkills(db: Db, dealer: Dealer, dealerId: string): void {
  for (const row of unnamedLabour(db, dealerId)) {
    const named = namedSkills(dealer, row.labourJson);
    if (named !== null) setLabourJson(db, row.id, named);
  }
}
