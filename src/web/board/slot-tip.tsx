import { useEffect, useRef, useState } from "preact/hooks";
import { reasonIn } from "../shared/recap.js";
import { lang, t } from "./i18n.js";
import type { Appointment, Slot } from "./types.js";

// A slot's tooltip (slot-button.tsx): who, phone, car, a possible known customer, and the
// work once the appointment's details are read (or why they could not be). It shows on
// hover and focus, and stays while the pointer moves onto it (WCAG 1.4.13, hoverable).

/** Whether the tip shows, and the handlers that show it, keep it and hide it. */
export function useHoverableTip(onShow: () => void) {
  const [tip, setTip] = useState(false);
  // The pointer may move from the slot onto its tooltip (WCAG 1.4.13, hoverable): the tip
  // goes a moment after the pointer leaves either, unless it entered the other meanwhile.
  const hide = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keep = () => clearTimeout(hide.current);
  const hideSoon = () => {
    clearTimeout(hide.current);
    hide.current = setTimeout(() => setTip(false), 150);
  };
  useEffect(() => () => clearTimeout(hide.current), []);
  const show = () => {
    keep();
    setTip(true);
    onShow();
  };
  return { tip, show, keep, hideSoon, close: () => setTip(false) };
}

interface TipProps {
  id: string;
  /** Where the slot's button is: the tip's anchor sits there. */
  place: { left: string; width: string };
  slot: Slot;
  customer: Slot["customer"] | Appointment["customer"];
  details?: Appointment;
  failed?: string;
  keep: () => void;
  hideSoon: () => void;
}

/**
 * Beside the button, not in it: inside, its words were part of the button's visible text,
 * which then no longer matched its accessible name (axe label-content-name-mismatch,
 * whenever a slot had the focus). The anchor sits where the button does.
 */
export function SlotTip({ id, place, slot, customer, details, failed, keep, hideSoon }: TipProps) {
  const name = customer?.name ?? "";
  const vehicle = slot.vehicle;
  return (
    <span class="tip-anchor" style={place}>
      <span role="tooltip" id={id} class="tip" onMouseEnter={keep} onMouseLeave={hideSoon}>
        {t("customer")}: {name || t("unknown")}
        <br />
        {t("phone")}: {customer?.phone || t("unknown")}
        <br />
        {t("vehicle")}: {[vehicle.model, vehicle.plate].filter(Boolean).join(" · ") || t("unknown")}
        {slot.possibleMatch && (
          <>
            <br />
            {t("possibleMatch", { name: slot.possibleMatch.customer.name })}
          </>
        )}
        {details && (
          <>
            <br />
            {t("interventions")}: {reasonIn(details, lang)}
          </>
        )}
        {!details && failed && (
          <>
            <br />
            {t("detailsUnread", { why: failed })}
          </>
        )}
      </span>
    </span>
  );
}
