// A page's words in Italian and English. A dictionary is one object per language with
// the same keys (the English one is the type); `{name}` placeholders are filled from
// the params. The language: ?lang=, else the browser's first preference, else English.

export type Lang = "it" | "en";
export type Dict = Record<string, string>;

export function pickLang(search = location.search, prefs: readonly string[] = navigator.languages ?? []): Lang {
  const asked = new URLSearchParams(search).get("lang");
  if (asked === "it" || asked === "en") return asked;
  for (const p of prefs) {
    const base = p.slice(0, 2).toLowerCase();
    if (base === "it" || base === "en") return base;
  }
  return "en";
}

export type Translate<D extends Dict> = (key: keyof D & string, params?: Record<string, string | number>) => string;

export function translator<D extends Dict>(dicts: Record<Lang, D>, lang: Lang): Translate<D> {
  return (key, params) => {
    const text = dicts[lang][key] ?? dicts.en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? "")) : text;
  };
}
