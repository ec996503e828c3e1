import type { CustomerKind, MessagingConfig } from "../../core/dealer-config/messaging.js";
import type { Locale } from "../../core/dealer-config/locale.js";
import type { TemplateVars } from "./template-vars.js";

// The names a dealer's own customer template (messaging.templates) may print. A name the
// messages never fill stays as typed ("{custmer}", compose.ts fill), and customers read it
// so; a PUT of the configuration now refuses it with the names that exist (config-change/
// replace.ts), while the dealer is there to fix it. Stored configurations are not
// re-checked on load: one written before this check still loads and sends.
//
// Left out on purpose: the desk's deadline (dueBy), a customer's move for staff (moved)
// and a cancelled visit's parts (liveParts) are staff's; carIn and visitAhead are flags
// ("yes"), not words, as is movedPart (appointment_moved: what changed when the reception's time did not). A template stored before this check keeps what it printed then
// (the parts arrival still fills dueBy). A kind that has no value for a name (a confirmation has no {part},
// a service reminder no appointment time) prints it empty (compose.ts fill).

const NAMES = [
  "customer",
  "dealer",
  "dealerPhone",
  "date",
  "time",
  "when",
  "service",
  "reason",
  "greeter",
  "vehicle",
  "mobility",
  "bring",
  "parking",
  "address",
  "readyWhen",
  "readyTime",
  "returnWhen",
  "returnGreeter",
  "previousWhen",
  "dueDate",
  "options",
  "part",
  "depositDue",
] as const satisfies ReadonlyArray<keyof TemplateVars>;

/** Every name a customer template may use: the variables above and the manage link. */
export const CUSTOMER_TEMPLATE_NAMES: readonly string[] = [...NAMES, "manageLink"];
const KNOWN: ReadonlySet<string> = new Set(CUSTOMER_TEMPLATE_NAMES);

/** Whether a customer template may print `{name}` (what a PUT takes, and what compose.ts fills). */
export const isTemplateName = (name: string): boolean => KNOWN.has(name);

/** A `{name}` in a template; its group is the name. */
export const TEMPLATE_NAME = /\{(\w+)\}/g;

export interface NameProblem {
  path: string;
  message: string;
}

const namesIn = (text: string | undefined) => new Set([...(text ?? "").matchAll(TEMPLATE_NAME)].map((m) => m[1]));

/**
 * Each override's subject or text that names a variable no message fills, with the names
 * that exist. A name the same field already had as stored (`before`, written before this
 * check) is let through: a client that GETs the configuration and PUTs it back with another
 * change is not blocked by an old typo it did not write.
 */
export function unknownTemplateNames(messaging: MessagingConfig, before?: MessagingConfig): NameProblem[] {
  const problems: NameProblem[] = [];
  for (const { kind, locale, field, text, path } of templateFields(messaging)) {
    const had = namesIn(before?.templates[kind]?.[locale]?.[field]);
    const unknown = [...namesIn(text)].filter((n) => !isTemplateName(n) && !had.has(n));
    if (unknown.length === 0) continue;
    const named = unknown.map((n) => `{${n}}`).join(", ");
    problems.push({
      path,
      message: `${named} ${unknown.length === 1 ? "is not a variable" : "are not variables"} of the messages; use ${CUSTOMER_TEMPLATE_NAMES.map((n) => `{${n}}`).join(", ")}`,
    });
  }
  return problems;
}

/** Every subject and text of the dealer's own templates, with its path in the configuration. */
function* templateFields(messaging: MessagingConfig) {
  for (const [kind, locales] of Object.entries(messaging.templates)) {
    for (const [locale, override] of Object.entries(locales ?? {})) {
      for (const field of ["subject", "text"] as const) {
        const text = override?.[field];
        if (text)
          yield {
            kind: kind as CustomerKind,
            locale: locale as Locale,
            field,
            text,
            path: `messaging.templates.${kind}.${locale}.${field}`,
          };
      }
    }
  }
}

/**
 * Each override that prints the dealer's number ({dealerPhone}) while the configuration
 * has none: customers would read "call us on ." Whether it has a value depends on the
 * configuration alone, so the PUT that sends both can tell (also one that drops the phone).
 */
export function phoneWithoutNumber(messaging: MessagingConfig, phone: string | undefined): NameProblem[] {
  if (phone) return [];
  return [...templateFields(messaging)]
    .filter(({ text }) => namesIn(text).has("dealerPhone"))
    .map(({ path }) => ({
      path,
      message:
        "{dealerPhone} prints the dealer's number, and this configuration has no phone: set phone, or leave it out",
    }));
}
