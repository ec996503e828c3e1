import { useRef, useState } from "preact/hooks";
import { FIELD_MAX } from "../../core/field-limits.js";
import { FormActions } from "../shared/form-actions.js";
import type { Problem } from "../shared/problem.js";
import { problemFields, problemSentence } from "../shared/problem-sentence.js";
import { interventionLabel } from "../shared/recap.js";
import { MOBILITY_CHOICES } from "../shared/recap-words.js";
import type { Mobility } from "../shared/types.js";
import { CheckField, FieldError, fieldsOf, TextField } from "./fields.js";
import type { StepProps } from "./step-props.js";

// The first three steps: what the car needs, which car, and how the customer gets around
// meanwhile. Each validates on Continue, says what is missing in words, and puts the
// focus on the field to fix. Each can also be opened to put right an answer a later step's
// call refused (`fault`): it says why in the same words the widget says that problem with
// elsewhere (problem-sentence.ts), above its fields, marks the answer at fault (which the
// app focuses, app.tsx), and the sentence goes once that answer changes.

/** A step's Continue (or `nextLabel`) and Back. */
export function Nav({
  t,
  onBack,
  nextLabel,
  busy,
}: {
  t: StepProps["t"];
  onBack?: () => void;
  nextLabel?: string;
  busy?: boolean;
}) {
  return <FormActions submit={nextLabel ?? t("next")} back={t("back")} onBack={onBack} busy={busy} />;
}

interface ServiceProps extends StepProps {
  value: string[];
  onChange: (v: string[]) => void;
  onNext: () => void;
  /** A later step's refusal of these services (the app drops it when they change). */
  fault?: Problem | null;
}

export function ServiceStep({ t, lang, dealer, heading, value, onChange, onNext, fault }: ServiceProps) {
  const [err, setErr] = useState<string | null>(null);
  const said = fault ? problemSentence(fault, lang) : null;
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
      <FieldError id="pl-svc-fault" text={said} live={false} />
      <fieldset ref={box} aria-describedby={err ? "pl-svc-err" : undefined}>
        <legend>{t("serviceLegend")}</legend>
        {dealer.interventions.map((i) => (
          <CheckField
            key={i.code}
            label={interventionLabel(i.code, i.label, lang)}
            checked={value.includes(i.code)}
            // The services chosen are the answer refused (which one, the API does not say).
            errorId={said && value.includes(i.code) ? "pl-svc-fault" : undefined}
            onChecked={(on) => onChange(on ? [...value, i.code] : value.filter((c) => c !== i.code))}
          />
        ))}
      </fieldset>
      <FieldError id="pl-svc-err" text={err} />
      <Nav t={t} />
    </form>
  );
}

/** ISO 3779: 17 letters and digits, never I, O or Q (the API's Vin). */
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/i;

export interface VehicleInput {
  model: string;
  vin: string;
  electrified: boolean;
  known: boolean;
}

interface VehicleProps extends StepProps {
  value: VehicleInput;
  onChange: (v: VehicleInput) => void;
  onBack: () => void;
  onNext: () => void;
  /** A later step's refused search that named this car: said at its field, which takes focus. */
  fault?: Problem | null;
}

export function VehicleStep({ t, lang, heading, value, onChange, onBack, onNext, fault }: VehicleProps) {
  const named = fault ? problemFields(fault).filter((f) => f.split(".")[0] === "vehicle") : [];
  const said = fault && named.length > 0 ? problemSentence(fault, lang) : null;
  const vinAtFault = named.includes("vehicle.vin");
  const [err, setErr] = useState<string | null>(vinAtFault && !named.includes("vehicle.model") ? null : said);
  const [vinErr, setVinErr] = useState<string | null>(vinAtFault ? said : null);
  const model = useRef<HTMLInputElement>(null);
  const vin = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<VehicleInput>) => {
    onChange({ ...value, ...patch });
    // The refusal's sentence goes once the field it names changes (a check's stays till Continue).
    if (said && patch.model !== undefined && err === said) setErr(null);
    if (said && patch.vin !== undefined && vinErr === said) setVinErr(null);
  };
  const field = fieldsOf<"model" | "vin">(t, value, set);
  const submit = (e: Event) => {
    e.preventDefault();
    const badVin = value.vin.trim() !== "" && !VIN.test(value.vin.trim());
    // maxLength stops typing past the API's limit; a model preset by the page may still be longer.
    const badModel = !value.model.trim()
      ? t("modelMissing")
      : value.model.trim().length > FIELD_MAX.model
        ? t("modelTooLong", { max: FIELD_MAX.model })
        : null;
    setErr(badModel);
    setVinErr(badVin ? t("vinInvalid") : null);
    if (badModel) model.current?.focus();
    else if (badVin) vin.current?.focus();
    else onNext();
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {t("vehicleTitle")}
      </h2>
      <TextField
        {...field("model")}
        inputRef={model}
        autocomplete="off"
        required
        maxLength={FIELD_MAX.model}
        error={err}
        errorLive={err !== said}
      />
      <TextField
        {...field("vin")}
        inputRef={vin}
        autocomplete="off"
        maxLength={FIELD_MAX.vin}
        hint={t("vinHint")}
        error={vinErr}
        errorLive={vinErr !== said}
      />
      <CheckField
        label={t("electrified")}
        checked={value.electrified}
        onChecked={(electrified) => set({ electrified })}
      />
      <CheckField label={t("known")} checked={value.known} onChecked={(known) => set({ known })} />
      <Nav t={t} onBack={onBack} />
    </form>
  );
}

interface MobilityProps extends StepProps {
  value: Mobility;
  onChange: (v: Mobility) => void;
  onBack: () => void;
  onNext: () => void;
  /** A later step's refusal of this mobility (the app drops it when another is chosen). */
  fault?: Problem | null;
}

export function MobilityStep({ t, lang, dealer, heading, value, onChange, onBack, onNext, fault }: MobilityProps) {
  const said = fault ? problemSentence(fault, lang) : null;
  return (
    <form onSubmit={(e) => (e.preventDefault(), onNext())}>
      <h2 ref={heading} tabIndex={-1}>
        {t("mobilityTitle")}
      </h2>
      <FieldError id="pl-mob-fault" text={said} live={false} />
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
