import type { AppointmentRow } from "../../db/repos/appointments.js";
import { findPartsOrder, type PartsOrderRow, updatePartsOrder } from "../../db/repos/parts-orders.js";
import { immediate } from "../../db/tx.js";
import { type IdempotencyScope, idempotent, isoNow, type Outcome, type WriteContext } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import type { DealerRuntime } from "../runtime.js";
import { type AuditNote, findAtVersion, updateAudited } from "../versioned-update.js";
import type { PartsOrderChange } from "./contracts.js";
import { partsOrderView } from "./present.js";

// The one shape of a parts write: ONE synchronous BEGIN IMMEDIATE transaction holding the
// Idempotency-Key, the appointment read at the version the caller saw (If-Match), the
// order's own change and, when something changed, the appointment's next version with
// its audit row. A parts change is an appointment change: it is audited with it, bumps
// its version (the next If-Match; other boards' live feed sees it) and shows in its view.
// Trap: never await inside; everything a write checks is read under the write lock.

export interface PartsTarget {
  dealerId: string;
  /** The appointment. */
  id: string;
  /** If-Match: the appointment's version the caller saw (undefined: any). */
  ifMatch?: number;
}

export interface PartsStep {
  rt: DealerRuntime;
  row: AppointmentRow;
  at: string;
}

/** What a step did: the order as it now is, and the audit note (null: nothing changed, nothing written). */
export interface PartsDone {
  order: PartsOrderRow;
  note: AuditNote | null;
}

export function partsWrite(
  ctx: WriteContext,
  target: PartsTarget,
  scope: IdempotencyScope,
  status: 200 | 201,
  step: (s: PartsStep) => PartsDone,
): Outcome<PartsOrderChange> {
  const rt = ctx.runtimes.get(target.dealerId);
  if (!rt) throw notFound(`dealer ${target.dealerId}`);
  return immediate(ctx.sqlite, () =>
    idempotent(ctx, scope, () => {
      const row = findAtVersion(ctx.db, target.dealerId, target.id, target.ifMatch);
      const at = isoNow(ctx);
      const done = step({ rt, row, at });
      const version = done.note
        ? updateAudited(ctx, row, { version: row.version + 1, updatedAt: at }, done.note).version
        : row.version;
      return {
        status,
        body: { appointmentId: row.id, version, order: partsOrderView(rt.dealer, done.order) },
      };
    }),
  );
}

/** The appointment's order `partId`, inside the write (404 when it is another appointment's or none). */
export function orderOf(ctx: WriteContext, row: AppointmentRow, partId: string): PartsOrderRow {
  const o = findPartsOrder(ctx.sqlite, row.dealerId, row.id, partId);
  if (!o) throw notFound(`parts order ${partId}`);
  return o;
}

/** Writes the order's next version; the read was under the same lock, so a miss is a bug, not a race. */
export function saveOrder(
  ctx: WriteContext,
  o: PartsOrderRow,
  patch: Partial<PartsOrderRow>,
  at: string,
): PartsOrderRow {
  const next = { ...patch, version: o.version + 1, updatedAt: at };
  if (!updatePartsOrder(ctx.sqlite, o.id, o.version, next))
    throw new DomainError("version_conflict", "the parts order changed meanwhile; reload it");
  return { ...o, ...next };
}

/** The scope an Idempotency-Key binds to: the operation, the appointment and order, the version seen and the body. */
export const partsScope = (op: string, target: PartsTarget & { partId?: string }, body: unknown): IdempotencyScope => ({
  dealerId: target.dealerId,
  scope: `POST /v1/dealers/{dealerId}/appointments/{id}/parts${op}`,
  request: { id: target.id, partId: target.partId, version: target.ifMatch, body },
});
