import { call } from "../http-setup.js";

// Bookings at a steady rate beside a load (bench/http.bench.ts: the search while a dealer
// is being booked). Every committed booking moves the dealer's index on, so the search's
// remembered answers (scheduler/answer-memo.ts) start over: this measures the search as a
// campaign meets it, not only between two bookings.

export interface PacedWrites {
  /** Stops sending and resolves once the requests in flight have answered. */
  stop(): Promise<{ sent: number; booked: number; other: Record<string, number> }>;
}

/** POSTs bodies[0], bodies[1], … to path at perSecond (at most 8 in flight; bodies run out: stops). */
export function pacedWrites(base: string, path: string, bodies: string[], perSecond: number): PacedWrites {
  let next = 0;
  let booked = 0;
  const other: Record<string, number> = {};
  const inFlight = new Set<Promise<void>>();
  const send = () => {
    if (next >= bodies.length || inFlight.size >= 8) return;
    const body = JSON.parse(bodies[next++]);
    const p = call(base, "POST", path, body).then(
      (r) => {
        if (r.status === 201) booked++;
        else other[r.status] = (other[r.status] ?? 0) + 1;
      },
      () => {
        other.error = (other.error ?? 0) + 1;
      },
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  const timer = setInterval(send, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { sent: next, booked, other };
    },
  };
}
