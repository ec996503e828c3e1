import type { Locale } from "../../core/dealer-config/locale.js";
import { CUSTOMER_KINDS, type CustomerKind } from "../../core/message-kinds.js";
import type { MessagingConfig } from "../../core/dealer-config/messaging.js";
import type { Persona } from "../contracts.js";
import { telHref } from "../../core/tel-href.js";
import { render, type TemplateKind, type TemplateVars } from "./templates.js";
import { isTemplateName, TEMPLATE_NAME } from "./template-names.js";

// A message as it is stored in the outbox: subject, plain text, HTML and the short SMS
// sentence, in one locale, with the dealer's override (per kind and locale) and one line
// in the persona's voice (the standard's four). The manage link is not known yet when
// the message is written (it is built at delivery from PUBLIC_URL or the dealer's
// manageUrl), so the text carries LINK_MARK where it goes. Pure.
//
// Only the variables below are ever printed: the recipient's own name, the dealer's and
// the appointment's facts (the dealer's own number among them); no template can print a
// customer's email or phone number.

export const LINK_MARK = "{manageLink}";

const PERSONA: Record<Locale, Record<Persona, string>> = {
  en: {
    unique: "Everything will be prepared personally for you and your car.",
    performance: "We will keep your car performing at its best.",
    appearance: "We will take care of every detail, inside and out.",
    excitement: "We look forward to welcoming you and your car.",
  },
  it: {
    unique: "Prepareremo tutto personalmente per lei e per la sua auto.",
    performance: "Ci prenderemo cura delle prestazioni della sua auto.",
    appearance: "Cureremo ogni dettaglio, dentro e fuori.",
    excitement: "Non vediamo l'ora di accogliere lei e la sua auto.",
  },
};

const MANAGE: Record<Locale, string> = {
  en: "View, move or cancel your appointment",
  it: "Veda, sposti o annulli il suo appuntamento",
};

/** Kinds whose message carries the manage link (an appointment ahead to act on). */
export const LINKED_KINDS: ReadonlySet<string> = new Set(["confirmed", "reminder", "appointment_moved"]);
/** The persona's voice is for customers (not staff tasks), and not for a cancellation. */
const CUSTOMER: ReadonlySet<string> = new Set(CUSTOMER_KINDS);
const NO_PERSONA: ReadonlySet<string> = new Set(["cancelled"]);

export interface Composed {
  subject: string;
  text: string;
  html: string;
  /** The body alone (no persona line), or the template's shorter one for a text: what an SMS tries first, before the subject alone. */
  sms: string;
}

/**
 * "{customer}" → vars.customer. A name the messages know but this one has no value for
 * ({part} in a confirmation) prints empty; an unknown name stays as written, so the preview
 * shows it (a PUT refuses it now, template-names.ts; a configuration stored before may have one).
 */
export function fill(template: string, v: TemplateVars): string {
  return template.replace(TEMPLATE_NAME, (all, name: string) => {
    if (name === "manageLink") return all;
    const value = (v as unknown as Record<string, unknown>)[name];
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "string") return value;
    return isTemplateName(name) ? "" : all;
  });
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface ComposeOptions {
  persona?: Persona | null;
  messaging?: MessagingConfig;
  /** Whether the message gets the manage link (LINK_MARK). */
  link?: boolean;
}

export function compose(kind: TemplateKind, locale: Locale, v: TemplateVars, o: ComposeOptions = {}): Composed {
  const base = render(kind, locale, v);
  const override = o.messaging?.templates[kind as CustomerKind]?.[locale];
  const subject = override?.subject ? fill(override.subject, v) : base.subject;
  const body = override?.text ? fill(override.text, v) : base.text;
  const paragraphs = [body];
  if (o.persona && CUSTOMER.has(kind) && !NO_PERSONA.has(kind)) paragraphs.push(PERSONA[locale][o.persona]);
  const linked = o.link === true && !body.includes(LINK_MARK);
  const text = [...paragraphs, ...(linked ? [`${MANAGE[locale]}: ${LINK_MARK}`] : [])].join("\n\n");
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">`,
    ...paragraphs.map(
      (p) =>
        `<p>${esc(p).replace(/\n/g, "<br>").replace(esc(LINK_MARK), `<a href="${LINK_MARK}">${LINK_MARK}</a>`)}</p>`,
    ),
    ...(linked ? [`<p><a href="${LINK_MARK}">${esc(MANAGE[locale])}</a></p>`] : []),
    `<p style="color:#555">${esc(v.dealer)}${v.address ? ` · ${esc(v.address)}` : ""}${v.dealerPhone ? ` · <a href="${telHref(v.dealerPhone)}">${esc(v.dealerPhone)}</a>` : ""}</p></body></html>`,
  ].join("\n");
  // The template's shorter text-message body, unless the dealer wrote its own text.
  const sms = override?.text || base.sms === undefined ? body : base.sms;
  return { subject, text, html, sms: withLink(sms, null) };
}

/**
 * Puts the link in, or, when there is none (an SMS adds its own; no token), takes the mark
 * out with what only introduces it: its line ("Manage: {manageLink}"), or the line's last
 * sentence when that ends in a colon ("…see you. Manage here: {manageLink}"), else the
 * mark alone. Trap: a dealer's one-line template ("…see you {when}. {manageLink}") lost its
 * whole text when every line holding the mark went, and its texts were the dealer's name alone.
 */
export function withLink(s: string, link: string | null): string {
  if (link) return s.split(LINK_MARK).join(link);
  return s
    .split("\n")
    .flatMap((l) => {
      if (!l.includes(LINK_MARK)) return [l];
      const rest = withoutIntro(l.split(LINK_MARK).join(" ").replace(/\s+/g, " ").trim());
      return rest === "" ? [] : [rest];
    })
    .join("\n")
    .replace(/\n+$/, "");
}

/**
 * A line without the words that only introduced the link (it ends in a colon): the clause
 * after the line's last ". ", ", ", "; ", "! " or "? " ("…alle 11:00, gestisca qui:"), or
 * the whole line when there is none ("Manage:"). A clause with a digit is content, not an
 * introduction ("Ready at 11:00:"), and only its colon goes. Trap: a sentence's end
 * matched by "." alone cut "Gentile J. Smith, …" after the initial.
 */
function withoutIntro(line: string): string {
  if (!line.endsWith(":")) return line;
  const body = line.slice(0, -1).trimEnd();
  const m = body.match(/^(.*[.,;!?])\s+([^.,;!?]*)$/);
  const [head, clause] = m ? [m[1], m[2]] : ["", body];
  if (/\d/.test(clause)) return body;
  return head.replace(/[,;]$/, "").trim();
}
