import { useRef, useState } from "preact/hooks";
import { isStale, refusalOf, type Refusal } from "./refusal.js";

// A refusal in words: the sentence, then each broken rule.
export function RefusalView({ refusal }: { refusal: Refusal }) {
  return (
    <div role="alert" class="refusal">
      <p class="error">{refusal.sentence}</p>
      {refusal.rules.length > 0 && (
        <ul>
          {refusal.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A dialog's one call at a time (useRefusal): `keep` leaves the last refusal shown meanwhile. */
export type Attempt = (work: () => Promise<void>, keep?: boolean) => Promise<void>;

/**
 * A dialog's refusal: `attempt(work)` runs a call and shows what refused it (with
 * `onStale`, a stale version's sentence goes there instead: the board reloads). It clears
 * the last refusal first unless `keep`: the forms a refusal opened (force past the caps)
 * stay, and keep the focus, while their own call runs.
 *
 * One call at a time: a second press while one runs does nothing (`busy` says so to the
 * buttons). Before, a double-clicked Confirm sent two; the second met the version the
 * first had just moved on and told the advisor "someone changed it meanwhile" about
 * their own click. A ref, not the state: both clicks of a double click land before a render.
 */
export function useRefusal(initial: Refusal | null = null, onStale?: (sentence: string) => void) {
  const [refusal, setRefusal] = useState<Refusal | null>(initial);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const attempt: Attempt = async (work, keep = false) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    if (!keep) setRefusal(null);
    try {
      await work();
    } catch (err) {
      if (onStale && isStale(err)) return onStale(refusalOf(err).sentence);
      setRefusal(refusalOf(err));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  /** The last refusal taken back: a new try the page stops before any call (a field said wrong). */
  const clear = () => setRefusal(null);
  return { refusal, attempt, busy, clear };
}
