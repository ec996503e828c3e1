import type { RefObject } from "preact";
import { useLayoutEffect } from "preact/hooks";
import { clockIn } from "../shared/dates.js";
import { minuteOfDay } from "./minutes.js";
import { serverNow, serverToday } from "./server-clock.js";
import type { DayBoard } from "./types.js";

// The timeline's scale: the hours a day spans (08:00–19:00 at least, wider when a slot is
// outside them), the quarter hour a move snaps to, and where the scroller opens (today: the
// hour before now). timeline.tsx draws it; timeline-moves.ts moves slots along it.

/** A move's step, in minutes: the grid the slots snap to. */
export const STEP = 15;

export interface Range {
  from: number;
  to: number;
}

/** The dealer's wall-clock minute of the day now (its time zone and the server's clock, not the browser's). */
function minuteNowIn(timeZone: string): number {
  const [h, m] = clockIn(serverNow().toISOString(), timeZone).split(":").map(Number);
  return h * 60 + m;
}

export function rangeOf(day: DayBoard): Range {
  let from = 8 * 60;
  let to = 19 * 60;
  for (const a of day.advisors)
    for (const s of a.slots) {
      from = Math.min(from, Math.floor(minuteOfDay(s.start) / 60) * 60);
      to = Math.max(to, Math.ceil(minuteOfDay(s.end) / 60) * 60);
    }
  return { from, to };
}

/**
 * Today opens on the hour before now, not on the morning: the track is wider than most
 * screens, and at 15:00 the advisor wants the afternoon. Once per day shown, so a live
 * refresh never scrolls away from where the advisor is looking. A layout effect, before
 * the browser paints: a plain effect ran a frame or more (100+ ms on a busy machine)
 * after the timeline was on screen, which showed the morning first and then jumped.
 */
export function useOpensNearNow(wrap: RefObject<HTMLDivElement | null>, day: DayBoard, range: Range) {
  const span = range.to - range.from;
  useLayoutEffect(() => {
    const scale = wrap.current?.querySelector<HTMLElement>(".hours .scale");
    if (!wrap.current || !scale) return;
    // Another day opens on its first hour.
    const now = serverToday(day.timeZone) === day.date ? minuteNowIn(day.timeZone) - 60 : range.from;
    const at = Math.max(range.from, Math.min(range.to, now));
    wrap.current.scrollLeft = ((at - range.from) / span) * scale.offsetWidth;
  }, [day.date]);
}
