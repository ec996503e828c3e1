import { describe, expect, it } from "vitest";
import { checkReception, checkReturn, deriveJob, isJobError } from "../../src/core/index.js";
import {
  APPOINTMENTS,
  HORIZON_DAYS,
  buildIndex,
  makeReferenceDealer,
  reference as ref,
} from "../../bench/fixtures/reference-dealer.js";

// The benchmark's reference dealer must be what it claims: deterministic, and 1,000
// appointments each of which the rules still accept with all the others in place (what a
// move re-validates), not merely in the order they were booked.

describe("reference dealer fixture", () => {
  it("is deterministic", () => {
    const again = makeReferenceDealer();
    expect(again.bookings).toEqual(ref.bookings);
    expect(ref.bookings).toHaveLength(APPOINTMENTS);
  });

  it("holds only appointments that pass every rule against all the others", () => {
    const index = buildIndex();
    const horizonEnd = ref.dealer.day(ref.fromDay + HORIZON_DAYS).zone.start;
    for (const b of ref.bookings) {
      expect(b.reception.start).toBeGreaterThanOrEqual(ref.now);
      expect(b.reception.start).toBeLessThan(horizonEnd);
      index.remove(b.id);
      const req = ref.requests[ref.bookings.indexOf(b)];
      const job = deriveJob(ref.dealer, req);
      if (isJobError(job)) throw new Error(job.detail);
      const chk = checkReception(index, {
        advisor: b.reception.advisor,
        start: b.reception.start,
        minutes: b.reception.minutes,
        job,
        now: ref.now,
      });
      expect(chk.violations, b.id).toEqual([]);
      if (b.ret) expect(checkReturn(index, b.ret, b.readyAt), b.id).toEqual([]);
      index.add(b);
    }
  });
});
