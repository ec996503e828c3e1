import type { CapacityIndex } from "../core/capacity-index.js";

// The availability route's whole answer text, remembered per capacity index while the
// index and the minute stay the same.
//
// Why: between two bookings a dealer is asked the same few questions again and again (a
// campaign's "book now" link, the widget's first search for each job). The answer is a
// pure function of what the core reads, so each repeat used to redo the search and the
// answer's text for nothing: a quarter of a search's CPU.
//
// What an answer depends on, and how each is in the stamp or the key:
// - the index (bookings, holds, cars, technicians' jobs): `index.version`, bumped by every
//   add, remove, lift and restore, including a hold swept at read time and another
//   process's commit replayed from the change feed; a version never comes back, so a
//   write that rolls back still moves it on;
// - the dealer's configuration and absences: they build a new runtime, hence a new index
//   object (this WeakMap's key);
// - the clock: the core reads epoch minutes only (searchOptions), so `minute`;
// - the caller: only through the priority they are believed (trust.ts priorityFor), read
//   fresh on every request and part of the key with its note;
// - the request: its parsed body, stringified, is the rest of the key.
// Trap: anything new the search reads must join the stamp or the key, or an answer goes
// stale. test/http/availability-json.property.test.ts interleaves searches with writes.

/** ~3 KB an answer: at most ~3 MB per dealer, then start over. */
const MAX_ANSWERS = 1_000;

interface Answers {
  version: number;
  minute: number;
  texts: Map<string, string>;
}

const answers = new WeakMap<CapacityIndex, Answers>();

/** The remembered answers valid for this index's state at this minute (emptied when stale or full). */
export function rememberedAnswers(index: CapacityIndex, minute: number): Map<string, string> {
  let memo = answers.get(index);
  if (!memo || memo.version !== index.version || memo.minute !== minute || memo.texts.size >= MAX_ANSWERS) {
    memo = { version: index.version, minute, texts: new Map() };
    answers.set(index, memo);
  }
  return memo.texts;
}
