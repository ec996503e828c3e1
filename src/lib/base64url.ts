// base64url without padding (RFC 4648 §5) for what Pitlane hands out as opaque strings:
// manage tokens and hold ids (bytes), task-list cursors and reshuffle plan tokens (ASCII
// JSON). Web APIs only (btoa, atob), so Node and the Worker encode alike.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Bytes as base64url: 16 bytes are 22 characters, 32 are 43. */
export function base64urlOfBytes(buf: Uint8Array): string {
  let out = "";
  for (let i = 0; i < buf.length; i += 3) {
    const n = (buf[i] << 16) | ((buf[i + 1] ?? 0) << 8) | (buf[i + 2] ?? 0);
    const chars = i + 2 < buf.length ? 4 : i + 1 < buf.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** A string of code points below 256 (ASCII JSON) as base64url; btoa throws on any other. */
export function base64urlOfText(s: string): string {
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * The string base64urlOfText was given. Trap: atob also takes "+", "/" and spaces, so a
 * caller that must refuse anything but base64url checks the characters first. Throws on
 * what is not base64 at all.
 */
export function textOfBase64url(s: string): string {
  return atob(s.replaceAll("-", "+").replaceAll("_", "/"));
}

/** The bytes base64urlOfBytes was given (the same trap and throw as textOfBase64url). */
export function bytesOfBase64url(s: string): Uint8Array {
  return Uint8Array.from(textOfBase64url(s), (c) => c.charCodeAt(0));
}
