import type { Dealer } from "./dealer.js";
import type { Job, JobRequest } from "./types.js";

// The duration model, deterministic and in one place:
//
//   reception = max(each intervention's receptionMinutes,
//                   durations.newCustomerReceptionMinutes  if the customer is new,
//                   durations.courtesyCarReceptionMinutes  if a courtesy car is handed over)
//   return    = max(each intervention's returnMinutes,
//                   durations.newCustomerReturnMinutes     if the customer is new,
//                   durations.courtesyCarReturnMinutes     if a courtesy car comes back)
//
// The longest wins because one advisor handles the whole visit. Reception is therefore
// always 15 or 30 and return always 10–15: every input is already one of those values.
// Labour is summed per skill: two jobs of one skill need both technicians' time.

export type JobError = { code: "unknown_intervention"; detail: string } | { code: "no_intervention"; detail: string };

export function deriveJob(dealer: Dealer, req: JobRequest): Job | JobError {
  if (req.interventions.length === 0) return { code: "no_intervention", detail: "name at least one intervention" };
  const d = dealer.config.durations;
  const courtesy = req.mobility === "courtesy_car";
  let reception: 15 | 30 = 15;
  let ret = 10;
  // Per skill, in skill order (a handful of entries: an array beats a Map and a sort).
  const labour: Job["labour"] = [];
  const seen = new Set<string>();
  for (const code of req.interventions) {
    const iv = dealer.interventions.get(code);
    if (!iv)
      return {
        code: "unknown_intervention",
        detail: `unknown intervention "${code}"; this dealer offers ${[...dealer.interventions.keys()].join(", ")}`,
      };
    // Naming a job twice is one job, not twice the labour.
    if (seen.has(code)) continue;
    seen.add(code);
    if (iv.receptionMinutes > reception) reception = iv.receptionMinutes;
    if (iv.returnMinutes > ret) ret = iv.returnMinutes;
    if (iv.labourMinutes > 0) addLabour(labour, iv.skill, iv.labourMinutes);
  }
  if (!req.known) {
    if (d.newCustomerReceptionMinutes > reception) reception = d.newCustomerReceptionMinutes;
    ret = Math.max(ret, d.newCustomerReturnMinutes);
  }
  if (courtesy) {
    if (d.courtesyCarReceptionMinutes > reception) reception = d.courtesyCarReceptionMinutes;
    ret = Math.max(ret, d.courtesyCarReturnMinutes);
  }
  return {
    receptionMinutes: reception,
    returnMinutes: ret,
    labour,
    mobility: req.mobility,
  };
}

function addLabour(labour: Job["labour"], skill: number, minutes: number): void {
  let i = 0;
  while (i < labour.length && labour[i].skill < skill) i++;
  if (i < labour.length && labour[i].skill === skill) labour[i].minutes += minutes;
  else labour.splice(i, 0, { skill, minutes });
}

export function isJobError(j: Job | JobError): j is JobError {
  return "code" in j;
}
