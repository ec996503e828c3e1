import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import type { Announce } from "../shared/announcer.js";
import type { Lang, Translate } from "../shared/i18n.js";
import { type SentBack, stepOpening } from "./step-opening.js";
import { NUMBERED, type Step } from "./steps.js";
import type { Key } from "./strings.js";

// A step opening (app.tsx): the focus moves to it and the live region says where the
// customer is, and why when a refusal sent them there (step-opening.ts has the words).

/**
 * Focus and announce on every step change (not on first render: the page owns focus
 * then). A layout effect: focus moves in the same frame the step appears. `why` is read
 * as the step opens: the refusal that sent the customer there, if any.
 */
export function useStepFocus(
  step: Step,
  heading: RefObject<HTMLHeadingElement | null>,
  t: Translate<Key>,
  lang: Lang,
  announce: Announce,
  why: () => SentBack | null,
) {
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A step opened to put something right (a refusal) focuses the answer at fault, and
    // says why after where the customer is.
    const invalid = heading.current?.parentElement?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? heading.current)?.focus();
    const n = NUMBERED.indexOf(step);
    const title = heading.current?.textContent ?? "";
    const where = n >= 0 ? `${t("stepOf", { n: n + 1, total: NUMBERED.length })}: ${title}` : title;
    announce(stepOpening(lang, where, why()), "opening");
  }, [step]);
}
