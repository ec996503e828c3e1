import { useCallback, useRef, useState } from "preact/hooks";
import { board } from "./api.js";
import { refusalOf } from "./refusal.js";
import type { Appointment, Session } from "./types.js";

// The appointments' details (GET …/appointments/{id}: customer, work, parts) as the page last
// read them, for the tooltips and the dialogs; dropped at each reload of the day (`forget`),
// since they may have changed. `read` rejects with a sentence; `load` reads them once per
// reload. A read that failed (network, 5xx) is kept as its sentence in `failed` until one
// succeeds: the appointment dialog says it with "Try again", a tooltip says it (and the
// next hover or focus asks again), and each new day read asks again by itself (the server
// may be back). It is not dropped meanwhile, so an alert is not taken away and said again
// at each live change while the appointment still cannot be read.

export function useDetails(session: Session, onSessionLost: (err: unknown) => void) {
  const details = useRef(new Map<string, Appointment>());
  const failed = useRef(new Map<string, string>());
  // A read in flight, per appointment: a click is a hover and a focus at once, and the
  // dialog it opens asks too; they share one GET instead of sending three.
  const inFlight = useRef(new Map<string, Promise<void>>());
  const [, setTick] = useState(0);
  const fetchOnce = useCallback(
    async (id: string) => {
      try {
        details.current.set(id, await board.appointment(session, id));
        failed.current.delete(id);
        setTick((n) => n + 1);
      } catch (err) {
        onSessionLost(err);
        const sentence = refusalOf(err).sentence;
        failed.current.set(id, sentence);
        setTick((n) => n + 1);
        throw new Error(sentence);
      }
    },
    [session],
  );
  const read = useCallback(
    (id: string): Promise<void> => {
      const going = inFlight.current.get(id);
      if (going) return going;
      const p = fetchOnce(id).finally(() => {
        if (inFlight.current.get(id) === p) inFlight.current.delete(id);
      });
      inFlight.current.set(id, p);
      return p;
    },
    [fetchOnce],
  );
  const load = useCallback(
    (id: string) => {
      if (!details.current.has(id)) read(id).catch(() => {});
    },
    [read],
  );
  /** A new day read: the details may have changed, and one that could not be read may be read now. */
  const forget = () => {
    details.current.clear();
    inFlight.current.clear(); // a read begun before this day read may hold the old details: ask anew
    for (const id of failed.current.keys()) read(id).catch(() => {});
  };
  return { details: details.current, failed: failed.current, read, load, forget };
}
