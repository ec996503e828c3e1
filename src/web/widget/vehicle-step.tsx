import { useRef, useState } from "preact/hooks";
import { FIELD_MAX } from "../../core/field-limits.js";
import type { Problem } from "../shared/problem.js";
import { problemFields, problemSentence } from "../shared/problem-sentence.js";
import { CheckField, fieldsOf, TextField } from "./fields.js";
import { Nav } from "./nav.js";
import type { StepProps } from "./step-props.js";

// The second step: which car (its model, its VIN if the customer has it, whether it is
// electrified, whether it was serviced here before). Continue checks the model (there, and not too long) and the VIN
// (ISO 3779, when given), says what is wrong under the field, and puts the focus on it.
// Opened to put right a car a later step's call refused (`fault`), it says why under the
// field the refusal names, in the words the widget uses for that problem elsewhere
// (problem-sentence.ts); that sentence goes once the field changes.

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
    // A field's error, the step's own check or a refusal's, goes once that field changes
    // (as on the board): it no longer describes what the field holds. Continue checks again.
    if (patch.model !== undefined) setErr(null);
    if (patch.vin !== undefined) setVinErr(null);
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
