import { sha256Hex } from "../lib/sha256.js";
import type { Db } from "../db/sqlite-handle.js";
import { findByManageTokenHash } from "./appointments-repo.js";
import type { WriteContext, Outcome } from "./context.js";
import type { AppointmentView } from "./contracts.js";
import { notFound } from "./errors.js";
import { transition } from "./lifecycle.js";
import { appointmentView } from "./present.js";
import type { Runtimes } from "./runtime.js";

// The customer's own appointment, reached with the manage token from the booking
// response (≥ 256 random bits, stored only as a hash). Any wrong token is a plain 404:
// nothing tells a guesser whether an appointment exists.

function byToken(db: Db, token: string) {
  const row = findByManageTokenHash(db, sha256Hex(token));
  if (!row) throw notFound("appointment");
  return row;
}

export function viewByToken(db: Db, runtimes: Runtimes, token: string): AppointmentView {
  const row = byToken(db, token);
  const rt = runtimes.get(row.dealerId);
  if (!rt) throw notFound("appointment");
  return appointmentView(rt.dealer, row);
}

export function cancelByToken(ctx: WriteContext, token: string, reason?: string): Outcome<AppointmentView> {
  const row = byToken(ctx.db, token);
  return transition({ ...ctx, actor: "customer" }, row.dealerId, row.id, "cancel", { reason });
}
