import { sha256 } from "./sha256.js";

// HMAC-SHA256 (RFC 2104) over the pure SHA-256: synchronous, no node: imports, so the
// webhook signature is computed the same way on Node and on Workers.

const BLOCK = 64;
const encoder = new TextEncoder();

const bytes = (x: string | Uint8Array) => (typeof x === "string" ? encoder.encode(x) : x);

export function hmacSha256(key: string | Uint8Array, message: string | Uint8Array): Uint8Array {
  let k = bytes(key);
  if (k.length > BLOCK) k = sha256(k);
  const inner = new Uint8Array(BLOCK + bytes(message).length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const b = k[i] ?? 0;
    inner[i] = b ^ 0x36;
    outer[i] = b ^ 0x5c;
  }
  inner.set(bytes(message), BLOCK);
  outer.set(sha256(inner), BLOCK);
  return sha256(outer);
}

export function hmacSha256Hex(key: string | Uint8Array, message: string | Uint8Array): string {
  let s = "";
  for (const b of hmacSha256(key, message)) s += b.toString(16).padStart(2, "0");
  return s;
}
