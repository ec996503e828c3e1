// Languages of the pages: Italian and English. The dealer's locale by default, an explicit
// choice (the widget's `lang`, the page's ?lang=) overrides; anything else falls back.

export const LANGS = ["it", "en"] as const;
export type Lang = (typeof LANGS)[number];

export function pickLang(requested: string | null | undefined, dealerLocale?: string | null): Lang {
  for (const c of [requested, dealerLocale]) {
    const two = c?.trim().toLowerCase().slice(0, 2);
    if (two === "it" || two === "en") return two;
  }
  return "it";
}

export type Vars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** `{name}` placeholders filled from `vars` (a missing one is empty). */
export const fill = (s: string, vars?: Vars) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? ""));

/** `t("hello", { name })` over one dictionary per language; `{name}` placeholders. */
export function translator<K extends string>(dicts: Record<Lang, Record<K, string>>, lang: Lang): Translate<K> {
  const d = dicts[lang];
  return (key, vars) => fill(d[key], vars);
}
