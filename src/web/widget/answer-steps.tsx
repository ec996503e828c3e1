import type { Answers } from "./answers.js";
import { MobilityStep } from "./mobility-step.js";
import { ServiceStep } from "./service-step.js";
import type { StepProps } from "./step-props.js";
import type { Steps } from "./steps.js";
import { VehicleStep } from "./vehicle-step.js";

// The three steps that ask about the visit (app.tsx): the services, the car, the
// mobility. No call to the API: each keeps its answer (answers.ts) and leads on; a later
// step's refusal of an answer is shown at its step until the answer changes (steps.ts).

interface Props {
  common: StepProps;
  steps: Steps;
  answers: Answers;
}

export function AnswerSteps({ common, steps, answers }: Props) {
  const { step, go, changed, between, faultOf } = steps;
  const { services, setServices, vehicle, setVehicle, mobility, setMobility } = answers;
  return (
    <>
      {step === "service" && (
        <ServiceStep
          {...common}
          value={services}
          onChange={changed(setServices)}
          onNext={() => go("vehicle")}
          fault={faultOf("service")}
        />
      )}
      {step === "vehicle" && (
        <VehicleStep {...common} {...between(vehicle, setVehicle, "service", "mobility")} fault={faultOf("vehicle")} />
      )}
      {step === "mobility" && (
        <MobilityStep
          {...common}
          {...between(mobility, changed(setMobility), "vehicle", "when")}
          fault={faultOf("mobility")}
        />
      )}
    </>
  );
}
