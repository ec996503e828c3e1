import { anySet } from "./bitset.js";
import { hourlyCapOk, twoHourCapOk } from "./caps.js";
import type { CapacityIndex } from "./capacity-index.js";
import { GRID, WORDS_PER_DAY, type DayInfo } from "./dealer.js";
import { ruleViolation } from "./rule-messages.js";
import type { AdvisorSlot, Job, RuleCode, Violation } from "./types.js";
import { reserveIntact } from "./reserve.js";
import { returnReachDays } from "./return-slot.js";
import { overlaps, within } from "./ranges.js";
import { planLabour } from "./workshop.js";
import type { LabourPlan } from "./types.js";

// THE rule checker. The search calls it in first-failure mode for every slot it
// offers; booking, moving and swapping call it in collect-all mode before writing.
// One function, so what is offered and what is accepted cannot drift apart.
//
// Trap: no closures in here. tsx/esbuild wrap every function expression in a
// keepNames helper, which made an inner arrow cost more than the whole check.

export interface ReceptionRequest {
  advisor: number;
  /** Epoch minute. */
  start: number;
  minutes: number;
  job: Job;
  /** Epoch minute of "now": nothing starts before now + minNoticeMinutes. */
  now: number;
  /** Advisor override: go past the buffer caps and the express reserve (never past busy, hours or absences). */
  force?: boolean;
  /** A priority vehicle: may use the express reserve (desk and workshop). */
  express?: boolean;
  /** Minimum notice in minutes; default the dealer's minNoticeMinutes (staff reshuffles pass 0). */
  notice?: number;
  /**
   * The caller found this (advisor, start) in the day's slot mask (slot-mask.ts) on this
   * same index state: on duty, present, free and within both caps of the day. The search
   * sets it so that a candidate is not checked twice; the caps are still checked when
   * their windows reach into the neighbouring day (the mask only sees this one).
   */
  desk?: boolean;
}

export interface ReceptionCheck {
  violations: Violation[];
  plan: LabourPlan | null;
}

const NONE: number[] = [];

/** The advisor's receptions of the day with those of the neighbouring days, in this day's elapsed minutes. */
function receptionsAround(index: CapacityIndex, day: DayInfo, advisor: number): number[] {
  const out: number[] = [];
  const prev = index.peek(day.n - 1)?.receptions[advisor];
  if (prev) {
    const shift = index.dealer.day(day.n - 1).zone.length;
    for (let i = 0; i < prev.length; i++) out.push(prev[i] - shift);
  }
  const cur = index.peek(day.n)?.receptions[advisor];
  if (cur) for (let i = 0; i < cur.length; i++) out.push(cur[i]);
  const next = index.peek(day.n + 1)?.receptions[advisor];
  if (next) for (let i = 0; i < next.length; i++) out.push(next[i] + day.zone.length);
  return out;
}

function knownAdvisor(dealer: CapacityIndex["dealer"], advisor: number): boolean {
  return advisor >= 0 && advisor < dealer.advisors.length && Number.isInteger(advisor);
}

/**
 * The rules a reception and a return share, in this order: on the `grid`, within
 * opening hours, a known advisor, then (unless `deskKnown`: the slot mask holds them)
 * on duty, present and free. Same modes as evaluateReception; returns the first broken
 * rule or null. An unknown advisor ends the check: the caller stops there too.
 */
function slotRules(
  index: CapacityIndex,
  day: DayInfo,
  advisor: number,
  s: number,
  e: number,
  grid: number,
  deskKnown: boolean,
  out: RuleCode[] | null,
): RuleCode | null {
  let first: RuleCode | null = null;
  let code: RuleCode | null;
  code = (s + day.gridPhase) % grid !== 0 ? "off_grid" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first = code;
  }
  const inOpening = day.open.length > 0 && within(day.open, s, e);
  code = day.open.length === 0 ? "closed" : !inOpening ? "outside_opening_hours" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  if (!knownAdvisor(index.dealer, advisor)) {
    out?.push("unknown_advisor");
    return first ?? "unknown_advisor";
  }
  if (deskKnown) return first;
  code = inOpening && !within(day.duty[advisor], s, e) ? "advisor_off_duty" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  code = overlaps(day.absent[advisor], s, e) ? "advisor_absent" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  const st = index.peek(day.n);
  code = st && anySet(st.busy, advisor * WORDS_PER_DAY, s, e) ? "advisor_busy" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  return first;
}

/**
 * Evaluates every rule in a fixed order. With `out` null it returns the first broken
 * rule's code (or the labour plan when none is broken); with `out` it pushes every
 * broken rule's code and returns the plan only when the list stays empty.
 */
