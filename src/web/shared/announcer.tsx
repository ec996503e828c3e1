import { useCallback, useState } from "preact/hooks";

// One polite live region per page: step changes, loaded times and results are spoken by
// screen readers. Re-announcing the same words needs a change, so a counter toggles a
// zero-width space.

export function useAnnouncer(): [string, (message: string) => void] {
  const [state, setState] = useState({ text: "", n: 0 });
  const announce = useCallback(
    (text: string) => setState((s) => ({ text: s.n % 2 ? text : `${text}\u200b`, n: s.n + 1 })),
    [],
  );
  return [state.text, announce];
}

export function LiveRegion({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite" class="pl-sr">
      {message}
    </div>
  );
}
