import { readInstantAt } from "../instants.js";
import type { MoveTarget } from "../../core/reshuffle/index.js";
import type { AdvisorSlot } from "../../core/types.js";
import type { Db } from "../../db/sqlite-handle.js";
import { findAppointment } from "../../db/repos/appointments.js";
import { DomainError, invalid, notFound } from "../errors.js";
import type { ExplicitMove } from "./contracts.js";
import { movableOf } from "./load.js";
import type { Planned } from "./plan-view.js";

// "Apply the plan itself": the moves the client sends (the dry run's, possibly edited —
// another advisor, a return of 12 minutes at 17:05). Each names the version it expects;
// the return, when given, is taken exactly (omitted: the current one; null: the first
// free one after the car is ready).

export function explicitTargets(db: Db, dealerId: string, p: Planned, moves: ExplicitMove[]): MoveTarget[] {
  const dealer = p.index.dealer;
  const seen = new Set<string>();
  const advisor = (id: string, path: string): number => {
    const a = dealer.advisorIndex.get(id);
    if (a === undefined) throw invalid(path, `unknown advisor "${id}"`);
    return a;
  };
  const instant = (s: string, path: string): number => readInstantAt(dealer, s, path);
  return moves.map((mv, i) => {
    const path = `plan.moves.${i}`;
    const id = mv.appointmentId;
    if (seen.has(id)) throw invalid(`${path}.appointmentId`, "an appointment can move once per plan");
    seen.add(id);
    const row = p.rows.get(id) ?? findAppointment(db, dealerId, id);
    if (!row) throw notFound(`appointment ${id}`);
    if (row.version !== mv.version) {
      throw new DomainError(
        "version_conflict",
        `appointment ${id} is at version ${row.version}, not ${mv.version}; review the plan`,
        { appointmentId: id, expectedVersion: mv.version, currentVersion: row.version },
      );
    }
    const m = p.ctx.movables.get(id) ?? movableOf(dealer, row, p.ctx.now);
    const current = p.index.bookings.get(id);
    if (!m || !current)
      throw new DomainError("invalid_transition", `a ${row.status} appointment cannot be moved`, {
        appointmentId: id,
        status: row.status,
      });
    p.rows.set(id, row);
    p.ctx.movables.set(id, m);
    const reception: AdvisorSlot = {
      advisor: advisor(mv.to.reception.advisorId, `${path}.to.reception.advisorId`),
      start: instant(mv.to.reception.start, `${path}.to.reception.start`),
      minutes: current.reception.minutes,
    };
    const r = mv.to.return;
    const ret: AdvisorSlot | null =
      r === undefined
        ? current.ret
        : r === null
          ? null
          : {
              advisor: advisor(r.advisorId, `${path}.to.return.advisorId`),
              start: instant(r.start, `${path}.to.return.start`),
              minutes: r.minutes,
            };
    return { id, reception, ret, forced: mv.forced };
  });
}
