// Unguessable secrets from the platform CSPRNG (Web Crypto: Node 20 and Workers alike).

import { randomBytes } from "../lib/random.js";

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** 256 random bits, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  const buf = randomBytes(bytes);
  let out = "";
  for (let i = 0; i < buf.length; i += 3) {
    const n = (buf[i] << 16) | ((buf[i + 1] ?? 0) << 8) | (buf[i + 2] ?? 0);
    const chars = i + 2 < buf.length ? 4 : i + 1 < buf.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Length of randomToken()'s 256-bit secret. */
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
 * A customer's manage token: `<dealerId>_<256 random bits>`. The whole string is the
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
