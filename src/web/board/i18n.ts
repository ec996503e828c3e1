import { pickLang, translator } from "../shared/i18n.js";
import { DIALOGS } from "./i18n-dialogs.js";
import { PAGE } from "./i18n-page.js";
import { PANELS } from "./i18n-panels.js";
import { PLANS } from "./i18n-plans.js";
import { TIMELINE } from "./i18n-timeline.js";

// The advisors' page in English and Italian (same keys): one dictionary, composed of its
// areas (i18n-*.ts, one per part of the page) so that each stays short. Callers import
// `t`, `lang` and `Key` from here only, whichever area a word is in.

// The areas, in the order of the spreads below (the check below reads this list).
const AREAS = [PAGE, TIMELINE, PANELS, DIALOGS, PLANS] as const;
const en = { ...PAGE.en, ...TIMELINE.en, ...PANELS.en, ...DIALOGS.en, ...PLANS.en };
const it = { ...PAGE.it, ...TIMELINE.it, ...PANELS.it, ...DIALOGS.it, ...PLANS.it };

type Keys = keyof typeof en;

// The trap of composing by spread: a key in two areas would have the later area's words win
// silently. This compiles only while no key is in two areas (the error names the key).
type KeysOf<Area> = Area extends { en: infer E } ? keyof E : never;
type Shared<A extends readonly unknown[]> = A extends readonly [infer H, ...infer R]
  ? (KeysOf<H> & KeysOf<R[number]>) | Shared<R>
  : never;
const _noKeyInTwoAreas: [Shared<typeof AREAS>] extends [never] ? true : Shared<typeof AREAS> = true;

// ?lang= first, else the browser's language (staff read the page in their own).
export const lang = pickLang(new URLSearchParams(location.search).get("lang") ?? navigator.language);
export const t = translator<Keys>({ en, it }, lang);
export type Key = Keys;
