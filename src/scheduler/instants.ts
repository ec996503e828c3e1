import { epochMinute, MS_PER_MINUTE } from "../core/civil.js";
import { type Dealer, readInstantIn } from "../core/dealer.js";
import { invalid } from "./errors.js";

// Instants as the contract writes them ("2026-11-24T09:15:00+01:00"), memoised per dealer.
// A search answer holds ~16 of them and they recur across searches (slots start on the
// same few hundred minutes of the coming weeks). A remembered string is also one that
// JSON.stringify has already flattened: a freshly concatenated one has to be flattened
// (copied) first, which cost about as much as formatting it (bench/http-cpu.ts profile).
//
// Keyed by the compiled Dealer object: a configuration change compiles a new one (the
// runtime is rebuilt), so a cached string can never outlive the zone rules it used.

const MAX_PER_DEALER = 20_000; // ~2 months of 5-minute steps; then start over

const byDealer = new WeakMap<Dealer, Map<number, string>>();
let lastDealer: Dealer | undefined;
let lastMap: Map<number, string> | undefined;

export function formatInstant(dealer: Dealer, epochMinute: number): string {
  let memo = dealer === lastDealer ? lastMap : byDealer.get(dealer);
  if (!memo) byDealer.set(dealer, (memo = new Map()));
  lastDealer = dealer;
  lastMap = memo;
  let text = memo.get(epochMinute);
  if (text === undefined) {
    if (memo.size >= MAX_PER_DEALER) memo.clear();
    text = dealer.format(epochMinute);
    memo.set(epochMinute, text);
  }
  return text;
}

/** A request's instant or local date-time read in the dealer's zone; unreadable: 400 naming `path`. */
export function readInstantAt(dealer: Dealer, s: string, path: string): number {
  try {
    return readInstantIn(dealer, s);
  } catch (e) {
    throw invalid(path, (e as Error).message);
  }
}

/**
 * An instant to the millisecond (a hold's expiry) as the contract writes instants, in the
 * dealer's offset: "2026-11-23T10:00:12.345+01:00".
 * Not memoised (formatInstant above): stamps rarely repeat, and would crowd out its minutes.
 */
export function stampIn(dealer: Dealer, ms: number): string {
  const minute = epochMinute(ms);
  const text = dealer.format(minute); // "…T10:00:00+01:00": the seconds are the 2 before the offset
  const cut = text.length - 6;
  const rest = ms - minute * MS_PER_MINUTE;
  const frac = `${String(Math.floor(rest / 1000)).padStart(2, "0")}.${String(rest % 1000).padStart(3, "0")}`;
  return `${text.slice(0, cut - 2)}${frac}${text.slice(cut)}`;
}
