import { skillLabel } from "../../core/intervention-labels.js";
import { lang } from "./i18n.js";

// The dealer's own names and figures in the page's language. A dealer names its skills; the
// default ones (core/dealer-config/workshop.ts DEFAULT_WORKSHOP) read in Italian on an
// Italian page, as the default services do (shared/recap.tsx interventionLabel), and a
// dealer's own name stays as the dealer wrote it.

export const skillWords = (skill: string): string => skillLabel(skill, lang);

const number = new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-GB", { maximumFractionDigits: 1 });

/** Hours as the reader writes them: "14,5" in Italian, "14.5" in English, at most one decimal. */
export const hours = (n: number): string => number.format(n);
