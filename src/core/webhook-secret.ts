// The dealer's webhook secret, in the Standard Webhooks format: "whsec_" + base64 of
// 24–64 random bytes (the HMAC key is those bytes). A secret in the older free-text form
// (16–200 characters, no prefix) is still accepted during the transition: its key is its
// UTF-8 bytes, so the receiver's whsec_ form of it is "whsec_" + base64(secret), and its
// deliveries also carry the old X-Pitlane-Signature (README: "Webhooks").

export const WHSEC_PREFIX = "whsec_";
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function usesLegacySecret(secret: string): boolean {
  return !secret.startsWith(WHSEC_PREFIX);
}

/** Why a webhook secret is unusable, or null when it is fine (the config schema's check). */
export function webhookSecretProblem(secret: string): string | null {
  if (usesLegacySecret(secret))
    return secret.length >= 16
      ? null
      : "expected whsec_ + base64 of 24-64 random bytes (or, during the transition, at least 16 characters)";
  const b64 = secret.slice(WHSEC_PREFIX.length);
  if (!BASE64.test(b64)) return "expected whsec_ followed by standard base64";
  const n = (b64.length / 4) * 3 - (b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0);
  return n >= 24 && n <= 64 ? null : "expected whsec_ followed by the base64 of 24 to 64 random bytes";
}

/** The HMAC key: the decoded bytes of a whsec_ secret, else the secret's UTF-8 bytes. */
export function webhookSigningKey(secret: string): Uint8Array {
  if (usesLegacySecret(secret)) return new TextEncoder().encode(secret);
  return Uint8Array.from(atob(secret.slice(WHSEC_PREFIX.length)), (c) => c.charCodeAt(0));
}
