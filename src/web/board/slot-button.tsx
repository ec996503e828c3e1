import { useState } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { hhmm, minuteOfDay } from "./minutes.js";
import { t } from "./i18n.js";
import type { Appointment, Slot } from "./types.js";

// One reception or return on an advisor's track: a button (Enter: actions; Space: pick
// up for a keyboard move; or drag it). Name, phone and vehicle show on hover and focus.

export interface SlotProps {
  slot: Slot;
  range: { from: number; to: number };
  advisorName: string;
  details?: Appointment;
  grabbed?: { minute: number } | null;
  onDetails: (id: string) => void;
  onOpen: (slot: Slot) => void;
  onKey: (e: KeyboardEvent, slot: Slot) => void;
  onDragStart: (e: DragEvent, slot: Slot) => void;
}

export function slotLabel(slot: Slot, advisorName: string): string {
  const flags = `${slot.express ? `, ${t("express")}` : ""}${slot.forced ? `, ${t("forced")}` : ""}`;
  return t("slotLabel", {
    kind: t(slot.kind),
    start: timeOf(slot.start),
    end: timeOf(slot.end),
    status: t(`status_${slot.status}` as "status_requested"),
    flags,
    who: `, ${advisorName}`,
  });
}

export function SlotButton({
  slot,
  range,
  advisorName,
  details,
  grabbed,
  onDetails,
  onOpen,
  onKey,
  onDragStart,
}: SlotProps) {
  const [tip, setTip] = useState(false);
  const start = grabbed ? grabbed.minute : minuteOfDay(slot.start);
  const length = Math.max(10, minuteOfDay(slot.end) - minuteOfDay(slot.start));
  const span = range.to - range.from;
  const tipId = `tip-${slot.appointmentId}-${slot.kind}`;
  const show = () => {
    setTip(true);
    onDetails(slot.appointmentId);
  };
  const customer = slot.customer ?? details?.customer;
  const vehicle = slot.vehicle ?? details?.vehicle;
  const name = customer?.name ?? "";
  // What the slot shows is the start of its accessible name (WCAG 2.5.3, label in name).
  const shown =
    `${slot.kind === "return" ? "↩ " : ""}${grabbed ? hhmm(start) : timeOf(slot.start)} ${name || vehicle?.model || ""}${slot.express ? " E" : ""}${slot.forced ? " !" : ""}`.trim();
  return (
    <button
      type="button"
      class={`slot ${slot.kind} ${slot.status}${grabbed ? " grabbed" : ""}`}
      style={{ left: `${((start - range.from) / span) * 100}%`, width: `${(length / span) * 100}%` }}
      draggable
      data-appointment={slot.appointmentId}
      data-kind={slot.kind}
      data-start={grabbed ? hhmm(start) : timeOf(slot.start)}
      aria-label={`${shown}, ${slotLabel(slot, advisorName)}`}
      aria-describedby={tip ? tipId : undefined}
      onClick={() => onOpen(slot)}
      onKeyDown={(e) => onKey(e, slot)}
      // A button clicks on Space's keyup: Space is the pick-up key here, never a click.
      onKeyUp={(e) => e.key === " " && e.preventDefault()}
      onDragStart={(e) => onDragStart(e, slot)}
      onMouseEnter={show}
      onMouseLeave={() => setTip(false)}
      onFocus={show}
      onBlur={() => setTip(false)}
    >
      <span aria-hidden="true" class={slot.express || slot.forced ? "flagged" : ""}>
        {shown}
      </span>
      {tip && (
        <span role="tooltip" id={tipId} class="tip">
          {t("customer")}: {name || t("unknown")}
          <br />
          {t("phone")}: {customer?.phone || t("unknown")}
          <br />
          {t("vehicle")}: {[vehicle?.model, vehicle?.plate].filter(Boolean).join(" · ") || t("unknown")}
          {slot.possibleMatch && (
            <>
              <br />
              {t("possibleMatch", { name: slot.possibleMatch.customer.name })}
            </>
          )}
          {details && (
            <>
              <br />
              {t("interventions")}: {details.interventions.join(", ")}
            </>
          )}
        </span>
      )}
    </button>
  );
}
