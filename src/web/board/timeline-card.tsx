import type { Ref } from "preact";
import { t } from "./i18n.js";
import { Timeline, type TimelineProps } from "./timeline.js";
import type { DayBoard } from "./types.js";

// The day's card: its heading, the walk-in and absence buttons, the page's notice (what was
// just done), why the day could not be read with "Try again now", and the timeline itself.

interface Props extends Omit<TimelineProps, "day"> {
  /** The day the header names, once read (null: not yet, or it could not be). */
  day: DayBoard | null;
  titleRef: Ref<HTMLHeadingElement>;
  notice: string;
  /** Why the day could not be read ("" when it was). */
  loadFailed: string;
  onRetry: () => void;
  onWalkIn: () => void;
  onAbsent: () => void;
}

export function TimelineCard({ day, titleRef, notice, loadFailed, onRetry, onWalkIn, onAbsent, ...timeline }: Props) {
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title" tabIndex={-1} ref={titleRef}>
        {t("timeline")}
      </h2>
      <div class="toolbar">
        <button type="button" onClick={onWalkIn}>
          {t("walkIn")}
        </button>
        <button type="button" onClick={onAbsent}>
          {t("absent")}
        </button>
      </div>
      {notice && (
        <p class="notice" data-testid="notice">
          {notice}
        </p>
      )}
      {loadFailed && (
        <div class="notice" role="alert" data-testid="load-failed">
          <p>{loadFailed}</p>
          <button type="button" onClick={onRetry}>
            {t("retry")}
          </button>
        </div>
      )}
      {day && !day.open && <p class="notice">{t("closedDay")}</p>}
      {day && <Timeline day={day} {...timeline} />}
    </section>
  );
}