export function evaluateReception(
  index: CapacityIndex,
  req: ReceptionRequest,
  out: RuleCode[] | null,
): LabourPlan | RuleCode {
  const dealer = index.dealer;
  const rules = dealer.config.receptionRules;
  const { start, minutes, advisor } = req;
  const day: DayInfo = dealer.day(dealer.dayOf(start));
  const s = start - day.zone.start;
  const e = s + minutes;
  // The slot mask (req.desk) only sees this day: the caps' windows may reach the next.
  const nearMidnight = s < 120 || e > day.zone.length - 120;
  let first: RuleCode | null = null;
  let code: RuleCode | null;

  code = minutes !== 15 && minutes !== 30 ? "invalid_length" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  code =
    start < req.now + (req.notice ?? rules.minNoticeMinutes)
      ? "in_the_past"
      : start > req.now + rules.maxHorizonDays * 1440
        ? "beyond_horizon"
        : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  code = slotRules(index, day, advisor, s, e, GRID, req.desk === true && !nearMidnight, out);
  if (code) {
    if (!out) return code;
    first ??= code;
  }
  if (!knownAdvisor(dealer, advisor)) return first ?? "unknown_advisor";
  if ((!req.desk || nearMidnight) && !req.force) {
    const st = index.peek(day.n);
    // The caps' windows can reach across midnight for a dealer open late or early.
    const list = nearMidnight ? receptionsAround(index, day, advisor) : st ? st.receptions[advisor] : NONE;
    if (list.length) {
      code = hourlyCapOk(list, s, rules.maxPerHour) ? null : "hourly_cap";
      if (code) {
        if (!out) return code;
        out.push(code);
        first ??= code;
      }
      code = twoHourCapOk(list, s, e, rules.maxMinutesPer2h) ? null : "two_hour_cap";
      if (code) {
        if (!out) return code;
        out.push(code);
        first ??= code;
      }
    }
  }
  // The express reserve is the last desk rule: it is the only one that scans the half-day.
  // (Reached with no rule broken, so within opening hours.)
  if (!req.express && !req.force && req.now < day.releaseAt && (!out || out.length === 0)) {
    code = reserveIntact(index, day, advisor, s, e, req.now) ? null : "express_reserve";
    if (code) {
      if (!out) return code;
      out.push(code);
      first ??= code;
    }
  }
  const plan = planLabour(index, req.job, start + minutes, req.now, req.express === true);
  if (!plan) {
    if (out) out.push("workshop_full");
    return first ?? "workshop_full";
  }
  return first ?? plan;
}

/** Collect-all check with a message for people on every broken rule. */
export function checkReception(index: CapacityIndex, req: ReceptionRequest): ReceptionCheck {
  const codes: RuleCode[] = [];
  const r = evaluateReception(index, req, codes);
  const violations: Violation[] = [];
  for (const c of codes) violations.push(ruleViolation(index.dealer, c, req, null));
  return { violations, plan: typeof r === "string" ? null : r };
}

export const RETURN_GRID = 5;

export function evaluateReturn(
  index: CapacityIndex,
  slot: AdvisorSlot,
  readyAt: number,
  out: RuleCode[] | null,
): RuleCode | null {
  const dealer = index.dealer;
  const { start, minutes, advisor } = slot;
  const day = dealer.day(dealer.dayOf(start));
  const s = start - day.zone.start;
  const e = s + minutes;
  let first: RuleCode | null = null;
  let code: RuleCode | null;
  code = !Number.isInteger(minutes) || minutes < 10 || minutes > 15 ? "invalid_return_length" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  code = start < readyAt ? "return_before_ready" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  // A return placed by hand (a move, a plan's explicit move) is bounded as a reception is
  // by the horizon (return-slot.ts returnReachDays): one in 9999 held a courtesy car on
  // every day until then.
  code = start > readyAt + returnReachDays(dealer.config) * 1440 ? "beyond_horizon" : null;
  if (code) {
    if (!out) return code;
    out.push(code);
    first ??= code;
  }
  code = slotRules(index, day, advisor, s, e, RETURN_GRID, false, out);
  return first ?? code;
}

/** Checks a return appointment (the customer collects the car): 10–15 min, at or after readyAt. */
export function checkReturn(index: CapacityIndex, slot: AdvisorSlot, readyAt: number): Violation[] {
  const codes: RuleCode[] = [];
  evaluateReturn(index, slot, readyAt, codes);
  const violations: Violation[] = [];
  for (const c of codes) violations.push(ruleViolation(index.dealer, c, slot, readyAt));
  return violations;
}
