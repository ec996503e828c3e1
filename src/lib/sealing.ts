import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { bytesToHex, bytesToUtf8, concatBytes, hexToBytes, utf8ToBytes } from "@noble/ciphers/utils.js";
import { expand, extract, hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { randomBytes } from "./random.js";

// Sealing: what the server must recover later but the database must not reveal (the
// manage token inside a stored idempotent response). XChaCha20-Poly1305 (AEAD, from
// @noble/ciphers) under a key derived with HKDF-SHA256 (RFC 5869) from the server secret
// (PITLANE_SECRET) and a context string that names what is sealed and for whom (the
// Idempotency-Key among it): neither a copy of the database nor the secret alone opens
// a record, and a record moved to another context fails authentication.
//
// Rotation: seal under `current`, open with `current` then each of `previous`. Random
// 192-bit nonces: no counter to keep, no reuse across processes or Durable Objects.

export interface ServerSecrets {
  /** Seals and opens. */
  current: string;
  /** Older secrets still accepted for opening, newest first (rotation window). */
  previous: readonly string[];
}

const VERSION = "v1.";
const SALT = utf8ToBytes("pitlane/seal/v1");
const NONCE = 24;
const TAG = 16;

// HKDF = expand(extract(secret), context): the extract step depends on the secret alone,
// so it is done once per secret (a handful: current + the rotation window) rather than
// on every seal, half the key's cost on the booking path (issue 17). Same bytes as
// hkdf(sha256, secret, SALT, context, 32); test/lib/sealing.test.ts pins that.
const prks = new Map<string, Uint8Array>();

function keyOf(secret: string, context: string): Uint8Array {
  let prk = prks.get(secret);
  if (!prk) {
    prk = extract(sha256, utf8ToBytes(secret), SALT);
    if (prks.size >= 16) prks.clear(); // secrets rotate rarely; never an unbounded map
    prks.set(secret, prk);
  }
  return expand(sha256, prk, utf8ToBytes(context), 32);
}

/** "v1." + hex(nonce ‖ ciphertext ‖ tag). */
export function sealText(secrets: ServerSecrets, context: string, plaintext: string): string {
  const nonce = randomBytes(NONCE);
  const sealed = xchacha20poly1305(keyOf(secrets.current, context), nonce).encrypt(utf8ToBytes(plaintext));
  return VERSION + bytesToHex(concatBytes(nonce, sealed));
}

/** The plaintext, or null when no accepted secret opens it for this context (or it is not a v1 seal). */
export function openText(secrets: ServerSecrets, context: string, sealed: string): string | null {
  if (!sealed.startsWith(VERSION)) return null;
  let raw: Uint8Array;
  try {
    raw = hexToBytes(sealed.slice(VERSION.length));
  } catch {
    return null;
  }
  if (raw.length < NONCE + TAG) return null;
  for (const secret of [secrets.current, ...secrets.previous]) {
    try {
      return bytesToUtf8(
        xchacha20poly1305(keyOf(secret, context), raw.subarray(0, NONCE)).decrypt(raw.subarray(NONCE)),
      );
    } catch {
      // wrong secret (or tampered): try the next one
    }
  }
  return null;
}

/**
 * The development default when PITLANE_SECRET is unset: derived from the admin token, so
 * that every process of a cluster (and a restart with the same token) agrees. Never in
 * production: src/node.ts refuses to start without PITLANE_SECRET there.
 */
export function derivedDevSecret(adminToken: string): string {
  return bytesToHex(hkdf(sha256, utf8ToBytes(adminToken), utf8ToBytes("pitlane/dev-secret/v1"), undefined, 32));
}

/** PITLANE_SECRET_PREVIOUS: comma-separated older secrets, newest first. */
export function previousSecrets(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
