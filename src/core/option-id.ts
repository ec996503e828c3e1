import type { Dealer } from "./dealer.js";
import { type AdvisorSlot, MOBILITY, type Mobility } from "./types.js";

// An optionId carries the option itself (no server-side session): version, reception
// advisor/start/length and the proposed return, and, for a priority vehicle's option whose
// mobility the search chose (Option.mobilityPinned), that mobility as a ninth part (ids
// without it, every other option's, are exactly as before). It is a handle, not a promise:
// booking re-checks every rule, so a forged or stale id can only ever get a 409; a pinned
// mobility only picks among the kinds the request may have anyway (scheduler/priority.ts).

export interface DecodedOption {
  reception: AdvisorSlot;
  ret: AdvisorSlot | null;
  express: boolean;
  overridesCaps?: boolean;
  /**
   * The mobility the option showed, when the search chose it (a priority vehicle's).
   * Trap: not `mobility`, which every Option has, so passing an Option here pins nothing.
   */
  pinned?: Mobility;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const B64_CODES = Array.from(B64, (ch) => ch.charCodeAt(0));

// Character codes, then one String.fromCharCode: `out += ch` per character built a rope of
// ~44 pieces per id, which JSON.stringify then had to flatten for every option answered.
function b64url(s: string): string {
  const codes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (let i = 0; i < s.length; i++) {
    acc = (acc << 8) | (s.charCodeAt(i) & 0xff);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      codes.push(B64_CODES[(acc >> bits) & 63]);
    }
  }
  if (bits > 0) codes.push(B64_CODES[(acc << (6 - bits)) & 63]);
  return String.fromCharCode(...codes);
}

function unb64url(s: string): string | null {
  let out = "";
  let bits = 0;
  let acc = 0;
  for (let i = 0; i < s.length; i++) {
    const v = B64.indexOf(s[i]);
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

export function encodeOptionId(dealer: Dealer, o: DecodedOption): string {
  const r = o.reception;
  const parts = ["o1", dealer.advisors[r.advisor].id, r.start.toString(36), String(r.minutes)];
  if (o.ret) parts.push(dealer.advisors[o.ret.advisor].id, o.ret.start.toString(36), String(o.ret.minutes));
  else parts.push("", "", "");
  parts.push(o.express ? (o.overridesCaps ? "xo" : "x") : "");
  if (o.pinned !== undefined) parts.push(String(MOBILITY.indexOf(o.pinned)));
  return b64url(parts.join("."));
}

/** Decodes an optionId; null when it is not one of ours or names an unknown advisor. */
export function decodeOptionId(dealer: Dealer, id: string): DecodedOption | null {
  if (id.length > 200) return null;
  const raw = unb64url(id);
  const p = raw?.split(".");
  if (!p || (p.length !== 8 && p.length !== 9) || p[0] !== "o1") return null;
  let pinned: Mobility | undefined;
  if (p.length === 9) {
    pinned = /^[0-9]$/.test(p[8]) ? MOBILITY[Number(p[8])] : undefined;
    if (pinned === undefined) return null;
  }
  const num = (s: string) => (/^[0-9a-z]{1,9}$/.test(s) ? parseInt(s, 36) : NaN);
  const ra = dealer.advisorIndex.get(p[1]);
  const rs = num(p[2]);
  const rm = Number(p[3]);
  if (ra === undefined || !Number.isFinite(rs) || !(rm === 15 || rm === 30)) return null;
  let ret: AdvisorSlot | null = null;
  if (p[4]) {
    const a = dealer.advisorIndex.get(p[4]);
    const s = num(p[5]);
    const m = Number(p[6]);
    if (a === undefined || !Number.isFinite(s) || !Number.isInteger(m)) return null;
    ret = { advisor: a, start: s, minutes: m };
  }
  const option: DecodedOption = {
    reception: { advisor: ra, start: rs, minutes: rm },
    ret,
    express: p[7].startsWith("x"),
    overridesCaps: p[7] === "xo",
  };
  if (pinned !== undefined) option.pinned = pinned;
  return option;
}
