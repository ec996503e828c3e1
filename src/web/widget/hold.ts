import { useEffect, useRef, useState } from "preact/hooks";
import { apiCall, dealerPath } from "../shared/api.js";
import type { Hold } from "../shared/types.js";

// The hold on the chosen time, over its life in the widget: placed by the times step
// (when-step.tsx), kept while the customer types their details, given back when they go
// back, change the visit or place another, or leave the page. A hold given back is
// awaited before anything that its time matters to (`released`).

export function useHold(api: string, dealer: string) {
  const [hold, setHold] = useState<Hold | null>(null);
  const holdPath = (h: Hold) => `${dealerPath(dealer)}/holds/${encodeURIComponent(h.holdId)}`;
  // The hold given back last, in flight: the times wait for it (its time is free again
  // only once it lands), and so does the next hold (the customer's own old hold must not
  // count against the new one, e.g. the same advisor's hour).
  const released = useRef<Promise<unknown>>(Promise.resolve());
  const releaseHold = () => {
    // No hold (the times step's first Continue): nothing to send and no 3 s wait. What is
    // returned is the release still in flight, if any (resolved at once when none): the
    // next hold waits for it all the same.
    if (!hold) return released.current;
    // Waited for 3 s at most: a release that hangs (a dead network) must not hang the step.
    const wait = new Promise((done) => setTimeout(done, 3000));
    released.current = Promise.race([apiCall(api, "DELETE", holdPath(hold)), wait]);
    setHold(null);
    return released.current;
  };
  // A customer who leaves mid-way gives the time back at once instead of at expiry
  // (keepalive: the request outlives the page).
  useEffect(() => {
    if (!hold) return;
    const leave = () => {
      void fetch(api + holdPath(hold), {
        method: "DELETE",
        keepalive: true,
        credentials: "omit",
      }).catch(() => {});
    };
    addEventListener("pagehide", leave);
    return () => removeEventListener("pagehide", leave);
  }, [hold]);
  return { hold, setHold, released, releaseHold };
}
