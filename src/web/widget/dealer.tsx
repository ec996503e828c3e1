import { useEffect, useState } from "preact/hooks";
import { apiCall, dealerPath } from "../shared/api.js";
import type { Lang, Translate } from "../shared/i18n.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import type { DealerInfo } from "../shared/types.js";
import type { Key } from "./strings.js";

// The dealer the widget books with, read once (GET /v1/dealers/{id}): its services, its
// language and time zone. Until it is in, the widget says it is loading; a refusal (an
// unknown dealer) is the widget's only words (`fatal`). Both are DealerPending's.

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

/** The widget's box until the dealer is in: loading, or why it cannot book (its only words). */
export function DealerPending({ fatal, lang, t }: { fatal: Problem | null; lang: Lang; t: Translate<Key> }) {
  return fatal ? (
    <div class="pl-box" lang={lang}>
      <p class="pl-error" role="alert">
        {fatal.code === "not_found" ? t("noDealer") : problemSentence(fatal, lang)}
      </p>
    </div>
  ) : (
    <div class="pl-box" lang={lang} aria-busy="true">
      <p>{t("loading")}</p>
    </div>
  );
}
