import type { RefObject } from "preact";
import type { Lang, Translate } from "../shared/i18n.js";
import type { DealerInfo } from "../shared/types.js";
import type { Key } from "./strings.js";

/** The steps whose answers shape the options: a refused search sends the customer back to one. */
export type VisitStep = "service" | "vehicle" | "mobility";

/** What every step gets: words, language, the dealer, and the ref its <h2> must take. */
export interface StepProps {
  t: Translate<Key>;
  lang: Lang;
  dealer: DealerInfo;
  heading: RefObject<HTMLHeadingElement | null>;
}
