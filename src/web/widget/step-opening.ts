import { counted } from "../shared/counted.js";
import type { Lang } from "../shared/i18n.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import { sentences } from "../shared/spoken.js";
import { STRINGS } from "./strings.js";

// What the live region says as a widget step opens (app.tsx): where the customer is
// ("Step 4 of 5: Choose a day and time"), and, when a refusal sent them there, why: an
// earlier step's answer refused, or the time they chose lost meanwhile (with how many
// other times the step offers first); or, on the times again after the visit changed,
// that the time chosen before must be chosen again (`said`: the step's own note). What
// the step loads then (the day's free times) is said after it, not instead of it
// (shared/spoken.ts).

export type SentBack =
  | {
      problem: Problem;
      /** How many of the refusal's alternatives the step offers first. */
      alternatives?: number;
      /** The dealer's number, said where the refusal asks the customer to call. */
      phone?: string;
    }
  | { said: string };

export function stepOpening(lang: Lang, where: string, why: SentBack | null): string {
  if (!why) return sentences(where);
  if ("said" in why) return sentences(where, why.said);
  const n = why.alternatives ?? 0;
  const words = STRINGS[lang];
  const offered = n === 0 ? "" : counted(lang, n, { one: words.alternativeSaid, other: words.alternativesSaid });
  return sentences(where, problemSentence(why.problem, lang, why.phone), offered);
}
