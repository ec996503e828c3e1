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

/**
 * The first ALTERNATIVES_WANTED `candidates` (nearest first) that `place` accepts, each as
 * `place` returns it, ranked as the search ranks its options (quiet first, then earliest);
 * never `current` (where the appointment stands now), never one reception twice.
 */
export function acceptedAlternatives(
  candidates: Option[],
  current: AdvisorSlot,
  place: (candidate: Option) => Option | null,
): Option[] {
  const out: Option[] = [];
  for (const o of candidates) {
    if (out.length === ALTERNATIVES_WANTED) break;
    if (sameReception(o.reception, current) || out.some((x) => sameReception(x.reception, o.reception))) continue;
    const placed = place(o);
    if (placed) out.push(placed);
  }
  return out.sort((a, b) => Number(b.quiet) - Number(a.quiet) || a.reception.start - b.reception.start);
}
