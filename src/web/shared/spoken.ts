// What a page's live region holds (announcer.tsx), apart from the component so it can be
// checked without a browser. A message is said alone, replacing what was there; or it
// opens a step (where the customer is, and why they were sent there); or it follows such
// an opening (what the step then loads: the day's free times), added after it instead of
// replacing it, so the customer hears both. A follow with no opening before it, or after
// one already followed, is said alone.

/** How a message stands to the one before it. */
export type Said = "alone" | "opening" | "follow";

export interface Spoken {
  /** What the region holds, in order: one part, or an opening and what followed it. */
  parts: string[];
  /** The region holds an opening nothing has followed yet. */
  opening: boolean;
}

export function speak(s: Spoken, text: string, how: Said = "alone"): Spoken {
  if (how === "follow" && s.opening) return { parts: [...s.parts, text], opening: false };
  // The same words again are read again only if they change: a zero-width space tells them apart.
  const said = s.parts[0] === text ? `${text}\u200b` : text;
  return { parts: [said], opening: how === "opening" };
}

/** Sentences said one after another: each ends with its stop (added when missing). */
export const sentences = (...parts: string[]) =>
  parts
    .filter(Boolean)
    .map((p) => (/[.?!…]$/.test(p) ? p : `${p}.`))
    .join(" ");
