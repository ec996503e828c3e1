import { useState } from "preact/hooks";
import type { Problem } from "../shared/problem.js";
import type { VisitStep } from "./fault-step.js";

// Where the customer is in the booking (app.tsx): the step shown, and the refusal said at
// it when a later call sent them back there (`fault`: that step's only, dropped once they
// change the answer or move on; said again if it still stands).

export type Step = "service" | "vehicle" | "mobility" | "when" | "contact" | "done";

/** The steps counted in "Step n of 5" (the confirmation is none of them). */
export const NUMBERED: Step[] = ["service", "vehicle", "mobility", "when", "contact"];

export type Steps = ReturnType<typeof useSteps>;

export function useSteps() {
  const [step, setStep] = useState<Step>("service");
  // A refusal's problem, said at the step it sent the customer back to (that step's only).
  const [fault, setFault] = useState<{ step: VisitStep; problem: Problem } | null>(null);
  /** To another step: a refusal said on the one left is dropped (it is said again if it still stands). */
  const go = (s: Step) => {
    setFault(null);
    setStep(s);
  };
  /** Back to the step whose answer a later call refused, to say why there. */
  const fix = (s: VisitStep, problem: Problem) => {
    setFault({ step: s, problem });
    setStep(s);
  };
  /** The refusal a step shows, while it is that step's. */
  const faultOf = (s: VisitStep) => (fault?.step === s ? fault.problem : null);
  /** A step's answer changed: its refusal no longer applies. */
  const changed =
    <T>(set: (v: T) => void) =>
    (v: T) => {
      setFault(null);
      set(v);
    };
  /** A form step's value, and where Back and Continue lead. */
  const between = <T>(value: T, onChange: (v: T) => void, back: Step, next: Step) => ({
    value,
    onChange,
    onBack: () => go(back),
    onNext: () => go(next),
  });
  return { step, fault, setFault, go, fix, faultOf, changed, between };
}
