import { bytesToHex } from "@noble/hashes/utils.js";
import { hmacSha256 } from "../../lib/digest.js";

// Signatures of a webhook delivery (the secret's format: core/webhook-secret.ts).

const base64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));

/** webhook-signature: "v1," + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)). */
export function standardSignature(key: Uint8Array, id: string, timestampSec: number, body: string): string {
  return `v1,${base64(hmacSha256(key, `${id}.${timestampSec}.${body}`))}`;
}

/** Today's X-Pitlane-Signature: "sha256=" + hex(HMAC-SHA256(key, raw body)). */
export function legacySignature(key: Uint8Array, body: string): string {
  return `sha256=${bytesToHex(hmacSha256(key, body))}`;
}
