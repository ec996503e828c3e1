import type { CapacityIndex } from "../../core/capacity-index.js";
import {
  applyMoves,
  type CorePlan,
  isRefusal,
  type Movable,
  type MoveTarget,
  moveTargets,
  type PlanMove,
  type Refusal,
  type ReplanContext,
  replayMoves,
  revertMoves,
} from "../../core/reshuffle/index.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { immediate } from "../../db/tx.js";
import { idempotent, isoNow, type Outcome, type WriteContext } from "../context.js";
import { notFound } from "../errors.js";
import type { DealerRuntime } from "../runtime.js";
import { auditReshuffle, writeMoves } from "./commit.js";
import type { ApplyGuard, ReshuffleKind } from "./contracts.js";
import type { ReshufflePlan } from "./plan-schema.js";
import { explicitTargets } from "./explicit.js";
import { checkGuard } from "./guard.js";
import { planView, type Planned } from "./plan-view.js";
import { applyFailure, refusedError } from "./refusal.js";
import { epochMinute } from "../../core/civil.js";

// One reshuffle, dry run or apply. The apply runs in ONE immediate() transaction: the plan
// is recomputed on the current day, checked against what the client saw (token or
// versions: 412 when stale), every move is re-checked by the core checker and placed
// (all or nothing), the rows are written and one audit row is added. The in-memory index
// holds the plan only while checking; it takes it for good after the commit.

export interface ReshuffleSpec {
  kind: ReshuffleKind;
  /** The plan on the current day (`withPlan` false: only the index and context, for explicit moves). */
  compute(rt: DealerRuntime, now: number, withPlan: boolean): Planned;
  /** Kind-specific writes in the same transaction (the absence in the dealer's configuration). */
  write?(p: Planned, at: string): void;
  /** After the commit; by default the index takes the moves. */
  afterCommit?(rt: DealerRuntime, p: Planned, moves: PlanMove[]): void;
  auditAppointmentId?: string;
  /** Nothing but moves (a swap): an apply that moves nothing records nothing. */
  movesOnly?: boolean;
}

/**
 * A plan over the runtime's own index (swap, late). Without `withPlan` (explicit moves)
 * only the context counts and `plan` does not run; a refusal is the 409 with the broken
 * rules and the alternatives.
 */
export function planOnRuntime<P extends CorePlan>(
  rt: DealerRuntime,
  on: { kind: ReshuffleKind; now: number; withPlan: boolean; rows: Map<string, AppointmentRow> },
  movables: Map<string, Movable>,
  plan: (index: CapacityIndex, ctx: ReplanContext) => P | Refusal,
  extra: (plan: P) => Planned["extra"] = () => ({}),
): Planned {
  const ctx: ReplanContext = { now: on.now, movables };
  const base = { kind: on.kind, index: rt.index, ctx, rows: on.rows, configVersion: rt.configVersion };
  if (!on.withPlan) return { ...base, core: { moves: [], contact: [] }, extra: {} };
  const planned = plan(rt.index, ctx);
  if (isRefusal(planned)) throw refusedError(rt.dealer, planned);
  return { ...base, core: planned, extra: extra(planned) };
}

export function runReshuffle(
  ctx: WriteContext,
  dealerId: string,
  req: ApplyGuard,
  spec: ReshuffleSpec,
): Outcome<ReshufflePlan> {
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const now = epochMinute(ctx.nowMs);
  if (req.mode === "plan")
    return { status: 200, body: planView(spec.compute(rt, now, true), dealerId, "plan"), replayed: false };
  let after: (() => void) | null = null;
  const outcome = immediate(ctx.sqlite, () =>
    idempotent(ctx, { dealerId, scope: `POST /v1/dealers/{dealerId}/reshuffle/${spec.kind}`, request: req }, () => {
      const explicit = req.plan?.moves;
      const p = spec.compute(rt, now, explicit === undefined);
      let targets: MoveTarget[];
      if (explicit) targets = explicitTargets(ctx.db, dealerId, p, explicit);
      else {
        checkGuard(ctx.db, dealerId, req, p);
        targets = moveTargets(p.core.moves);
      }
      const contact = explicit ? [] : p.core.contact;
      const lifted = contact.map((c) => c.id);
      const r = applyMoves(p.index, p.ctx, targets, lifted);
      if (!r.ok) throw applyFailure(p, r.failures, targets, lifted);
      try {
        const at = isoNow(ctx);
        const applied: Planned = { ...p, core: { moves: r.moves, contact } };
        const view = planView(applied, dealerId, "applied");
        const versions = writeMoves(ctx, p.index.dealer, p.rows, r.moves, at);
        for (const m of view.moves) m.newVersion = versions.get(m.appointmentId);
        spec.write?.(applied, at);
        // A swap, or an advisor's own moves, that leaves every appointment where it was is
        // no change (as a PATCH to where the appointment is, move.ts): no audit row either.
        // The other kinds still record theirs (a customer running late, an absence).
        const unchanged = r.moves.length === 0 && contact.length === 0 && !spec.write;
        if (!(unchanged && (explicit !== undefined || spec.movesOnly)))
          auditReshuffle(ctx, dealerId, spec.kind, view, at, {
            appointmentId: spec.auditAppointmentId,
            reason: req.reason,
          });
        after = () => (spec.afterCommit ? spec.afterCommit(rt, applied, r.moves) : replayMoves(p.index, r.moves));
        return { status: 200, body: view };
      } finally {
        // Until the commit, the index holds what it held before.
        revertMoves(p.index, r.moves);
      }
    }),
  );
  // TS cannot see the assignment inside the callback.
  (after as (() => void) | null)?.();
  return outcome;
}
