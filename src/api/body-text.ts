import { z } from "@hono/zod-openapi";
import { validationError } from "./errors.js";

// A JSON body's strings must be text a person could have typed. JSON lets a client escape
// any UTF-16 code unit, so "\u0000" or a lone "\ud800" parse fine, and were stored as sent
// in names, notes and answers: a NUL cuts the string short in C tools and some SMS
// gateways, a lone surrogate cannot be encoded as UTF-8 (the mail and page encoders swap
// it for U+FFFD, so the customer reads something else than was stored), and control
// characters garble CSV exports and fixed-width SMS. Refused at the edge with the field's
// path, like any other validation failure. Tab, LF and CR stay: a note may have lines.
//
// Raw control characters cannot reach here (JSON.parse refuses them inside strings) and
// raw lone surrogates neither (UTF-8 decoding replaced them): only escapes can carry
// them, so a body without "\u" or DEL is not walked at all (a booking's hot path).

/** C0 controls but tab, LF, CR; and DEL. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}
// Without the u flag, so that the classes see UTF-16 code units, not code points.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function refuseUnsafeText(text: string, value: unknown): void {
  if (!text.includes("\\u") && !text.includes("\u007F")) return;
  const fault = faultIn(value, []);
  if (!fault) return;
  throw validationError(
    new z.ZodError([{ code: "custom", path: fault.path, message: fault.message, input: undefined }]),
  );
}

function faultIn(value: unknown, path: PropertyKey[]): { path: PropertyKey[]; message: string } | null {
  if (typeof value === "string") {
    if (hasControl(value))
      return { path, message: "contains a control character; only tab and line breaks may be sent" };
    if (LONE_SURROGATE.test(value)) return { path, message: "contains an unpaired UTF-16 surrogate; send valid text" };
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const f = faultIn(value[i], [...path, i]);
      if (f) return f;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const f = faultIn(k, [...path, k]) ?? faultIn(v, [...path, k]);
    if (f) return f;
  }
  return null;
}
