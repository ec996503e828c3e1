import { Recap } from "../shared/recap.js";
import type { Appointment } from "../shared/types.js";
import type { StepProps } from "./step-props.js";

// The confirmation: the recap, the .ics and the manage link (on Pitlane's own origin,
// so they work wherever the widget is embedded).

interface Props extends StepProps {
  api: string;
  booking: Appointment;
  onAgain: () => void;
}

export function DoneStep({ t, lang, heading, api, booking, onAgain }: Props) {
  const token = encodeURIComponent(booking.manageToken ?? "");
  return (
    <div>
      <h2 ref={heading} tabIndex={-1}>
        {t("doneTitle")}
      </h2>
      <p>{t("doneIntro")}</p>
      <Recap a={booking} lang={lang} withStatus />
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
