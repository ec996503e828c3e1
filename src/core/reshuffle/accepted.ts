import type { AdvisorSlot, Option } from "../types.js";

// A refusal's alternatives as the refused request itself would take them: the nearest
// candidates (nearestOptions, the search's) are only proposals, and some of them the same
// request refuses (a priority car's express option for an appointment the request does not
// treat as express, a return or mobility its own checker refuses). So more candidates are
// looked at than are offered, each is placed by the request's own check, and only those it
// accepts are offered, as it places them. One rule for an advisor's move and for a
// reshuffle's apply.

/** How many alternatives a refusal offers (per appointment). */
export const ALTERNATIVES_WANTED = 2;
/** Nearest candidates looked at for them: some may fail the request's own check. */
export const ALTERNATIVE_CANDIDATES = 6;

const sameReception = (a: AdvisorSlot, b: AdvisorSlot) => a.advisor === b.advisor && a.start === b.start;

/** One advisor busy with both: the same advisor, the same start or overlapping minutes. */
const clash = (a: AdvisorSlot, b: AdvisorSlot) =>
  a.advisor === b.advisor && (a.start === b.start || (a.start < b.start + b.minutes && b.start < a.start + a.minutes));

/**
 * The advisor slots an answer's offers already hold (each one's reception and return), for
 * the next appointment of the same answer: one refusal or one contact list offers each of
 * them once, so an advisor taking two appointments' offers never books one advisor twice.
 */
export const offeredSlots = (offers: readonly Option[]): AdvisorSlot[] =>
  offers.flatMap((o) => (o.ret ? [o.reception, o.ret] : [o.reception]));

const clashes = (o: Option, taken: readonly AdvisorSlot[]) =>
  taken.some((t) => clash(t, o.reception) || (o.ret !== null && clash(t, o.ret)));

/**
 * The first ALTERNATIVES_WANTED `candidates` (nearest first) that `place` accepts, each as
 * `place` returns it, ranked as the search ranks its options (quiet first, then earliest);
 * never `current` (where the appointment stands now), never one reception twice, never
 * one whose reception or return clashes with a `taken` slot (offeredSlots: what the same
 * answer offers its earlier appointments).
 */
export function acceptedAlternatives(
  candidates: Option[],
  current: AdvisorSlot,
  place: (candidate: Option) => Option | null,
  taken: readonly AdvisorSlot[] = [],
): Option[] {
  const out: Option[] = [];
  for (const o of candidates) {
    if (out.length === ALTERNATIVES_WANTED) break;
    if (sameReception(o.reception, current) || out.some((x) => sameReception(x.reception, o.reception))) continue;
    if (taken.some((t) => clash(t, o.reception))) continue; // before the (costly) check
    const placed = place(o);
    if (placed && !clashes(placed, taken)) out.push(placed);
  }
  return out.sort((a, b) => Number(b.quiet) - Number(a.quiet) || a.reception.start - b.reception.start);
}
