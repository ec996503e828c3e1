// Unguessable secrets from the platform CSPRNG (Web Crypto: Node 20 and Workers alike).

import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { sha256Hex } from "../lib/digest.js";
import { randomBytes } from "../lib/random.js";
import { base64urlOfBytes, bytesOfBase64url } from "../lib/base64url.js";

/** 256 random bits, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  return base64urlOfBytes(randomBytes(bytes));
}

/** The manage token's tail after `<dealerId>_`: randomToken()'s 256 bits, or an id and 126 bits (manageTokenFor). */
const SECRET_CHARS = 43;

/**
 * core/primitives.ts `Id`, as a plain regex. Not imported: this module loads before
 * @hono/zod-openapi in some entry points, and a zod schema created before it lacks
 * .openapi() (test/worker/route.test.ts checks that the two agree).
 */
const DEALER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

/** Whether `s` is a well-formed dealer id. */
export const isDealerId = (s: string) => DEALER_ID.test(s);

/**
 * A manage token that names no appointment: `<dealerId>_<256 random bits>` (message links,
 * walk-ins; a booking's names its own, manageTokenFor below). The whole string is the
 * secret (stored only as its hash); the dealer part is routing, not authority: it lets a
 * runtime with one store per dealer (Workers: a Durable Object each) send the link to
 * the right store without a global token index. A forged prefix only reaches a dealer
 * where the hash matches nothing, i.e. the same 404 as any wrong token.
 */
export function newManageToken(dealerId: string): string {
  return `${dealerId}_${randomToken()}`;
}

/**
 * The dealer a manage token routes to, or null for anything else (including tokens
 * minted before the dealer prefix: on Node they still work, by hash). Parsed from the
 * END because dealer ids may contain "_": the secret has a fixed length.
 */
export function dealerOfManageToken(token: string): string | null {
  if (token.length < SECRET_CHARS + 2 || token[token.length - SECRET_CHARS - 1] !== "_") return null;
  const dealerId = token.slice(0, -SECRET_CHARS - 1);
  return isDealerId(dealerId) ? dealerId : null;
}

// A booking's token names its appointment (issue 17): `<dealerId>_<id><secret>`, the id's
// 16 bytes in 22 base64url characters and then 21 of randomness (126 bits). The tail keeps
// the 43 characters of the older form, so dealerOfManageToken routes both. The row is then
// found by its primary key and its stored hash compared, and the hash needs no index entry
// of its own (schema.ts manageTokenById). The id is no secret: the hash of the whole token
// is what opens the row, so a token made of a known id and a guessed tail opens nothing.
// What the link now tells whoever sees it: when the booking was made, to the millisecond
// (a UUIDv7's first 48 bits), which the booking's answer says anyway (createdAt).
const ID_CHARS = 22;

/** A manage token that names appointment `appointmentId` (a UUID, lib/ids.ts). */
export function manageTokenFor(dealerId: string, appointmentId: string): string {
  const id = base64urlOfBytes(hexToBytes(appointmentId.replaceAll("-", "")));
  return `${dealerId}_${id}${randomToken(16).slice(0, SECRET_CHARS - ID_CHARS)}`;
}

const ID_PART = new RegExp(`^[A-Za-z0-9_-]{${ID_CHARS}}$`);

/**
 * The appointment id a token names, or null when its tail does not decode to a version-7
 * UUID: a token of the older form (1 in 64 of those decode to one by chance, and are then
 * looked up by that id in vain before their hash) or anything else.
 */
export function appointmentIdOfManageToken(token: string): string | null {
  if (dealerOfManageToken(token) === null) return null;
  const tail = token.slice(-SECRET_CHARS, -SECRET_CHARS + ID_CHARS);
  // Checked first: the decoder would also take "+", "/" and spaces, which no token of ours has.
  if (!ID_PART.test(tail)) return null;
  const id = bytesOfBase64url(tail);
  if (id[6] >> 4 !== 7 || id[8] >> 6 !== 2) return null;
  const hex = bytesToHex(id);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What finds a token's appointment (db/repos/appointments.ts findByManageToken): its hash, and the id it names if any. */
export function manageTokenKey(token: string): { hash: string; id: string | null } {
  return { hash: sha256Hex(token), id: appointmentIdOfManageToken(token) };
}
