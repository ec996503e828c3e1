import { useRef, useState } from "preact/hooks";
import { t } from "./i18n.js";

// A plan shown for a form (an absence, running late, a swap) is the plan of the form as it
// was when shown: any edit of the form withdraws it, and a polite status says so (Apply
// goes until it is shown again). Before, an edit left the old plan up: Apply then applied
// what the form no longer said (15 minutes late when it now read 30), or sent the edited
// values with the old plan's token, which the server refused as "someone changed this".
// A plan asked before the last edit is dropped when it arrives.

export function useFormPlan<P>() {
  const [plan, setPlan] = useState<P | null>(null);
  const [withdrawn, setWithdrawn] = useState("");
  const edits = useRef(0);
  /** Wraps a field's setter: the edit withdraws the plan shown. */
  const edited =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      edits.current++;
      if (plan) setWithdrawn(t("planWithdrawn"));
      setPlan(null);
    };
  /** A plan is asked now: `settle` shows its answer (or none) unless the form was edited meanwhile. */
  const asking = () => {
    const at = edits.current;
    setWithdrawn("");
    return (p: P | null) => {
      if (at === edits.current) setPlan(p);
    };
  };
  return { plan, withdrawn, edited, asking };
}

/** Where the withdrawal is said (always in the page, so that its text is announced when it comes). */
export function PlanWithdrawn({ text }: { text: string }) {
  return (
    <p role="status" class="muted" data-testid="plan-withdrawn">
      {text}
    </p>
  );
}
