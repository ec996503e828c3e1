import type { Mobility } from "../../core/types.js";
import { immediate } from "../../db/tx.js";
import { sha256Hex } from "../../lib/digest.js";
import type { WriteContext } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import type { DealerRuntime } from "../runtime.js";
import { deleteHold, findHold } from "../../db/repos/holds.js";
import { holdKey } from "./live.js";

// Releasing and consuming a hold. The hold id is the capability: whoever has it (the
// widget that took the hold) may release it or book with it; nobody else can name it
// (256 random bits, stored only as its hash).

/** DELETE …/holds/{holdId}: the slot is offered again at once. 404 when no live hold has that id. */
export function releaseHold(ctx: WriteContext, input: { dealerId: string; holdId: string }): void {
  const { dealerId, holdId } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const rowId = sha256Hex(holdId);
  const gone = immediate(ctx.sqlite, () => {
    const row = findHold(ctx.db, dealerId, rowId);
    if (!row || row.expiresAt <= ctx.nowMs) return false;
    return deleteHold(ctx.db, dealerId, rowId);
  });
  if (!gone) throw notFound("hold");
  rt.index.remove(holdKey(rowId));
  rt.holds.forget(holdKey(rowId));
}

export interface TakenHold {
  /** The mobility the hold reserved: the booking reserves exactly it (book.ts). */
  mobility: Mobility;
  /** Puts the hold back into the index: the transaction that took it rolled back. */
  restore(): void;
}

/**
 * Inside the booking's transaction: takes the live hold `holdId` on the slot starting at
 * `start` out of storage AND out of the index, so the booking's re-check sees the
 * capacity it held. Null when there is no live hold by that id (expired, released,
 * consumed): the booking then goes on as an ordinary one, and gets the slot only if
 * nobody else holds or booked it meanwhile.
 */
export function takeHold(
  ctx: WriteContext,
  rt: DealerRuntime,
  dealerId: string,
  holdId: string | undefined,
  start: number,
): TakenHold | null {
  if (holdId === undefined) return null;
  const rowId = sha256Hex(holdId);
  const row = findHold(ctx.db, dealerId, rowId);
  if (!row || row.expiresAt <= ctx.nowMs) return null;
  if (row.receptionStart !== start) {
    throw new DomainError("validation_failed", "holdId: holds another time than the chosen optionId", {
      errors: [{ path: "holdId", message: "holds another time than the chosen optionId", in: "body" }],
    });
  }
  deleteHold(ctx.db, dealerId, rowId);
  const key = holdKey(rowId);
  const b = rt.index.remove(key);
  rt.holds.forget(key);
  return {
    mobility: row.mobility as Mobility,
    restore() {
      if (!b || rt.index.bookings.has(key)) return;
      rt.index.add(b);
      rt.holds.track(key, row.expiresAt);
    },
  };
}

/** Runs the booking's transaction; if it throws after taking the hold, the hold counts again. */
export function restoringHold<T>(taken: () => TakenHold | null, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    taken()?.restore();
    throw e;
  }
}
