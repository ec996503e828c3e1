import { sha256Hex } from "../lib/digest.js";
import { requestHash } from "../db/repos/idempotency.js";
import { type ContactHashes, contactHashes, rememberContactHashes } from "./contact-cap.js";
import type { PreparedIdempotency, WriteContext } from "./context.js";
import type { BookingRequest } from "./contracts.js";
import type { Caller } from "./trust.js";
import { idempotencyKeyId, sealToken } from "./seal.js";
import { newId } from "../lib/ids.js";
import { manageTokenFor } from "./tokens.js";

// What a booking computes that does not depend on the write lock: the appointment's id and
// the manage token that names it, the token's hash and its sealed form for the idempotency
// record, the contact's hashes and the request's hash. With WORKERS > 1 the worker that
// took the request computes them before its verb call (api/remote-verbs.ts), so the
// writer, the one process that commits and whose CPU per booking bounds every process's
// bookings (issue 17), does not: sealing alone was ~7 % of its time. A booking made where
// it was asked computes them in the verb.
//
// Trust: these travel with the verb's input from a worker of this machine over its
// private socket, as the request's facts do (api/verb-call.ts); a client's body cannot
// carry them (the route builds the input; the body's schema is strict).

export const BOOK_SCOPE = "POST /v1/dealers/{dealerId}/appointments";

export interface BookingPrep {
  /** The appointment's id, minted here because its manage token names it (tokens.ts manageTokenFor); absent from a worker of an older build. */
  appointmentId?: string;
  manageToken: string;
  manageTokenHash: string;
  contact: ContactHashes;
  /** With an Idempotency-Key: the request's hash, the key's id, and the token sealed for the record (when `seal`). */
  idempotency?: PreparedIdempotency;
}

/**
 * `seal`: seal the token now (a worker, for the writer). The verb itself does not: sealing
 * is only needed once the booking is stored, and a refused one (a storm of 409s) would
 * pay it for nothing; idempotent() seals then (seal.ts sealResponse).
 */
export function prepareBooking(
  ctx: WriteContext & { caller: Caller },
  dealerId: string,
  req: BookingRequest,
  seal = false,
): BookingPrep {
  const appointmentId = newId();
  const manageToken = manageTokenFor(dealerId, appointmentId);
  const key = ctx.idempotencyKey;
  const secrets = ctx.secrets;
  return {
    appointmentId,
    manageToken,
    manageTokenHash: sha256Hex(manageToken),
    contact: contactHashes(req.customer),
    idempotency:
      key !== undefined && secrets
        ? {
            requestHash: requestHash(idempotentRequest(ctx.caller, req)),
            keyId: idempotencyKeyId(key),
            sealed: seal
              ? { manageToken, sealed: sealToken(manageToken, secrets, { dealerId, scope: BOOK_SCOPE, key }) }
              : undefined,
          }
        : undefined,
  };
}

/** The prep as it arrived (the writer): the contact's hashes remembered with this request's customer, as if computed here. */
/**
 * What a booking's Idempotency-Key record is bound to: the body and, for a credential, the
 * kind of caller. A key replays only to the kind of caller that made it: staff or a client
 * key sending again an anonymous caller's key and body (or the other way round) is refused
 * as a mismatch (422), never handed the other's answer and the manage token in it. An
 * anonymous request hashes as its body alone, as every request did before this rule, so
 * the records of anonymous bookings made before it still replay; a staff or client
 * booking's record made before it answers a retry with 422, not with a second booking.
 */
export function idempotentRequest(caller: Caller, req: BookingRequest): unknown {
  if (caller.kind === "anonymous") return req;
  return { caller: caller.kind === "client" ? `client:${caller.channel}` : "staff", request: req };
}

export function adoptPrep(req: BookingRequest, prep: BookingPrep): BookingPrep {
  rememberContactHashes(req.customer, prep.contact);
  return prep;
}
