import { dayNumberFromIso, epochMinute } from "../core/civil.js";
import { searchIndex } from "../core/search.js";
import type { Job, Option } from "../core/types.js";
import type { AvailabilityRequest, AvailabilityResponse } from "./contracts.js";
import { DomainError, notFound } from "./errors.js";
import { formatInstant } from "./instants.js";
import { optionJson, optionView } from "./present.js";
import type { SqliteHandle } from "../db/sqlite-handle.js";
import { givenNote, resolveMobility } from "./priority.js";
import type { DealerRuntime } from "./runtime.js";
import { jobOfRequest } from "./job.js";
import { questionKey, rememberAnswer, rememberedAnswer } from "./answer-memo.js";
import { type Caller, priorityFor } from "./trust.js";
import type { Ctx } from "./context.js";

// searchAvailability: the public form's question, "which reception times can this
// dealer honestly promise this car?", answered from the in-memory index.

export function advisorIndexOf(rt: DealerRuntime, id: string | undefined, path: string): number | undefined {
  if (id === undefined) return undefined;
  const i = rt.dealer.advisorIndex.get(id);
  if (i === undefined)
    throw new DomainError("validation_failed", `unknown advisor "${id}"`, {
      errors: [{ path, message: "unknown advisor", in: "body" }],
    });
  return i;
}

export function searchOptions(
  rt: DealerRuntime,
  job: Job,
  fromDay: number,
  days: number,
  count: number,
  nowMs: number,
  extra?: { preferredAdvisor?: number; dayPart?: "morning" | "afternoon"; priority?: boolean; alt?: Job },
) {
  const now = epochMinute(nowMs);
  return searchIndex(rt.index, { job, fromDay, days, count, now, ...extra });
}

/** Who is asking, for what their words buy (trust.ts); the VIN registry is read through sqlite. */
export interface Asker {
  sqlite: SqliteHandle;
  caller: Caller;
}

/** The search's answer before presentation: the options as the core found them. */
interface Found {
  rt: DealerRuntime;
  head: Pick<AvailabilityResponse, "dealerId" | "timeZone" | "from" | "days">;
  options: Option[];
  tail: Pick<AvailabilityResponse, "shortfall" | "mobilityNote" | "priorityNote">;
}

/** The dealer's runtime and what the caller's words buy (trust.ts): the search's inputs beyond the body. */
interface Asked {
  rt: DealerRuntime;
  priority: boolean;
  priorityNote?: string;
}

/** ctx is the Asker: its caller decides what priority is believed (trust.ts). */
function ask(ctx: Ctx, input: { dealerId: string; body: AvailabilityRequest }): Asked {
  const rt = ctx.runtimes.get(input.dealerId);
  if (!rt) throw notFound(`dealer ${input.dealerId}`);
  const asker: Asker = ctx;
  const { priority, note } = priorityFor(asker.sqlite, rt, asker.caller, input.body.vehicle);
  return { rt, priority, priorityNote: note };
}

function find(nowMs: number, { rt, priority, priorityNote }: Asked, dealerId: string, req: AvailabilityRequest): Found {
  const resolved = resolveMobility(rt.dealer, req.mobility, priority);
  const job = jobOfRequest(rt, {
    interventions: req.interventions,
    customer: req.customer,
    mobility: resolved.mobility,
  });
  const today = rt.dealer.dayOf(epochMinute(nowMs));
  // A date in the past searches from today: the customer cannot book yesterday anyway.
  const fromDay = req.from ? Math.max(dayNumberFromIso(req.from), today) : today;
  const extra: Parameters<typeof searchOptions>[6] = {
    preferredAdvisor: advisorIndexOf(rt, req.preferredAdvisorId, "preferredAdvisorId"),
    dayPart: req.dayPart,
    priority,
  };
  // A priority vehicle's other kind, where the first is not free (priority.ts): only then a second job.
  if (resolved.alt) extra.alt = jobOfRequest(rt, { ...req, mobility: resolved.alt });
  const result = searchOptions(rt, job, fromDay, req.days, req.count, nowMs, extra);
  const note = resolved.alt
    ? givenNote(
        req.mobility,
        resolved,
        result.options.map((o) => o.mobility),
      )
    : resolved.note;
  const tail: Found["tail"] = {};
  if (result.shortfall) tail.shortfall = result.shortfall;
  if (note) tail.mobilityNote = note;
  if (priorityNote) tail.priorityNote = priorityNote;
  return {
    rt,
    head: {
      dealerId,
      timeZone: rt.dealer.tz,
      from: formatInstant(rt.dealer, rt.dealer.day(fromDay).zone.start).slice(0, 10),
      days: result.days,
    },
    options: result.options,
    tail,
  };
}

/** The availability answer (the contract's AvailabilityResponse). */
export function searchAvailability(
  ctx: Ctx,
  input: { dealerId: string; body: AvailabilityRequest },
): AvailabilityResponse {
  const { rt, head, options, tail } = find(ctx.nowMs, ask(ctx, input), input.dealerId, input.body);
  return { ...head, options: options.map((o) => optionView(rt.dealer, o)), ...tail };
}

/**
 * The same answer as JSON text, exactly JSON.stringify(searchAvailability(...)), for the
 * route: each option's text comes from optionJson's memo (present.ts), so a search pays
 * neither the options' presentation nor their stringification again, and a question asked
 * again before the index or the minute changes gets its remembered text (answer-memo.ts).
 * Keys in the object's order; test/http/availability-json.property.test.ts holds the two
 * equal, across writes.
 */
export function searchAvailabilityJson(ctx: Ctx, input: { dealerId: string; body: AvailabilityRequest }): string {
  const asked = ask(ctx, input);
  const minute = epochMinute(ctx.nowMs);
  const question = questionKey(asked.priority, asked.priorityNote, input.body);
  const known = rememberedAnswer(asked.rt.index, minute, question);
  if (known !== undefined) return known;
  const { rt, head, options, tail } = find(ctx.nowMs, asked, input.dealerId, input.body);
  let text = JSON.stringify(head).slice(0, -1) + ',"options":[';
  for (let i = 0; i < options.length; i++) text += (i ? "," : "") + optionJson(rt.dealer, options[i]);
  text += "]";
  for (const key of TAIL) if (tail[key] !== undefined) text += `,"${key}":${JSON.stringify(tail[key])}`;
  text += "}";
  rememberAnswer(rt.index, minute, question, text);
  return text;
}

const TAIL = ["shortfall", "mobilityNote", "priorityNote"] as const;
