import { useRef, useState } from "preact/hooks";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import { interventionLabel } from "../shared/recap.js";
import { CheckField, FieldError } from "./fields.js";
import { Nav } from "./nav.js";
import type { StepProps } from "./step-props.js";

// The first step: what the car needs, from the dealer's services. Continue with none
// says so and puts the focus on the first box. Opened to put right services a later
// step's call refused (`fault`), it says why above the boxes in the words the widget
// uses for that problem elsewhere (problem-sentence.ts) and marks the boxes chosen (the
// API does not say which one); the app drops the sentence once they change.

interface ServiceProps extends StepProps {
  value: string[];
  onChange: (v: string[]) => void;
  onNext: () => void;
  /** A later step's refusal of these services (the app drops it when they change). */
  fault?: Problem | null;
}

export function ServiceStep({ t, lang, dealer, heading, value, onChange, onNext, fault }: ServiceProps) {
  const [err, setErr] = useState<string | null>(null);
  const said = fault ? problemSentence(fault, lang, dealer.phone) : null;
  const box = useRef<HTMLFieldSetElement>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    if (value.length === 0) {
      setErr(t("serviceNone"));
      box.current?.querySelector("input")?.focus();
    } else onNext();
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("serviceTitle")}
      </h2>
      <FieldError id="pl-svc-fault" text={said} live={false} phone={dealer.phone} />
      <fieldset ref={box} aria-describedby={err ? "pl-svc-err" : undefined}>
        <legend>{t("serviceLegend")}</legend>
        {dealer.interventions.map((i) => (
          <CheckField
            key={i.code}
            label={interventionLabel(i.code, i.label, lang)}
            checked={value.includes(i.code)}
            // The services chosen are the answer refused (which one, the API does not say).
            errorId={said && value.includes(i.code) ? "pl-svc-fault" : undefined}
            onChecked={(on) => {
              onChange(on ? [...value, i.code] : value.filter((c) => c !== i.code));
              setErr(null); // "choose a service" goes with the first change, as every field's error
            }}
          />
        ))}
      </fieldset>
      <FieldError id="pl-svc-err" text={err} />
      <Nav t={t} />
    </form>
  );
}
