// The default catalogue's service names (dealer-config/interventions.ts
// DEFAULT_INTERVENTIONS) in Italian and English, read by the pages and by the messages and
// calendar files: a dealer that kept a default service ("Maintenance") gets "Manutenzione"
// in Italian everywhere, and a dealer's own label (or a default one it reworded) stays as
// the dealer wrote it.

// Each with its phrase in running text, after "for"/"per" (reasonInText): with the article
// Italian wants ("per il tagliando programmato"), and English's own ("for a tyre change").
// One table, so a new default service cannot miss its phrase.
const DEFAULT_LABELS: Record<string, { en: string; it: string; inText: { en: string; it: string } }> = {
  service: {
    en: "Scheduled service",
    it: "Tagliando programmato",
    inText: { en: "a scheduled service", it: "il tagliando programmato" },
  },
  maintenance: { en: "Maintenance", it: "Manutenzione", inText: { en: "maintenance", it: "la manutenzione" } },
  diagnosis: {
    en: "Diagnosis of a fault",
    it: "Diagnosi di un guasto",
    inText: { en: "the diagnosis of a fault", it: "la diagnosi di un guasto" },
  },
  bodywork: {
    en: "Bodywork repair",
    it: "Riparazione di carrozzeria",
    inText: { en: "a bodywork repair", it: "la riparazione di carrozzeria" },
  },
  tyres: { en: "Tyre change", it: "Cambio pneumatici", inText: { en: "a tyre change", it: "il cambio pneumatici" } },
  recall: {
    en: "Recall campaign",
    it: "Campagna di richiamo",
    inText: { en: "recall work", it: "la campagna di richiamo" },
  },
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

// A label in a sentence is lower case where it is safe (inSentence); a label's capital in
// a list or a title stays (reasonIn).

// The first words of a dealer's own label that are ordinary service words, in Italian and
// English (lower case). Only a label that starts with one of them is lowered mid-sentence.
// Why a list and not a rule on capitals: "Maserati check", "Ferrari Classiche", "Michelin
// tyres" have one capital too, and it is a brand's; a word we know is a common noun is the
// only safe sign that the capital is just the label's first letter. A label not in the list
// keeps its capital ("per Maserati check", and also "per Sanificazione abitacolo" if the
// word were missing: a stray capital reads better than a brand in lower case).
const COMMON_FIRST_WORDS = new Set(
  [
    // Italian
    "tagliando manutenzione controllo controlli cambio sostituzione revisione riparazione diagnosi",
    "verifica ricarica pulizia lavaggio sanificazione igienizzazione montaggio smontaggio installazione",
    "equilibratura convergenza assetto ispezione richiamo campagna preparazione trattamento lucidatura",
    "regolazione rabbocco calibrazione aggiornamento pneumatici gomme freni olio batteria clima",
    "climatizzatore carrozzeria cristalli parabrezza distribuzione frizione sospensioni ammortizzatori",
    "filtri filtro check-up tagliandi",
    // English
    "service servicing maintenance inspection check check-up repair repairs replacement change",
    "oil tyre tyres tire tires brake brakes wheel wheels alignment balancing cleaning valet valeting",
    "diagnosis diagnostic diagnostics installation fitting recall battery windscreen windshield air",
    "annual winter summer seasonal software update bodywork paint glass clutch timing general full",
    "interim major minor safety pre-delivery",
  ]
    .join(" ")
    .split(" "),
);

/**
 * A dealer's own label mid-sentence: its first letter lowered when its first word is a
 * common service word written with one capital ("Controllo clima" → "controllo clima",
 * "Cambio olio Castrol" → "cambio olio Castrol"); any other label stays as written, as it
 * may start with a name or an acronym ("Maserati check", "ADAS calibration"). No article:
 * its gender is not known.
 */
function inSentence(label: string): string {
  const first = label.split(/[\s,;:.]/, 1)[0];
  if (!/^\p{Lu}[\p{Ll}-]+$/u.test(first) || !COMMON_FIRST_WORDS.has(first.toLowerCase())) return label;
  return label[0].toLowerCase() + label.slice(1);
}

const AND: Record<string, string> = { en: " and ", it: " e " };

/**
 * An appointment's reason as it reads after "for"/"per" in a customer's message: "per il
 * tagliando programmato e il cambio pneumatici", "for maintenance". The default services
 * the dealer kept as shipped get their phrase; a dealer's own label is lower-cased only
 * when it starts with a common service word (inSentence); a reason that does not split
 * into one label per service is read whole.
 */
export function reasonInText(a: { interventions: string[]; recap: { reason: string } }, lang: string): string {
  const labels = a.recap.reason.split(", ");
  if (labels.length !== a.interventions.length) return inSentence(a.recap.reason);
  const words = labels.map((l, i) => {
    const d = DEFAULT_LABELS[a.interventions[i]];
    if (d && (l === d.en || (lang === "it" && l === d.it))) return lang === "it" ? d.inText.it : d.inText.en;
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
