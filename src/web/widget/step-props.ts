import type { RefObject } from "preact";
import type { Lang, Translate } from "../shared/i18n.js";
import type { DealerInfo } from "../shared/types.js";
import type { Key } from "./strings.js";

export type { VisitStep } from "./fault-step.js";

/** What every step gets: words, language, the dealer, and the ref its <h2> must take. */
export interface StepProps {
  t: Translate<Key>;
  lang: Lang;
  dealer: DealerInfo;
  heading: RefObject<HTMLHeadingElement | null>;
}
