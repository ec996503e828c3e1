import { useEffect, useState } from "preact/hooks";
import { addDays, longDate } from "../shared/dates.js";
import { lang, t } from "./i18n.js";
import { serverToday } from "./server-clock.js";
import type { Session } from "./types.js";

// The page's header: who is signed in, the day shown and the ways to another (previous,
// next, the dealer's today by the server's clock, any day by its date), whether live
// updates arrive, and signing out. The date field goes on Enter or its button, not on each
// change: typing a date in it passes through other valid dates ("1" before "15"), and each
// would load a day and be read out.

interface Props {
  session: Session;
  date: string;
  /** The dealer's zone, once the first day told it (its "today"). */
  zone: string | null;
  live: boolean;
  onDate: (date: string) => void;
  onSignOut: () => void;
}

export function DayHeader({ session, date, zone, live, onDate, onSignOut }: Props) {
  // The field's own value while typed; a day reached another way shows in it. Not a new
  // input per day (a key): Enter in it then dropped the focus to <body>.
  const [picked, setPicked] = useState(date);
  useEffect(() => setPicked(date), [date]);
  return (
    <header class="top">
      <h1 tabIndex={-1}>
        Pitlane · {t("title")}{" "}
        <span class="muted-inverse">— {t("signedInAs", { dealer: session.dealerName, role: t(session.role) })}</span>
      </h1>
      <nav aria-label={t("title")} class="daynav">
        <button type="button" onClick={() => onDate(addDays(date, -1))} aria-label={t("prevDay")}>
          ‹
        </button>
        <span class="date" data-date={date} aria-live="polite">
          {longDate(date, lang)}
        </span>
        <button type="button" onClick={() => onDate(addDays(date, 1))} aria-label={t("nextDay")}>
          ›
        </button>
        <button type="button" onClick={() => onDate(serverToday(zone ?? undefined))}>
          {t("today")}
        </button>
        <form
          class="jump"
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d{4}-\d{2}-\d{2}$/.test(picked)) onDate(picked);
          }}
        >
          {/* min/max: a mistyped year (112026) is the browser's "must be 2999 or earlier", not silence. */}
          <label>
            {t("goToDay")}{" "}
            <input
              name="day"
              type="date"
              required
              min="2000-01-01"
              max="2999-12-31"
              value={picked}
              onInput={(e) => setPicked(e.currentTarget.value)}
            />
          </label>
          <button type="submit">{t("showDay")}</button>
        </form>
      </nav>
      <span class="live" data-live={live ? "on" : "off"}>
        {live ? `● ${t("live")}` : t("offline")}
      </span>
      <button type="button" onClick={onSignOut}>
        {t("signOut")}
      </button>
    </header>
  );
}
