import { fill, type Lang } from "./i18n.js";

// A phrase with a number in it, in the singular for one: "1 free time", "2 free times";
// "1 orario libero", "3 orari liberi". The language's own plural rule (Intl.PluralRules)
// picks the form; each counted phrase has its two, named `one` and `other` in the
// dictionary (test/web/counted.test.ts finds any "{count}" phrase without its singular).

const RULES: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules("en"), it: new Intl.PluralRules("it") };

/** `forms.one` where `lang` says `n` in the singular, else `forms.other`. */
export const pluralOf = <T>(lang: Lang, n: number, forms: { one: T; other: T }): T =>
  RULES[lang].select(n) === "one" ? forms.one : forms.other;

/** The form for `count` of a phrase, its `{count}` (and any other placeholder) filled. */
export const counted = (
  lang: Lang,
  count: number,
  forms: { one: string; other: string },
  vars: Record<string, string | number> = {},
): string => fill(pluralOf(lang, count, forms), { ...vars, count });
