import type { CapacityIndex } from "../../core/capacity-index.js";
import type { Dealer } from "../../core/dealer.js";
import type { CorePlan, PlanContact, PlanMove, ReplanContext } from "../../core/reshuffle/index.js";
import type { Booking } from "../../core/types.js";
import { base64urlOfText, textOfBase64url } from "../../lib/base64url.js";
import { canonicalJson } from "../../lib/canonical-json.js";
import { sha256Hex } from "../../lib/digest.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import { optionView, slotView } from "../present.js";
import type { ReshuffleKind } from "./contracts.js";
import type { ContactView, MoveView, ReshufflePlan } from "./plan-schema.js";

// A computed plan (integers, with the rows it touches) → the contract's JSON, and the plan
// token: the versions the plan was computed on plus a fingerprint of what it does, so an
// apply can tell a stale plan (412) from a current one without storing anything.

export interface Planned {
  kind: ReshuffleKind;
  index: CapacityIndex;
  ctx: ReplanContext;
  core: CorePlan;
  /** Every appointment the plan touches (moves and contact), as stored. */
  rows: Map<string, AppointmentRow>;
  configVersion: number;
  extra: Pick<ReshufflePlan, "absence" | "late" | "walkIn">;
  /** What else the token must pin (the walk-in's slot). */
  print?: unknown;
}

function placement(dealer: Dealer, b: Booking) {
  return {
    reception: slotView(dealer, b.reception),
    return: b.ret ? slotView(dealer, b.ret) : null,
    readyAt: dealer.format(b.readyAt),
    express: b.express,
  };
}

export function moveView(dealer: Dealer, m: PlanMove, version: number): MoveView {
  return {
    appointmentId: m.id,
    version,
    from: placement(dealer, m.from),
    to: placement(dealer, m.to),
    timeChanged: m.timeChanged,
    returnTimeChanged: m.returnTimeChanged,
    advisorChanged: m.advisorChanged,
    notifyCustomer: m.notifyCustomer,
    forced: m.forced,
    overridden: m.overridden,
    shiftMinutes: m.to.reception.start - m.from.reception.start,
  };
}

function contactView(dealer: Dealer, c: PlanContact, version: number): ContactView {
  return {
    appointmentId: c.id,
    version,
    reason: c.reason,
    violations: c.violations,
    options: c.options.map((o) => optionView(dealer, o)),
  };
}

interface TokenData {
  k: string;
  c: number;
  v: Record<string, number>;
  f: string;
}

/** The stored version of an appointment the plan touches (0: not in storage, e.g. a removed advisor's). */
function versionOf(p: Planned, id: string): number {
  return p.rows.get(id)?.version ?? 0;
}

function versionsOf(p: Planned): Record<string, number> {
  const v: Record<string, number> = {};
  for (const m of p.core.moves) v[m.id] = versionOf(p, m.id);
  for (const c of p.core.contact) v[c.id] = versionOf(p, c.id);
  return v;
}

/**
 * What apply must find again, or refuse as stale: every move's slots, its ready time,
 * the caps it goes past and whether it stays express (a plan shown as "express, ready 15:30" must not commit as
 * ordinary or as ready at 17:00 because the day or the clock moved on meanwhile).
 */
export function planToken(p: Planned): string {
  const what = {
    m: p.core.moves.map((m) => [
      m.id,
      m.to.reception.advisor,
      m.to.reception.start,
      m.to.ret?.advisor ?? -1,
      m.to.ret?.start ?? -1,
      m.to.ret?.minutes ?? -1,
      m.forced ? 1 : 0,
      m.to.readyAt,
      m.to.express ? 1 : 0,
      [...m.overridden].sort(),
    ]),
    c: p.core.contact.map((c) => c.id),
    x: p.print ?? null,
  };
  const data: TokenData = {
    k: p.kind,
    c: p.configVersion,
    v: versionsOf(p),
    f: sha256Hex(canonicalJson(what)).slice(0, 32),
  };
  return base64urlOfText(canonicalJson(data));
}

export function decodePlanToken(token: string): TokenData | null {
  try {
    const d = JSON.parse(textOfBase64url(token)) as TokenData;
    if (
      typeof d.k !== "string" ||
      typeof d.c !== "number" ||
      typeof d.f !== "string" ||
      typeof d.v !== "object" ||
      d.v === null
    )
      return null;
    for (const x of Object.values(d.v)) if (!Number.isInteger(x)) return null;
    return d;
  } catch {
    return null;
  }
}

export function planView(p: Planned, dealerId: string, mode: "plan" | "applied"): ReshufflePlan {
  const dealer = p.index.dealer;
  const moves = p.core.moves.map((m) => moveView(dealer, m, versionOf(p, m.id)));
  let timeChanges = 0;
  let shiftMinutes = 0;
  let advisorChanges = 0;
  for (const m of moves) {
    if (m.timeChanged) timeChanges++;
    if (m.advisorChanged) advisorChanges++;
    shiftMinutes += Math.abs(m.shiftMinutes);
  }
  return {
    kind: p.kind,
    mode,
    dealerId,
    moves,
    contact: p.core.contact.map((c) => contactView(dealer, c, versionOf(p, c.id))),
    notify: moves.filter((m) => m.notifyCustomer).map((m) => m.appointmentId),
    summary: { moves: moves.length, timeChanges, shiftMinutes, advisorChanges, contact: p.core.contact.length },
    planToken: planToken(p),
    ...p.extra,
  };
}
