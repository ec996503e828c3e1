import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { LiveRegion, useAnnouncer } from "../shared/announcer.js";
import { apiCall, dealerPath } from "../shared/api.js";
import { pickLang, translator } from "../shared/i18n.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import type { Appointment, DealerInfo, Hold, Mobility, Option } from "../shared/types.js";
import { ContactStep, type Contact, NO_CONTACT } from "./contact-step.js";
import { DoneStep } from "./done-step.js";
import type { VisitStep } from "./fault-step.js";
import { MobilityStep, ServiceStep, VehicleStep, type VehicleInput } from "./simple-steps.js";
import { STRINGS } from "./strings.js";
import { type SentBack, stepOpening } from "./step-opening.js";
import { WhenStep } from "./when-step.js";

// The booking flow: service → vehicle → mobility → day and time → details (with a hold
// on the chosen time) → confirmation. One step is shown at a time; on every change the
// step's heading takes focus and the live region says where the customer is. A later
// step's call refused for an earlier step's answer (the times, the hold, the booking) goes
// back to that step, which says why (`fault`): the live region says it with the step, the
// answer at fault takes the focus, and the sentence goes once the customer changes it.
// A time lost at the last step (someone took it) sends the customer back to the times,
// whose opening says so and how many other times come first; the day's free times are
// said after it (step-opening.ts), not instead of it.

export interface WidgetProps {
  dealer: string;
  api: string;
  lang: string | null;
  vehicleModel: string | null;
  vin: string | null;
  interventions: string | null;
  theme: string | null;
}

export type Step = "service" | "vehicle" | "mobility" | "when" | "contact" | "done";

const NUMBERED: Step[] = ["service", "vehicle", "mobility", "when", "contact"];

export function BookingApp(p: WidgetProps) {
  const [dealer, setDealer] = useState<DealerInfo | null>(null);
  const [fatal, setFatal] = useState<Problem | null>(null);
  const lang = pickLang(p.lang, dealer?.locale);
  const t = useMemo(() => translator(STRINGS, lang), [lang]);
  const [message, announce] = useAnnouncer();
  const [step, setStep] = useState<Step>("service");
  // What the page presets (attributes, ?query): where every booking starts.
  const presetServices = () =>
    (p.interventions ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((c) => c && (!dealer || dealer.interventions.some((i) => i.code === c)));
  const presetVehicle = (): VehicleInput => ({
    model: p.vehicleModel ?? "",
    vin: p.vin ?? "",
    electrified: false,
    known: false,
  });
  const [services, setServices] = useState<string[]>(presetServices);
  const [vehicle, setVehicle] = useState<VehicleInput>(presetVehicle);
  const [mobility, setMobility] = useState<Mobility>("none");
  // The time chosen, and the visit it was an option for: it is one no longer once the
  // services, the car or the mobility change (another length, return, priority…).
  const [option, setOption] = useState<{ visit: string; option: Option } | null>(null);
  const [hold, setHold] = useState<Hold | null>(null);
  const [lost, setLost] = useState<{ visit: string; problem: Problem; alternatives: Option[] } | null>(null);
  // The customer's details: kept across this booking's Back and Continue, never past it.
  const [contact, setContact] = useState<Contact>(NO_CONTACT);
  // A refusal's problem, said at the step it sent the customer back to (that step's only).
  const [fault, setFault] = useState<{ step: VisitStep; problem: Problem } | null>(null);
  const [booked, setBooked] = useState<{ appointment: Appointment; asked: Mobility } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    void apiCall<DealerInfo>(p.api, "GET", dealerPath(p.dealer)).then((r) => {
      if (r.ok) {
        setDealer(r.data);
        const codes = r.data.interventions.map((i) => i.code);
        setServices((s) => s.filter((c) => codes.includes(c)));
      } else setFatal(r.problem);
    });
  }, [p.api, p.dealer]);

  // Focus and announce on every step change (not on first render: the page owns focus
  // then). A layout effect: focus moves in the same frame the step appears.
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
    // A time lost at the last step (taken meanwhile) is the times step's reason, with its
    // alternatives; the day's free times are said after all this, once they are in.
    const lostHere = step === "when" && lost?.visit === visitKey ? lost : null;
    const why: SentBack | null =
      fault?.step === step
        ? { problem: fault.problem }
        : lostHere && { problem: lostHere.problem, alternatives: lostHere.alternatives.length };
    announce(stepOpening(lang, where, why), "opening");
  }, [step]);

  const visit = () => ({
    vehicle: {
      model: vehicle.model.trim(),
      ...(vehicle.vin.trim() ? { vin: vehicle.vin.trim() } : {}),
      ...(vehicle.electrified ? { electrified: true } : {}),
    },
    interventions: services,
    customer: { known: vehicle.known },
    mobility,
  });
  const holdPath = (h: Hold) => `${dealerPath(p.dealer)}/holds/${encodeURIComponent(h.holdId)}`;
  // The hold given back last, in flight: the times wait for it (its time is free again
  // only once it lands), and so does the next hold (the customer's own old hold must not
  // count against the new one, e.g. the same advisor's hour).
  const released = useRef<Promise<unknown>>(Promise.resolve());
  const releaseHold = () => {
    // Waited for 3 s at most: a release that hangs (a dead network) must not hang the step.
    const wait = new Promise((done) => setTimeout(done, 3000));
    if (hold) released.current = Promise.race([apiCall(p.api, "DELETE", holdPath(hold)), wait]);
    setHold(null);
    return released.current;
  };
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
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setFault(null);
      set(v);
    };
  const visitKey = JSON.stringify(visit());
  /** A form step's value, and where Back and Continue lead. */
  const between = <T,>(value: T, onChange: (v: T) => void, back: Step, next: Step) => ({
    value,
    onChange,
    onBack: () => go(back),
    onNext: () => go(next),
  });
  // A customer who leaves mid-way gives the time back at once instead of at expiry
  // (keepalive: the request outlives the page).
  useEffect(() => {
    if (!hold) return;
    const leave = () => {
      void fetch(p.api + holdPath(hold), {
        method: "DELETE",
        keepalive: true,
        credentials: "omit",
      }).catch(() => {});
    };
    addEventListener("pagehide", leave);
    return () => removeEventListener("pagehide", leave);
  }, [hold]);

  if (fatal) {
    return (
      <div class="pl-box" lang={lang}>
        <p class="pl-error" role="alert">
          {fatal.code === "not_found" ? t("noDealer") : problemSentence(fatal, lang)}
        </p>
      </div>
    );
  }
  if (!dealer) {
    return (
      <div class="pl-box" lang={lang} aria-busy="true">
        <p>{t("loading")}</p>
      </div>
    );
  }
  const n = NUMBERED.indexOf(step);
  const common = { t, lang, dealer, heading };
  // The two steps that call the API about this visit (the hold, the booking).
  const withVisit = { ...common, api: p.api, visit: visit(), announce };
  const again = () => {
    // Another booking starts where the page started: on a shared device (a dealer's
    // kiosk) the next customer must not find the last one's name, phone, email or car.
    setServices(presetServices());
    setVehicle(presetVehicle());
    setMobility("none");
    setContact(NO_CONTACT);
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
      {step === "when" && (
        <WhenStep
          {...withVisit}
          chosen={option?.visit === visitKey ? option.option : null}
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
          value={contact}
          onChange={setContact}
          onBack={() => {
            releaseHold();
            go("when");
          }}
          onBooked={(a) => {
            setBooked({ appointment: a, asked: mobility });
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

export type { Contact };
