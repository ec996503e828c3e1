import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import { MOBILITY_CHOICES } from "../shared/recap-words.js";
import type { Mobility } from "../shared/types.js";
import { FieldError } from "./fields.js";
import { Nav } from "./nav.js";
import type { StepProps } from "./step-props.js";

// The third step: how the customer gets around while the car is in, from the dealer's
// choices (one is always chosen: "none" to start with). Opened to put right a mobility a
// later step's call refused (`fault`: the last courtesy car taken meanwhile), it says why
// above the choices in the words the widget uses for that problem elsewhere
// (problem-sentence.ts) and marks the choice at fault, which the app focuses (app.tsx);
// the sentence goes once another is chosen.

interface MobilityProps extends StepProps {
  value: Mobility;
  onChange: (v: Mobility) => void;
  onBack: () => void;
  onNext: () => void;
  /** A later step's refusal of this mobility (the app drops it when another is chosen). */
  fault?: Problem | null;
}

export function MobilityStep({ t, lang, dealer, heading, value, onChange, onBack, onNext, fault }: MobilityProps) {
  const said = fault ? problemSentence(fault, lang, dealer.phone) : null;
  return (
    <form onSubmit={(e) => (e.preventDefault(), onNext())}>
      <h2 ref={heading} tabIndex={-1}>
        {t("mobilityTitle")}
      </h2>
      <FieldError id="pl-mob-fault" text={said} live={false} phone={dealer.phone} />
      <fieldset>
        <legend>{t("mobilityLegend")}</legend>
        {dealer.mobility.map((m) => (
          <label class="pl-check" key={m}>
            <input
              type="radio"
              name="pl-mobility"
              value={m}
              checked={value === m}
              aria-invalid={said && value === m ? "true" : undefined}
              aria-describedby={said && value === m ? "pl-mob-fault" : undefined}
              onChange={() => onChange(m)}
            />
            <span>{MOBILITY_CHOICES[lang][m]}</span>
          </label>
        ))}
      </fieldset>
      <Nav t={t} onBack={onBack} />
    </form>
  );
}
