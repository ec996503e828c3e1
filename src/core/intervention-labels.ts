// The default catalogue's service names (dealer-config.ts DEFAULT_INTERVENTIONS) in Italian
// and English, read by the pages and by the messages and calendar files: a dealer that kept
// a default service ("Maintenance") gets "Manutenzione" in Italian everywhere, and a
// dealer's own label (or a default one it reworded) stays as the dealer wrote it.

const DEFAULT_LABELS: Record<string, { en: string; it: string }> = {
  service: { en: "Scheduled service", it: "Tagliando programmato" },
  maintenance: { en: "Maintenance", it: "Manutenzione" },
  diagnosis: { en: "Diagnosis of a fault", it: "Diagnosi di un guasto" },
  bodywork: { en: "Bodywork repair", it: "Riparazione di carrozzeria" },
  tyres: { en: "Tyre change", it: "Cambio pneumatici" },
  recall: { en: "Recall campaign", it: "Campagna di richiamo" },
};

/** A service's label in `lang`: the default one's Italian, when the dealer kept it as shipped. */
export function interventionLabel(code: string, label: string, lang: string): string {
  const d = DEFAULT_LABELS[code];
  return lang === "it" && d && d.en === label ? d.it : label;
}

/**
 * An appointment's reason (the dealer's labels joined with ", ") in `lang`: each default
 * label in Italian on an Italian page or message; as written otherwise, and whole when it
 * does not split into one label per service (a label with a comma in it).
 */
export function reasonIn(a: { interventions: string[]; recap: { reason: string } }, lang: string): string {
  const labels = a.recap.reason.split(", ");
  if (labels.length !== a.interventions.length) return a.recap.reason;
  return labels.map((l, i) => interventionLabel(a.interventions[i], l, lang)).join(", ");
}

// The same services in running text, after "for"/"per": with the article Italian wants
// ("per il tagliando programmato"), and English's own ("for a tyre change"). A label in a
// sentence is lower case; a label's capital in a list or a title stays (reasonIn).
const IN_TEXT: Record<string, { en: string; it: string }> = {
  service: { en: "a scheduled service", it: "il tagliando programmato" },
  maintenance: { en: "maintenance", it: "la manutenzione" },
  diagnosis: { en: "the diagnosis of a fault", it: "la diagnosi di un guasto" },
  bodywork: { en: "a bodywork repair", it: "la riparazione di carrozzeria" },
  tyres: { en: "a tyre change", it: "il cambio pneumatici" },
  recall: { en: "recall work", it: "la campagna di richiamo" },
};

/**
 * A dealer's own label mid-sentence: its capital lowered when it is the label's only one
 * ("Controllo clima" → "controllo clima"); one with more capitals stays as written, as it
 * is likely a name or an acronym ("ADAS calibration", "Maserati Care"). No article: its
 * gender is not known.
 */
const inSentence = (label: string) =>
  /^\p{Lu}[^\p{Lu}]*$/u.test(label) && !/^\p{Lu}\P{L}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;

const AND: Record<string, string> = { en: " and ", it: " e " };

/**
 * An appointment's reason as it reads after "for"/"per" in a customer's message: "per il
 * tagliando programmato e il cambio pneumatici", "for maintenance". The default services
 * the dealer kept as shipped get their phrase; a dealer's own label is lower-cased
 * (inSentence); a reason that does not split into one label per service is read whole.
 */
export function reasonInText(a: { interventions: string[]; recap: { reason: string } }, lang: string): string {
  const labels = a.recap.reason.split(", ");
  if (labels.length !== a.interventions.length) return inSentence(a.recap.reason);
  const words = labels.map((l, i) => {
    const d = DEFAULT_LABELS[a.interventions[i]];
    const phrase = IN_TEXT[a.interventions[i]];
    if (d && phrase && (l === d.en || (lang === "it" && l === d.it))) return lang === "it" ? phrase.it : phrase.en;
    return inSentence(l);
  });
  const and = AND[lang] ?? AND.en;
  return words.length > 1 ? `${words.slice(0, -1).join(", ")}${and}${words[words.length - 1]}` : words.join("");
}

/** The default catalogue's services as [code, label in `lang`] pairs, in the catalogue's order. */
export const defaultInterventions = (lang: string): Array<readonly [string, string]> =>
  Object.entries(DEFAULT_LABELS).map(([code, l]) => [code, lang === "it" ? l.it : l.en] as const);

const SKILLS_IT: Record<string, string> = { mechanical: "meccanica", diagnosis: "diagnosi", bodywork: "carrozzeria" };

/** A workshop skill in `lang`: the default ones in Italian, a dealer's own as written. */
export const skillLabel = (skill: string, lang: string): string => (lang === "it" && SKILLS_IT[skill]) || skill;
