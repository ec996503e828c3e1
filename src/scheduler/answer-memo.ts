import type { CapacityIndex } from "../core/capacity-index.js";
import type { AvailabilityRequest } from "./contracts.js";

// The availability route's whole answer text, remembered per capacity index while the
// index and the minute stay the same.
//
// Why: between two bookings a dealer is asked the same few questions again and again (a
// campaign's "book now" link, the widget's first search for each job). The answer is a
// pure function of what the core reads, so each repeat used to redo the search and the
// answer's text for nothing: half of a search's CPU.
//
// What an answer depends on, and how each is in the stamp or the key:
// - the index (bookings, holds, cars, technicians' jobs): `index.version`, bumped by every
//   add, remove, lift and restore, including a hold swept at read time and another
//   process's commit replayed from the change feed; a version comes back only with the
//   index exactly as it was (CapacityIndex.without, the customer's own availability), so
//   a write that rolls back still moves it on;
// - the dealer's configuration and absences: they build a new runtime (putDealer's
//   dealerChanged, an absence's afterCommit, the change feed), hence a new index object
//   (this WeakMap's key);
// - the clock: the core reads epoch minutes only (searchOptions), so `minute`;
// - the caller and the car: only through the priority they are believed (trust.ts
//   priorityFor, read fresh on every request), part of the key with its note. The job
//   comes from the interventions, the customer and the mobility (job.ts), never the car:
//   so owners of different cars asking the same question share its answer;
// - the rest of the request: the parsed body's search fields (questionKey).
// Trap: anything new the search reads must join the stamp or the key, or an answer goes
// stale. test/http/availability-json.property.test.ts interleaves searches with writes,
// and fails on a body field questionKey neither names nor leaves out on purpose.

/** Answers are 1.4 KB (3 options) to 8.6 KB (20): at most ~8 MB of text per dealer, then start over. */
const MAX_ANSWERS = 1_000;
const MAX_CHARS = 4_000_000;

interface Answers {
  version: number;
  minute: number;
  chars: number;
  texts: Map<string, string>;
}

const answers = new WeakMap<CapacityIndex, Answers>();

/** The body's fields the answer reads, in a fixed order (the vehicle only through priority). */
export const QUESTION_FIELDS = [
  "interventions",
  "customer",
  "mobility",
  "from",
  "days",
  "count",
  "preferredAdvisorId",
  "dayPart",
] as const satisfies ReadonlyArray<keyof AvailabilityRequest>;

/**
 * QUESTION_FIELDS' values as text, per body object: a body the parse memo shares between
 * requests (api/parse-memo.ts) is deep-frozen, so its text cannot go stale and a repeated
 * question skips the stringify (~2 % of a remembered search). A body that is not frozen
 * could still change: it is stringified every time.
 */
const fieldTexts = new WeakMap<AvailabilityRequest, string>();

function fieldsText(b: AvailabilityRequest): string {
  const known = fieldTexts.get(b);
  if (known !== undefined) return known;
  const text = JSON.stringify(QUESTION_FIELDS.map((f) => b[f]));
  // Deep-frozen as the parse memo freezes it: the body and the fields that hold objects.
  if (Object.isFrozen(b) && Object.isFrozen(b.interventions) && Object.isFrozen(b.customer)) fieldTexts.set(b, text);
  return text;
}

/** The key: the priority, its note, and QUESTION_FIELDS' values in that order (the list the test checks is the list used). */
export function questionKey(priority: boolean, priorityNote: string | undefined, b: AvailabilityRequest): string {
  return `${priority ? 1 : 0}${priorityNote ?? ""}\n${fieldsText(b)}`;
}

/** The remembered answer to this question, if the index and the minute are those it was found at. */
export function rememberedAnswer(index: CapacityIndex, minute: number, key: string): string | undefined {
  const memo = answers.get(index);
  return memo && memo.version === index.version && memo.minute === minute ? memo.texts.get(key) : undefined;
}

/** Remembers an answer found at this index state and minute (a late request's older minute is not kept). */
export function rememberAnswer(index: CapacityIndex, minute: number, key: string, text: string): void {
  let memo = answers.get(index);
  if (memo && memo.minute > minute) return;
  if (
    !memo ||
    memo.version !== index.version ||
    memo.minute !== minute ||
    memo.texts.size >= MAX_ANSWERS ||
    memo.chars >= MAX_CHARS
  ) {
    memo = { version: index.version, minute, chars: 0, texts: new Map() };
    answers.set(index, memo);
  }
  memo.texts.set(key, text);
  memo.chars += key.length + text.length;
}
