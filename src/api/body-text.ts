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
// Raw C0 controls cannot reach here (JSON.parse refuses them inside strings) and raw lone
// surrogates neither (UTF-8 decoding replaced them): only escapes carry those. DEL and the
// C1 controls (U+0080-U+009F, NEL among them) JSON takes raw too. A body with none of
// these is not walked at all (a booking's hot path: one scan of the text).
//
// Trap: the walk is iterative. A recursive one overflowed the stack on a small body of a
// few thousand nested arrays (a 500), and copied the path at every level.

/** DEL and the C1 controls: the ones JSON takes raw. */
const isDelOrC1 = (c: number): boolean => c >= 0x7f && c <= 0x9f;

/** C0 controls but tab, LF, CR; DEL; the C1 controls. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || isDelOrC1(c);
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isControl(s.charCodeAt(i))) return true;
  return false;
}

// Without the u flag, so that the classes see UTF-16 code units, not code points.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the body's text may hold a fault: an escape ("\u…"), or a raw DEL or C1 control. */
function mayHoldFault(text: string): boolean {
  if (text.includes("\\u")) return true;
  for (let i = 0; i < text.length; i++) if (isDelOrC1(text.charCodeAt(i))) return true;
  return false;
}

export function refuseUnsafeText(text: string, value: unknown): void {
  if (!mayHoldFault(text)) return;
  const fault = faultIn(value);
  if (!fault) return;
  throw validationError(
    new z.ZodError([{ code: "custom", path: fault.path, message: fault.message, input: undefined }]),
  );
}

function wrongWith(s: string): string | null {
  if (hasControl(s)) return "contains a control character; only tab and line breaks may be sent";
  if (LONE_SURROGATE.test(s)) return "contains an unpaired UTF-16 surrogate; send valid text";
  return null;
}

/** A node of the walk: its value, and how it was reached (the path is built only for a fault). */
interface Step {
  value: unknown;
  key: PropertyKey | null;
  parent: Step | null;
}

function pathOf(step: Step): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let s: Step | null = step; s !== null && s.key !== null; s = s.parent) path.push(s.key);
  return path.reverse();
}

function faultIn(root: unknown): { path: PropertyKey[]; message: string } | null {
  const stack: Step[] = [{ value: root, key: null, parent: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === "string") {
      const message = wrongWith(v);
      if (message) return { path: pathOf(step), message };
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    // Pushed in reverse, so the first fault in document order is the one said.
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: step });
      continue;
    }
    // A key is checked as a string of its own, just before its value.
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, item] = entries[i];
      stack.push({ value: item, key: k, parent: step });
      stack.push({ value: k, key: k, parent: step });
    }
  }
  return null;
}
