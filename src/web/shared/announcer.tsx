import { useCallback, useState } from "preact/hooks";
import { type Spoken, speak, type Said } from "./spoken.js";

// One polite live region per page: step changes, loaded times and results are spoken by
// screen readers. A step's opening ("opening": where the customer is, and why they were
// sent there) is not replaced by what its step loads next ("follow": the day's free
// times): that is added after it, and read after it (spoken.ts).

export type Announce = (message: string, how?: Said) => void;

export function useAnnouncer(): [readonly string[], Announce] {
  const [state, setState] = useState<Spoken>({ parts: [], opening: false });
  const announce = useCallback<Announce>((text, how) => setState((s) => speak(s, text, how)), []);
  return [state.parts, announce];
}

export function LiveRegion({ message }: { message: readonly string[] }) {
  // One element per part: an added part is read on its own (aria-relevant's "additions").
  return (
    <div role="status" aria-live="polite" class="pl-sr">
      {message.map((m, i) => (
        <span key={i}>
          {i > 0 ? " " : ""}
          {m}
        </span>
      ))}
    </div>
  );
}
