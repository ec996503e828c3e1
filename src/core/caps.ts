// The buffer rules on one advisor's receptions of one day, as flat sorted
// [start, end, …] elapsed minutes. Definitions (configurable limits):
//
//   hourly:   for every t, receptions starting in [t, t+60)         ≤ maxPerHour
//   two-hour: for every t, reception minutes overlapping [t, t+120) ≤ maxMinutesPer2h
//
// Pure-15 calendars thus get "three 15-min receptions per hour" and pure-30 calendars
// "three 30-min receptions per two hours", exactly. Only windows containing the new
// reception can newly break a rule, and the worst such window starts at an existing
// start (hourly) or at a breakpoint of the overlap function (two-hour), so a handful
// of candidate windows is an exact check, not a sample.

export function hourlyCapOk(list: number[], s: number, max: number): boolean {
  // Existing starts in (s-60, s+60) are the only ones that share a window with s.
  let count = 0;
  let lo = -1;
  for (let i = 0; i < list.length; i += 2) {
    if (list[i] > s - 60 && list[i] < s + 60) {
      if (lo < 0) lo = i;
      count++;
    }
  }
  if (count < max) return true;
  // Window start t ∈ {s} ∪ {starts in (s-60, s]}; count starts (plus s) in [t, t+60).
  for (let t = lo; t < list.length && list[t] <= s; t += 2) {
    if (startsIn(list, list[t]) + 1 > max) return false;
  }
  return startsIn(list, s) + 1 <= max;
}

function startsIn(list: number[], t: number): number {
  let c = 0;
  for (let i = 0; i < list.length; i += 2) if (list[i] >= t && list[i] < t + 60) c++;
  return c;
}

function overlap(a: number, b: number, c: number, d: number): number {
  const v = Math.min(b, d) - Math.max(a, c);
  return v > 0 ? v : 0;
}

function windowMinutes(list: number[], s: number, e: number, t: number): number {
  let sum = overlap(s, e, t, t + 120);
  for (let i = 0; i < list.length; i += 2) sum += overlap(list[i], list[i + 1], t, t + 120);
  return sum;
}

export function twoHourCapOk(list: number[], s: number, e: number, max: number): boolean {
  let near = e - s;
  for (let i = 0; i < list.length; i += 2) near += overlap(list[i], list[i + 1], s - 120, e + 120);
  if (near <= max) return true;
  // Breakpoints of the window function, restricted to windows that overlap [s, e):
  // the window's start or end meets some reception's start or end.
  const lo = s - 119;
  const hi = e - 1;
  if (windowMinutes(list, s, e, lo) > max || windowMinutes(list, s, e, hi) > max) return false;
  if (windowMinutes(list, s, e, s) > max || (e - 120 >= lo && windowMinutes(list, s, e, e - 120) > max)) return false;
  for (let i = 0; i < list.length; i++) {
    // list[i] is a start (even i) or an end (odd i); windows starting or ending there.
    const t1 = list[i];
    const t2 = list[i] - 120;
    if (t1 >= lo && t1 <= hi && windowMinutes(list, s, e, t1) > max) return false;
    if (t2 >= lo && t2 <= hi && windowMinutes(list, s, e, t2) > max) return false;
  }
  return true;
}

/**
 * The buffer caps as rule codes: the only rules an express booking (and staff with
 * `force` and a reason) may go past. One definition for booking, holds, moves and re-plans.
 */
export const CAP_CODES: ReadonlySet<string> = new Set(["hourly_cap", "two_hour_cap"]);
