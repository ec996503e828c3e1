import { useState } from "preact/hooks";
import { clockOf, hhmm, minuteOfDay } from "./util/dates.js";
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
    start: clockOf(slot.start),
    end: clockOf(slot.end),
    status: t(`status_${slot.status}` as "status_requested"),
    flags,
    who: `, ${advisorName}`,
  });
}

export function SlotButton({ slot, range, advisorName, details, grabbed, onDetails, onOpen, onKey, onDragStart }: SlotProps) {
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
  return (
    <button
      type="button"
      class={`slot ${slot.kind} ${slot.status}${grabbed ? " grabbed" : ""}`}
      style={{ left: `${((start - range.from) / span) * 100}%`, width: `${(length / span) * 100}%` }}
      draggable
      data-appointment={slot.appointmentId}
      data-kind={slot.kind}
      data-start={grabbed ? hhmm(start) : clockOf(slot.start)}
      aria-label={slotLabel(slot, advisorName)}
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
      <span aria-hidden="true">
        {slot.kind === "return" ? "↩ " : ""}
        {grabbed ? hhmm(start) : clockOf(slot.start)} {name || vehicle?.model || ""}
        {(slot.express || slot.forced) && <span class="flags"> {slot.express ? "E" : ""}{slot.forced ? "!" : ""}</span>}
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
