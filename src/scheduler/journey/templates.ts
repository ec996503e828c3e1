import type { Locale } from "../../core/dealer-config/locale.js";
import { CUSTOMER_EN, CUSTOMER_IT } from "./customer-templates.js";
import { PARTS_EN, PARTS_IT } from "./parts-templates.js";
import { STAFF_EN, STAFF_IT } from "./staff-templates.js";
import type { Render, TemplateKind, TemplateVars } from "./template-vars.js";

// Message templates per locale (it, en). Pure: variables in, subject and text out. The
// wording is the dealer's voice towards the customer (or a task for staff); the dealer's
// SMS/e-mail provider behind the webhook only transports it. One file per audience:
// customer-templates.ts, staff-templates.ts, and a part's messages (parts-templates.ts);
// the variables and shared pieces in template-vars.ts.

export {
  CUSTOMER_TEMPLATES,
  type LivePart,
  STAFF_TEMPLATES,
  type TemplateKind,
  type TemplateVars,
} from "./template-vars.js";

const TEMPLATES: Record<Locale, Record<TemplateKind, Render>> = {
  en: { ...CUSTOMER_EN, ...PARTS_EN, ...STAFF_EN },
  it: { ...CUSTOMER_IT, ...PARTS_IT, ...STAFF_IT },
};

export function render(kind: TemplateKind, locale: Locale, vars: TemplateVars): ReturnType<Render> {
  return TEMPLATES[locale][kind](vars);
}
