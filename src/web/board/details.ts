import { useCallback, useRef, useState } from "preact/hooks";
import { board, refusalOf } from "./api.js";
import type { Appointment, Session } from "./types.js";

// The appointments' details (GET …/appointments/{id}: customer, work, parts) as the page last
// read them, for the tooltips and the dialogs; dropped at each reload of the day (`forget`),
// since they may have changed. `read` rejects with a sentence (the parts dialog says it).
// `load`: the same once per reload, its failure left unsaid (a tooltip or the appointment
// dialog then shows what the day board has).

export function useDetails(session: Session, onSessionLost: (err: unknown) => void) {
  const details = useRef(new Map<string, Appointment>());
  const [, setTick] = useState(0);
  const read = useCallback(
    async (id: string) => {
      try {
        details.current.set(id, await board.appointment(session, id));
        setTick((n) => n + 1);
      } catch (err) {
        onSessionLost(err);
        throw new Error(refusalOf(err).sentence);
      }
    },
    [session],
  );
  const load = useCallback(
    (id: string) => {
      if (!details.current.has(id)) read(id).catch(() => {});
    },
    [read],
  );
  const forget = () => details.current.clear();
  return { details: details.current, read, load, forget };
}
