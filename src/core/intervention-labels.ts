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

/** The default catalogue's services as [code, label in `lang`] pairs, in the catalogue's order. */
export const defaultInterventions = (lang: string): Array<readonly [string, string]> =>
  Object.entries(DEFAULT_LABELS).map(([code, l]) => [code, lang === "it" ? l.it : l.en] as const);

const SKILLS_IT: Record<string, string> = { mechanical: "meccanica", diagnosis: "diagnosi", bodywork: "carrozzeria" };

/** A workshop skill in `lang`: the default ones in Italian, a dealer's own as written. */
export const skillLabel = (skill: string, lang: string): string => (lang === "it" && SKILLS_IT[skill]) || skill;
