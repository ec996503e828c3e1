import { sha256Hex } from "../lib/digest.js";
import { openText, sealText, type ServerSecrets } from "../lib/sealing.js";

// Idempotency records keep the first response so a retry can replay it, and a booking's
// first response carries the customer's manage token. So that the database never holds
// a usable token (or the key that unlocks it), the record is stored under a hash of the
// Idempotency-Key, and the token is sealed (lib/sealing.ts: AEAD under an HKDF key from
// the server secret and this context) — the Idempotency-Key is part of the context, so
// only a client that presents the key again gets it back.

export function idempotencyKeyId(key: string): string {
  return sha256Hex(`pitlane-idempotency-id|${key}`);
}

/** What a sealed token is bound to: the dealer, the route and the client's key. */
export interface SealScope {
  dealerId: string;
  scope: string;
  key: string;
}

const contextOf = (s: SealScope) => `manage-token|${s.dealerId}|${s.scope}|${s.key}`;

/** A manage token sealed for the idempotency record of the write `at` names. */
export function sealToken(manageToken: string, secrets: ServerSecrets, at: SealScope): string {
  return sealText(secrets, contextOf(at), manageToken);
}

/**
 * The response as stored: manageToken replaced by its sealed form. `preSealed`: the same
 * token sealed already for this scope (scheduler/book-prep.ts), used when it is this token.
 */
export function sealResponse<T>(
  body: T,
  secrets: ServerSecrets,
  at: SealScope,
  preSealed?: { manageToken: string; sealed: string },
): T {
  const b = body as { manageToken?: string };
  if (!b || typeof b !== "object" || typeof b.manageToken !== "string") return body;
  const { manageToken, ...rest } = b;
  const sealed = preSealed?.manageToken === manageToken ? preSealed.sealed : sealToken(manageToken, secrets, at);
  return { ...rest, manageTokenSealed: sealed } as T;
}

/**
 * The stored response with its token opened. A record no accepted secret opens (sealed
 * under a secret since rotated out, or before this format) replays without the token:
 * the booking stands, and the customer still has the manage link from its message.
 */
export function unsealResponse<T>(body: T, secrets: ServerSecrets, at: SealScope): T {
  const b = body as { manageTokenSealed?: string };
  if (!b || typeof b !== "object" || typeof b.manageTokenSealed !== "string") return body;
  const { manageTokenSealed, ...rest } = b;
  const token = openText(secrets, contextOf(at), manageTokenSealed);
  return (token === null ? rest : { ...rest, manageToken: token }) as T;
}
