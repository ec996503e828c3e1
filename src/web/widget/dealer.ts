import { useEffect, useState } from "preact/hooks";
import { apiCall, dealerPath } from "../shared/api.js";
import type { Problem } from "../shared/problem.js";
import type { DealerInfo } from "../shared/types.js";

// The dealer the widget books with, read once (GET /v1/dealers/{id}): its services, its
// language and time zone. Until it is in, the widget says it is loading; a refusal (an
// unknown dealer) is the widget's only words (`fatal`).

/**
 * `onLoaded` runs once, with the dealer just read. The trap: it is the one given at the
 * first render (the read is once per dealer), so it may use state setters only.
 */
export function useDealer(api: string, id: string, onLoaded: (d: DealerInfo) => void) {
  const [dealer, setDealer] = useState<DealerInfo | null>(null);
  const [fatal, setFatal] = useState<Problem | null>(null);
  useEffect(() => {
    void apiCall<DealerInfo>(api, "GET", dealerPath(id)).then((r) => {
      if (r.ok) {
        setDealer(r.data);
        onLoaded(r.data);
      } else setFatal(r.problem);
    });
  }, [api, id]);
  return { dealer, fatal };
}
