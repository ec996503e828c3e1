import { zoneNote } from "../shared/dates.js";
import { Recap } from "../shared/recap.js";
import { MOBILITY_CHOICES, MOBILITY_LABELS } from "../shared/recap-words.js";
import type { Appointment, Mobility } from "../shared/types.js";
import type { StepProps } from "./step-props.js";

// The confirmation: what the booking changed or left open (a priority the dealer has yet
// to confirm, the mobility a priority vehicle gets instead of the one asked for), the
// recap, the .ics and the manage link (on Pitlane's own origin, so they work wherever the
// widget is embedded).

interface Props extends StepProps {
  api: string;
  booking: Appointment;
  /** The mobility the customer chose: the booking's may differ (a priority vehicle's). */
  asked: Mobility;
  onAgain: () => void;
}

export function DoneStep({ t, lang, dealer, heading, api, booking, asked, onAgain }: Props) {
  const token = encodeURIComponent(booking.manageToken ?? "");
  // Said from the response's fields, in the customer's language: the API's notes are English.
  // What was asked is quoted as the customer chose it (the mobility step's words).
  const given = booking.mobility;
  const notes = [
    booking.priorityNote ? t("priorityUnconfirmed") : null,
    given !== asked
      ? t(
          given === "courtesy_car"
            ? "priorityCourtesyCar"
            : given === "pickup_delivery"
              ? "priorityPickup"
              : "mobilityChanged",
          {
            asked: MOBILITY_CHOICES[lang][asked],
            given: MOBILITY_LABELS[lang][given],
          },
        )
      : null,
  ].filter((n): n is string => n !== null);
  // The recap's times are the dealer's clock: a customer in another zone is told so here
  // too, as on the times step and the manage page, or 11:15 reads as their own 11:15.
  const zone = zoneNote(dealer.timeZone, lang, new Date(booking.reception.start));
  return (
    <div>
      <h2 ref={heading} tabIndex={-1}>
        {t("doneTitle")}
      </h2>
      <p>{t("doneIntro")}</p>
      {zone && <p class="pl-note">{t("zone", { zone })}</p>}
      {notes.map((n) => (
        <p class="pl-note" key={n}>
          {n}
        </p>
      ))}
      <Recap a={booking} lang={lang} withStatus phone={dealer.phone} dealerLang={dealer.locale} />
      <div class="pl-actions">
        <a class="pl-button" href={`${api}/v1/manage/${token}/calendar.ics`} download="appointment.ics">
          {t("ics")}
        </a>
        <a
          class="pl-button pl-secondary"
          href={`${api}/m/${token}?lang=${lang}`}
          target="_blank"
          rel="noopener"
          data-manage-link
        >
          {t("manage")}
          {/* Said, not only seen: a new tab must not surprise a screen-reader user (WCAG G201). */}
          <span class="pl-sr"> {t("newTab")}</span>
        </a>
      </div>
      <p class="pl-hint">{t("manageHint")}</p>
      <div class="pl-actions">
        <button type="button" class="pl-secondary" onClick={onAgain}>
          {t("again")}
        </button>
      </div>
    </div>
  );
}
