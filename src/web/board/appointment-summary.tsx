import { timeOf } from "../shared/dates.js";
import { reasonIn } from "../shared/recap.js";
import { lang, t } from "./i18n.js";
import type { Appointment, Slot } from "./types.js";

// The top of the appointment dialog: what a colleague changed meanwhile (said in a status
// region), the slot (kind, times, advisor, status, marks), and once the appointment's
// details are read, its customer, phone, vehicle, work and ready time.

interface Props {
  slot: Slot;
  advisorName?: string;
  /** The details drawn (the last read, while new ones are asked). */
  shown?: Appointment;
  /** Someone else changed what the dialog shows, and no call of the dialog's own runs. */
  changed: boolean;
}

export function AppointmentSummary({ slot, advisorName, shown, changed }: Props) {
  return (
    <>
      <p role="status" class={changed ? "notice" : "sr-only"}>
        {changed
          ? t("changedMeanwhile", {
              status: t(`status_${slot.status}` as "status_requested"),
              time: `${timeOf(slot.start)}–${timeOf(slot.end)}`,
            })
          : ""}
      </p>
      <p>
        {t(slot.kind)} {timeOf(slot.start)}–{timeOf(slot.end)} · {advisorName} ·{" "}
        {t(`status_${slot.status}` as "status_requested")}
        {slot.express ? ` · ${t("express")}` : ""}
        {slot.forced ? ` · ${t("forced")}` : ""}
      </p>
      {shown && (
        <p class="muted">
          {t("customer")}: {shown.customer?.name ?? slot.customer?.name ?? t("unknown")} · {t("phone")}:{" "}
          {shown.customer?.phone ?? slot.customer?.phone ?? t("unknown")} · {t("vehicle")}: {shown.vehicle.model} ·{" "}
          {t("interventions")}: {reasonIn(shown, lang)} · {t("readyAt")} {timeOf(shown.readyAt)}
        </p>
      )}
    </>
  );
}
