import { FormActions } from "../shared/form-actions.js";
import type { StepProps } from "./step-props.js";

// A step's way on and back: the shared form actions (shared/form-actions.tsx) in the
// widget's words. Every step's form ends with it, so it is a file of its own rather than
// one step's (the steps import it, never each other).

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
