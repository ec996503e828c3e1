import { reasonIn } from "../../core/intervention-labels.js";
import { isReleased } from "../../core/status.js";
import { telHref } from "../../core/tel-href.js";
import { dateOf, longDate, timeOf } from "./dates.js";
import type { Lang } from "./i18n.js";
import {
  BRING_IT,
  MOBILITY_LABELS,
  MOBILITY_MEANS,
  RECAP_LABELS as L,
  returnIn,
  STATUS_LABELS,
} from "./recap-words.js";
import type { Appointment } from "./types.js";

// The booking's recap, as the customer must hear it at the end of a booking (domain:
// "Closing the booking"): date, time, reason, who greets them, where to park, what to
// bring, and mobility (what a courtesy car or pickup and delivery means for them); an
// express appointment says so. Shared by the widget's confirmation and the manage page;
// its words are recap-words.ts.

// The services' names in the reader's language: core/intervention-labels.ts, which the
// messages and calendar files read too.
export { defaultInterventions, interventionLabel, reasonIn } from "../../core/intervention-labels.js";

/**
 * `phone`: the dealer's number, when it gave one: the customer's way to ask or change anything.
 * `dealerLang`: the language the dealer writes its own words in (address, parking): marked
 * on them where the page speaks another (WCAG 3.1.2), or a screen reader reads an Italian
 * parking note with English sounds.
 */
export function Recap({
  a,
  lang,
  withStatus,
  phone,
  dealerLang,
}: {
  a: Appointment;
  lang: Lang;
  withStatus?: boolean;
  phone?: string;
  dealerLang?: string;
}) {
  const l = L[lang];
  const at = (iso: string) => `${longDate(dateOf(iso), lang)}, ${timeOf(iso)}`;
  // A visit that will not happen (cancelled, missed) says what it was, not how it would go:
  // no greeter, ready time, collection or list of papers to bring.
  const ended = isReleased(a.status);
  return (
    <dl class="pl-recap">
      {withStatus && (
        <>
          <dt>{l.status}</dt>
          <dd>{STATUS_LABELS[lang][a.status] ?? a.status}</dd>
        </>
      )}
      <dt>{l.when}</dt>
      <dd>{at(a.reception.start)}</dd>
      <dt>{l.reason}</dt>
      <dd>{reasonIn(a, lang)}</dd>
      {!ended && <VisitDetails a={a} lang={lang} at={at} own={dealerLang !== lang ? dealerLang : undefined} />}
      {phone && (
        <>
          <dt>{l.phone}</dt>
          <dd>
            <a href={telHref(phone)}>{phone}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

function VisitDetails({
  a,
  lang,
  at,
  own,
}: {
  a: Appointment;
  lang: Lang;
  at: (iso: string) => string;
  /** The dealer's language, when not the page's: the `lang` of the dealer's own words. */
  own?: string;
}) {
  const l = L[lang];
  return (
    <>
      <dt>{l.greeter}</dt>
      <dd>{a.recap.greeter}</dd>
      {a.recap.address && (
        <>
          <dt>{l.address}</dt>
          <dd lang={own}>{a.recap.address}</dd>
        </>
      )}
      {a.recap.parking && (
        <>
          <dt>{l.parking}</dt>
          <dd lang={own}>{a.recap.parking}</dd>
        </>
      )}
      {a.express && (
        <>
          <dt>{l.express}</dt>
          <dd>{l.expressIs}</dd>
        </>
      )}
      <dt>{l.mobility}</dt>
      <dd>
        {MOBILITY_LABELS[lang][a.mobility]}
        {MOBILITY_MEANS[lang][a.mobility] && (
          <>
            {": "}
            {MOBILITY_MEANS[lang][a.mobility]}
          </>
        )}
      </dd>
      <dt>{l.ready}</dt>
      <dd>{at(a.readyAt)}</dd>
      {a.return && (
        <>
          <dt>{returnIn(lang, a.mobility)}</dt>
          <dd>{at(a.return.start)}</dd>
        </>
      )}
      <dt>{l.bring}</dt>
      <dd>
        <ul>
          {a.recap.bring.map((b) => (
            <li key={b}>{lang === "it" ? (BRING_IT[b] ?? b) : b}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}
