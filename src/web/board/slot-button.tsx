import { useLayoutEffect, useRef } from "preact/hooks";
import { timeOf } from "../shared/dates.js";
import { hhmm, minuteOfDay } from "./minutes.js";
import { t } from "./i18n.js";
import { SlotTip, useHoverableTip } from "./slot-tip.js";
import type { Appointment, Slot } from "./types.js";

// One reception or return on an advisor's track: a button (Enter: actions; Space: pick
// up for a keyboard move; or drag it). Name, phone and vehicle show on hover and focus.
// It shows the start time alone on the first line, which the timeline's scale leaves room
// for in the shortest slot, then who, then the marks: ↩ for a return, the express "E" and
// the forced "!", never cut (the name gives way to them). Who is never broken inside a
// word ("Massimilia" / "no" read as two names): a word too wide for the slot ends in an
// ellipsis ("Massim…"; the stylesheet's .slot .name), and the whole name is in the
// accessible name and the tooltip. A slot shorter than a quarter hour (`short`: a 10-minute
// return) puts its marks on a line of their own, under one line of name: beside them the
// name had room for one letter ("↩ M…"), and a ↩ before it pushed it off its one line.
// Its tooltip (slot-tip.tsx) has the customer, the car and the work.

export interface SlotProps {
  slot: Slot;
  range: { from: number; to: number };
  advisorName: string;
  details?: Appointment;
  /** Why its details could not be read (the last read failed): the tooltip says it, and the next hover or focus asks again. */
  failed?: string;
  grabbed?: { minute: number } | null;
  onDetails: (id: string) => void;
  onOpen: (slot: Slot) => void;
  onKey: (e: KeyboardEvent, slot: Slot) => void;
  onDragStart: (e: DragEvent, slot: Slot) => void;
}

/** `at`: where a slot picked up by keyboard would drop now (its name says that place, not the old one). */
export function slotLabel(slot: Slot, advisorName: string, at?: { start: string; end: string }): string {
  const flags = `${slot.express ? `, ${t("express")}` : ""}${slot.forced ? `, ${t("forced")}` : ""}`;
  return t("slotLabel", {
    kind: t(slot.kind),
    start: at?.start ?? timeOf(slot.start),
    end: at?.end ?? timeOf(slot.end),
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
  failed,
  grabbed,
  onDetails,
  onOpen,
  onKey,
  onDragStart,
}: SlotProps) {
  const { tip, show, keep, hideSoon, close } = useHoverableTip(() => onDetails(slot.appointmentId));
  const button = useRef<HTMLButtonElement>(null);
  const start = grabbed ? grabbed.minute : minuteOfDay(slot.start);
  const length = Math.max(10, minuteOfDay(slot.end) - minuteOfDay(slot.start));
  const span = range.to - range.from;
  const tipId = `tip-${slot.appointmentId}-${slot.kind}`;
  const customer = slot.customer ?? details?.customer;
  // The day board names the car: the tooltip does not wait for the appointment's read.
  const vehicle = slot.vehicle;
  const name = customer?.name ?? "";
  const time = grabbed ? hhmm(start) : timeOf(slot.start);
  const who = (name || vehicle.model).trim();
  const marks = [slot.kind === "return" && "↩", slot.express && "E", slot.forced && "!"].filter(Boolean).join(" ");
  const more = [who, marks].filter(Boolean).join(" ");
  // What the slot shows is the start of its accessible name (WCAG 2.5.3, label in name).
  const shown = `${time} ${more}`.trim();
  // A slot moved by keyboard stays in view: the day is wider than the panel, and the
  // browser scrolls to a focused button only when focus arrives, not when the button moves.
  useLayoutEffect(() => {
    if (grabbed) button.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [grabbed?.minute]);
  const place = { left: `${((start - range.from) / span) * 100}%`, width: `${(length / span) * 100}%` };
  return (
    <>
      <button
        ref={button}
        type="button"
        class={`slot ${slot.kind} ${slot.status}${length < 15 ? " short" : ""}${grabbed ? " grabbed" : ""}`}
        style={place}
        draggable
        data-appointment={slot.appointmentId}
        data-kind={slot.kind}
        data-start={time}
        aria-label={`${shown}, ${slotLabel(slot, advisorName, grabbed ? { start: time, end: hhmm(start + length) } : undefined)}`}
        aria-describedby={tip && !grabbed ? tipId : undefined}
        onClick={() => onOpen(slot)}
        onKeyDown={(e) => onKey(e, slot)}
        // A button clicks on Space's keyup: Space is the pick-up key here, never a click.
        onKeyUp={(e) => e.key === " " && e.preventDefault()}
        onDragStart={(e) => onDragStart(e, slot)}
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onFocus={show}
        onBlur={close}
      >
        {/* The space between the lines is in the text (the label axe compares with the
          accessible name reads "09:00 Anna Greco", not "09:00Anna Greco"). */}
        <span aria-hidden="true">
          <span class="time">{time}</span>
          {more && " "}
          {more && (
            <span class="more">
              {who && <span class="name">{who}</span>}
              {who && marks && " "}
              {marks && <span class="marks">{marks}</span>}
            </span>
          )}
        </span>
      </button>
      {/* Beside the button, never inside it (slot-tip.tsx says why). Not while picked up:
        it covered the row below, where ArrowDown takes the slot. */}
      {tip && !grabbed && (
        <SlotTip
          id={tipId}
          place={place}
          slot={slot}
          customer={customer}
          details={details}
          failed={failed}
          keep={keep}
          hideSoon={hideSoon}
        />
      )}
    </>
  );
}
