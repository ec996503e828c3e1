import { findByManageToken } from "../db/repos/appointments.js";
import { getDealer, type StoredDealer } from "../db/repos/dealers.js";
import { manageTokenKey } from "./tokens.js";
import type { Ctx } from "./context.js";

// The dealer behind a page or a sign-in, or null. Pages answer an unknown dealer with
// their own 404 in the visitor's language and the sign-in with one "unauthorized" for
// every wrong answer, so these return null instead of throwing not_found. Only the
// database is read (the CORS guard asks before the request's context exists).

type Reader = Pick<Ctx, "db">;

/** The dealer `dealerId` names; null for an unknown one. */
export function findDealer(ctx: Reader, { dealerId }: { dealerId: string }): StoredDealer | null {
  return getDealer(ctx.db, dealerId);
}

/** The dealer id of the appointment a manage link's token opens; undefined for a wrong token. */
export function dealerIdOfManageToken(ctx: Reader, { token }: { token: string }): string | undefined {
  return findByManageToken(ctx.db, manageTokenKey(token))?.dealerId;
}

/** The dealer of the appointment a manage link's token opens; null for a wrong token. */
export function findDealerByManageToken(ctx: Reader, input: { token: string }): StoredDealer | null {
  const dealerId = dealerIdOfManageToken(ctx, input);
  return dealerId === undefined ? null : getDealer(ctx.db, dealerId);
}
