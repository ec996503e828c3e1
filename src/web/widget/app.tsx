import { useMemo, useRef, useState } from "preact/hooks";
import { LiveRegion, useAnnouncer } from "../shared/announcer.js";
import { pickLang, translator } from "../shared/i18n.js";
import type { Problem } from "../shared/problem.js";
import type { Appointment, Mobility, Option } from "../shared/types.js";
import { AnswerSteps } from "./answer-steps.js";
import { useAnswers } from "./answers.js";
import { ContactStep } from "./contact-step.js";
import { DealerPending, useDealer } from "./dealer.js";
import { DoneStep } from "./done-step.js";
import { useHold } from "./hold.js";
import { useStepFocus } from "./step-focus.js";
import type { SentBack } from "./step-opening.js";
import { NUMBERED, useSteps } from "./steps.js";
import { STRINGS } from "./strings.js";
import { timeAgain, WhenStep } from "./when-step.js";

// The booking flow: service → vehicle → mobility → day and time → details (with a hold
// on the chosen time) → confirmation. One step is shown at a time; on every change the
// step's heading takes focus and the live region says where the customer is. A later
// step's call refused for an earlier step's answer (the times, the hold, the booking) goes
// back to that step, which says why (`fault`): the live region says it with the step, the
// answer at fault takes the focus, and the sentence goes once the customer changes it.
// A time lost at the last step (someone took it) sends the customer back to the times,
// whose opening says so and how many other times come first; the day's free times are
// said after it (step-opening.ts), not instead of it. Back on the times after changing the
// visit (services, car, mobility), the time chosen for the old one is not carried over (its
// length, ready time, return or mobility differ): the step opens on its day and says it
// must be chosen again, naming it, instead of dropping it unsaid. Parts: dealer.tsx, answers.ts (asked
// by answer-steps.tsx), steps.ts, step-focus.ts, hold.ts; here, what each step's end changes.

export interface WidgetProps {
  dealer: string;
  api: string;
  lang: string | null;
  vehicleModel: string | null;
  vin: string | null;
  interventions: string | null;
  theme: string | null;
}

export function BookingApp(p: WidgetProps) {
  const answers = useAnswers(p);
  // Preset services the dealer does not offer are dropped as it loads.
  const { dealer, fatal } = useDealer(p.api, p.dealer, (d) => {
    const codes = d.interventions.map((i) => i.code);
    answers.setServices((s) => s.filter((c) => codes.includes(c)));
  });
  const lang = pickLang(p.lang, dealer?.locale);
  const t = useMemo(() => translator(STRINGS, lang), [lang]);
  const [message, announce] = useAnnouncer();
  const steps = useSteps();
  const { step, fault, setFault, go, fix } = steps;
  // The time chosen, and the visit it was an option for: it is one no longer once the
  // services, the car or the mobility change (another length, return, priority…).
  const [option, setOption] = useState<{ visit: string; option: Option } | null>(null);
  const [lost, setLost] = useState<{ visit: string; problem: Problem; alternatives: Option[] } | null>(null);
  const [booked, setBooked] = useState<{ appointment: Appointment; asked: Mobility } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const visitKey = JSON.stringify(answers.visit());
  const { hold, setHold, released, releaseHold } = useHold(p.api, p.dealer);
  // A time chosen for the visit as it was before a change: named again on the times.
  const before = option && option.visit !== visitKey ? option.option : null;

  useStepFocus(step, heading, t, lang, announce, (): SentBack | null => {
    // A time lost at the last step (taken meanwhile) is the times step's reason, with its
    // alternatives; the day's free times are said after all this, once they are in.
    const lostHere = step === "when" && lost?.visit === visitKey ? lost : null;
    const phone = dealer?.phone;
    if (fault?.step === step) return { problem: fault.problem, phone };
    if (lostHere) return { problem: lostHere.problem, alternatives: lostHere.alternatives.length, phone };
    return step === "when" && before ? { said: timeAgain(t, lang, before) } : null;
  });

  if (fatal || !dealer) return <DealerPending fatal={fatal} lang={lang} t={t} />;
  const n = NUMBERED.indexOf(step);
  const common = { t, lang, dealer, heading };
  // The two steps that call the API about this visit (the hold, the booking).
  const withVisit = { ...common, api: p.api, visit: answers.visit(), announce };
  const again = () => {
    answers.reset(dealer);
    setOption(null);
    setLost(null);
    setFault(null);
    setBooked(null);
    go("service");
  };
  return (
    <div class="pl-box" lang={lang}>
      <LiveRegion message={message} />
      {n >= 0 && <p class="pl-steps">{t("stepOf", { n: n + 1, total: NUMBERED.length })}</p>}
      <AnswerSteps common={common} steps={steps} answers={answers} />
      {step === "when" && (
        <WhenStep
          {...withVisit}
          chosen={option?.visit === visitKey ? option.option : null}
          before={before}
          lost={lost?.visit === visitKey ? lost : null}
          released={released.current}
          onBack={() => go("mobility")}
          onFix={fix}
          onHeld={(h) => {
            setHold(h);
            setOption({ visit: visitKey, option: h.option });
            setLost(null);
            go("contact");
          }}
          beforeHold={releaseHold}
        />
      )}
      {step === "contact" && hold && (
        <ContactStep
          {...withVisit}
          hold={hold}
          value={answers.contact}
          onChange={answers.setContact}
          onBack={() => {
            releaseHold();
            go("when");
          }}
          onBooked={(a) => {
            setBooked({ appointment: a, asked: answers.mobility });
            setHold(null);
            go("done");
          }}
          onLost={(problem, alternatives) => {
            setHold(null);
            setLost({ visit: visitKey, problem, alternatives });
            go("when");
          }}
          onFix={(to, problem) => {
            // The visit changes there: the time held for it goes back at once.
            releaseHold();
            fix(to, problem);
          }}
        />
      )}
      {step === "done" && booked && (
        <DoneStep {...common} api={p.api} booking={booked.appointment} asked={booked.asked} onAgain={again} />
      )}
    </div>
  );
}
