import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { clockIn, todayIn } from "../shared/dates.js";
import { hhmm, minuteOfDay } from "./minutes.js";
import { t } from "./i18n.js";
import { SlotButton } from "./slot-button.js";
import type { Appointment, DayBoard, Slot } from "./types.js";

// The day as one row per advisor (a list of tracks, each a list of slot buttons).
// Moving: drag a slot onto a track (snapped to the quarter hour, where the pointer drops
// its start), or from the keyboard: Space picks up, arrows move (15 min / advisor),
// Enter drops, Escape cancels — announced in a live region.

const STEP = 15;

export interface TimelineProps {
  day: DayBoard;
  details: Map<string, Appointment>;
  /** Why an appointment's details could not be read, by its id: its tooltip says it. */
  failed: Map<string, string>;
  onDetails: (id: string) => void;
  onMove: (slot: Slot, advisorId: string, minute: number) => void;
  onOpen: (slot: Slot) => void;
}

interface Grab {
  slot: Slot;
  advisor: number;
  minute: number;
}

/** The dealer's wall-clock minute of the day now (its time zone, not the browser's). */
function minuteNowIn(timeZone: string): number {
  const [h, m] = clockIn(new Date().toISOString(), timeZone).split(":").map(Number);
  return h * 60 + m;
}

function rangeOf(day: DayBoard) {
  let from = 8 * 60;
  let to = 19 * 60;
  for (const a of day.advisors)
    for (const s of a.slots) {
      from = Math.min(from, Math.floor(minuteOfDay(s.start) / 60) * 60);
      to = Math.max(to, Math.ceil(minuteOfDay(s.end) / 60) * 60);
    }
  return { from, to };
}

export function Timeline({ day, details, failed, onDetails, onMove, onOpen }: TimelineProps) {
  const [grab, setGrab] = useState<Grab | null>(null);
  const [said, setSaid] = useState("");
  const [dropRow, setDropRow] = useState<string | null>(null);
  const range = rangeOf(day);
  const span = range.to - range.from;
  const drag = { slot: null as Slot | null, offset: 0 };
  const name = (i: number) => day.advisors[i]?.name ?? "";

  const onKey = (e: KeyboardEvent, slot: Slot) => {
    const row = day.advisors.findIndex((a) => a.slots.includes(slot));
    const mine = grab?.slot === slot ? grab : null;
    if (!mine) {
      if (e.key === " ") {
        e.preventDefault();
        const g = { slot, advisor: row, minute: minuteOfDay(slot.start) };
        setGrab(g);
        setSaid(t("grabbed", { kind: t(slot.kind), time: hhmm(g.minute), advisor: name(row) }));
      }
      return;
    }
    let next = mine;
    if (e.key === "ArrowLeft") next = { ...mine, minute: Math.max(range.from, mine.minute - STEP) };
    else if (e.key === "ArrowRight") next = { ...mine, minute: Math.min(range.to - STEP, mine.minute + STEP) };
    else if (e.key === "ArrowUp") next = { ...mine, advisor: Math.max(0, mine.advisor - 1) };
    else if (e.key === "ArrowDown") next = { ...mine, advisor: Math.min(day.advisors.length - 1, mine.advisor + 1) };
    else if (e.key === "Escape") {
      e.preventDefault();
      setGrab(null);
      return setSaid(t("grabCancelled"));
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setGrab(null);
      return onMove(slot, day.advisors[mine.advisor].id, mine.minute);
    } else return;
    e.preventDefault();
    setGrab(next);
    setSaid(t("grabMoved", { time: hhmm(next.minute), advisor: name(next.advisor) }));
  };

  const onDragStart = (e: DragEvent, slot: Slot) => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const track = (e.currentTarget as HTMLElement).parentElement!.getBoundingClientRect();
    drag.slot = slot;
    drag.offset = ((e.clientX - rect.left) / track.width) * span;
    e.dataTransfer?.setData(
      "text/plain",
      JSON.stringify({ id: slot.appointmentId, kind: slot.kind, offset: drag.offset }),
    );
    if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
  };

  const onDrop = (e: DragEvent, advisorId: string) => {
    e.preventDefault();
    setDropRow(null);
    const raw = e.dataTransfer?.getData("text/plain");
    if (!raw) return;
    const { id, kind, offset } = JSON.parse(raw) as { id: string; kind: string; offset: number };
    const slot = day.advisors.flatMap((a) => a.slots).find((s) => s.appointmentId === id && s.kind === kind);
    if (!slot) return;
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const at = range.from + ((e.clientX - rect.left) / rect.width) * span - offset;
    const minute = Math.min(range.to - STEP, Math.max(range.from, Math.round(at / STEP) * STEP));
    onMove(slot, advisorId, minute);
  };

  // Today opens on the hour before now, not on the morning: the track is wider than most
  // screens, and at 15:00 the advisor wants the afternoon. Once per day shown, so a live
  // refresh never scrolls away from where the advisor is looking. A layout effect, before
  // the browser paints: a plain effect ran a frame or more (100+ ms on a busy machine)
  // after the timeline was on screen, which showed the morning first and then jumped.
  const wrap = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const scale = wrap.current?.querySelector<HTMLElement>(".hours .scale");
    if (!wrap.current || !scale) return;
    // Another day opens on its first hour.
    const now = todayIn(day.timeZone) === day.date ? minuteNowIn(day.timeZone) - 60 : range.from;
    const at = Math.max(range.from, Math.min(range.to, now));
    wrap.current.scrollLeft = ((at - range.from) / span) * scale.offsetWidth;
  }, [day.date]);

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
