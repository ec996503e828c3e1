import { findAppointment } from "../../db/repos/appointments.js";
import type { Db } from "../../db/sqlite-handle.js";
import { DomainError } from "../errors.js";
import type { ApplyGuard } from "./contracts.js";
import { decodePlanToken, planToken, planView, type Planned } from "./plan-view.js";

// An apply commits only what the client saw: the plan token (from the dry run) must still
// describe the day, or every appointment the plan touches must be at the version the
// client names. Anything else is a stale plan: 412, with the plan as it would be now.

function stale(detail: string, p: Planned, dealerId: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError("version_conflict", detail, { ...extra, plan: planView(p, dealerId, "plan") });
}

function currentVersion(db: Db, dealerId: string, p: Planned, id: string): number | null {
  return (p.rows.get(id) ?? findAppointment(db, dealerId, id))?.version ?? null;
}

export function checkGuard(db: Db, dealerId: string, req: ApplyGuard, p: Planned): void {
  const touched = [...p.core.moves.map((m) => m.id), ...p.core.contact.map((c) => c.id)];
  if (req.planToken !== undefined) {
    const t = decodePlanToken(req.planToken);
    if (!t)
      throw new DomainError("validation_failed", "planToken: not a plan token; run the dry run again", {
        errors: [{ path: "planToken", message: "not a plan token", in: "body" }],
      });
    if (t.k !== p.kind)
      throw new DomainError("validation_failed", `planToken: this token is for a ${t.k} plan`, {
        errors: [{ path: "planToken", message: "token of another kind of plan", in: "body" }],
      });
    for (const [id, expected] of Object.entries(t.v)) {
      const current = currentVersion(db, dealerId, p, id);
      if (current !== expected) {
        throw stale(
          `appointment ${id} changed since the plan was computed (version ${expected}, now ${current ?? "gone"}); review the new plan`,
          p,
          dealerId,
          { appointmentId: id, expectedVersion: expected, currentVersion: current },
        );
      }
    }
    if (t.c !== p.configVersion)
      throw stale("the dealer's configuration changed since the plan was computed; review the new plan", p, dealerId);
    if (planToken(p) !== req.planToken)
      throw stale("the day changed since the plan was computed; review the new plan", p, dealerId);
    return;
  }
  if (req.expectedVersions) {
    for (const id of touched) {
      const current = p.rows.get(id)?.version ?? null;
      const expected = req.expectedVersions[id];
      if (expected === undefined)
        throw stale(
          `the plan also touches appointment ${id}, which expectedVersions does not name; review the plan`,
          p,
          dealerId,
          { appointmentId: id, currentVersion: current },
        );
      if (expected !== current)
        throw stale(`appointment ${id} is at version ${current}, not ${expected}; review the plan`, p, dealerId, {
          appointmentId: id,
          expectedVersion: expected,
          currentVersion: current,
        });
    }
    for (const [id, expected] of Object.entries(req.expectedVersions)) {
      const current = currentVersion(db, dealerId, p, id);
      if (current !== expected)
        throw stale(
          `appointment ${id} is at version ${current ?? "gone"}, not ${expected}; review the plan`,
          p,
          dealerId,
          { appointmentId: id, expectedVersion: expected, currentVersion: current },
        );
    }
    return;
  }
  if (touched.length) {
    throw new DomainError(
      "precondition_required",
      "Send the dry run's planToken, or expectedVersions with the version of every appointment the plan touches",
    );
  }
}
