import { useRef } from "preact/hooks";
import { t } from "./i18n.js";
import { hhmm } from "./minutes.js";
import { SlotButton } from "./slot-button.js";
import { useSlotMoves } from "./timeline-moves.js";
import { rangeOf, STEP, useOpensNearNow } from "./timeline-scale.js";
import type { Appointment, DayBoard, Slot } from "./types.js";

// The day as one row per advisor (a list of tracks, each a list of slot buttons), over the
// hour scale (timeline-scale.ts). Slots move by drag or keyboard (timeline-moves.ts): the
// picked-up one shows where it would land, and the live region says each step.

export interface TimelineProps {
  day: DayBoard;
  details: Map<string, Appointment>;
  /** Why an appointment's details could not be read, by its id: its tooltip says it. */
  failed: Map<string, string>;
  onDetails: (id: string) => void;
  onMove: (slot: Slot, advisorId: string, minute: number) => void;
  onOpen: (slot: Slot) => void;
}

export function Timeline({ day, details, failed, onDetails, onMove, onOpen }: TimelineProps) {
  const range = rangeOf(day);
  const span = range.to - range.from;
  const { grab, said, dropRow, setDropRow, name, onKey, onDragStart, onDrop } = useSlotMoves(day, range, onMove);
  const wrap = useRef<HTMLDivElement>(null);
  useOpensNearNow(wrap, day, range);

  const hours: number[] = [];
  for (let m = range.from; m <= range.to; m += 60) hours.push(m);
  // The track scrolls sideways: with no slot to tab to (an empty day), the scroller itself
  // takes focus so the keyboard can scroll it (axe: scrollable-region-focusable). The help
  // stays outside it, in view however far the day is scrolled. --quarters sizes the day
  // (the stylesheet gives a quarter hour its minimum width).
  const empty = day.advisors.every((a) => a.slots.length === 0);
  return (
    <>
      <p id="timeline-help" class="muted">
        {t("timelineHelp")}
      </p>
      <p class="sr-only" aria-live="assertive">
        {said}
      </p>
      <div
        class="timeline-wrap"
        ref={wrap}
        data-date={day.date}
        tabIndex={empty ? 0 : undefined}
        style={{ "--quarters": String(span / STEP) } as Record<string, string>}
      >
        <div class="hours" aria-hidden="true">
          <span />
          <div class="scale">
            {hours.map((m) => (
              <span key={m} style={{ left: `${((m - range.from) / span) * 100}%` }}>
                {hhmm(m)}
              </span>
            ))}
          </div>
        </div>
        <ul class="timeline" aria-describedby="timeline-help">
          {day.advisors.map((a, i) => {
            // The picked-up slot stays in its own row (moving it would lose the focus); the
            // target row is highlighted and shows where it would land.
            const target = grab && grab.advisor === i && !a.slots.includes(grab.slot);
            return (
              <li key={a.id} class="row" data-advisor={a.id}>
                <div class="who" id={`adv-${a.id}`}>
                  {a.name}
                </div>
                <ul
                  class={`track${dropRow === a.id || target ? " drop" : ""}`}
                  aria-labelledby={`adv-${a.id}`}
                  style={{ "--hour": `${(60 / span) * 100}%` } as Record<string, string>}
                  onDragOver={(e) => {
                    e.preventDefault();
                    setDropRow(a.id);
                  }}
                  onDragLeave={() => setDropRow(null)}
                  onDrop={(e) => onDrop(e, a.id)}
                >
                  {target && (
                    <li
                      aria-hidden="true"
                      class="ghost"
                      style={{ left: `${((grab.minute - range.from) / span) * 100}%` }}
                    >
                      {hhmm(grab.minute)}
                    </li>
                  )}
                  {a.slots.map((s) => (
                    <li key={`${s.appointmentId}-${s.kind}`} class="slot-item">
                      <SlotButton
                        slot={s}
                        range={range}
                        advisorName={grab?.slot === s ? name(grab.advisor) : a.name}
                        details={details.get(s.appointmentId)}
                        failed={failed.get(s.appointmentId)}
                        grabbed={grab?.slot === s ? { minute: grab.minute } : null}
                        onDetails={onDetails}
                        onOpen={onOpen}
                        onKey={onKey}
                        onDragStart={onDragStart}
                      />
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
