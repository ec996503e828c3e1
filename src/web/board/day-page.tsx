import { useRef, useState } from "preact/hooks";
import { board } from "./api.js";
import { DayDialogs, type DialogState } from "./day-dialogs.js";
import { DayHeader } from "./day-header.js";
import { dayOutcomes } from "./day-outcomes.js";
import { useDayLoad } from "./day-load.js";
import { deskCalls } from "./desk-calls.js";
import { useDetails } from "./details.js";
import { useFocusAfterLoad } from "./focus-after-load.js";
import { useLive } from "./live.js";
import { messagesOfDay } from "./messages-of-day.js";
import { SidePanels } from "./side-panels.js";
import { slotMove } from "./slot-move.js";
import { useTaskPages } from "./task-pages.js";
import { TimelineCard } from "./timeline-card.js";
import type { Session, Slot } from "./types.js";
import type { WalkedIn } from "./walk-in-dialog.js";
import { useSaidAgain } from "./said-again.js";

// The advisors' day: the header, the timeline, the side panels and the one dialog open.
// What it reads is day-load.ts (the day and its lists), task-pages.ts (the desk's tasks)
// and details.ts (an appointment's details); a slot dropped is slot-move.ts; what the page
// does with a dialog's outcome, a parts action, the way to another day's appointment is
// day-outcomes.ts. Here, the parts put together.

export interface DayProps {
  session: Session;
  onSignOut: () => void;
  onSessionLost: (err: unknown) => void;
}

export function DayPage({ session, onSignOut, onSessionLost }: DayProps) {
  const timelineTitle = useRef<HTMLHeadingElement>(null);
  // Heard again when the same sentence comes twice (a second "Not moved").
  const [notice, setNotice] = useSaidAgain();
  const [dialog, setDialog] = useState<DialogState>(null);
  const desk = useTaskPages(session, onSessionLost);
  const details = useDetails(session, onSessionLost);
  const { date, setDate, day, zone, overdue, messages, loadFailed, reload, retryNow } = useDayLoad({
    session,
    onSessionLost,
    readTasks: desk.read,
    onRead: details.forget,
    onRetried: () => requestAnimationFrame(() => timelineTitle.current?.focus()),
  });
  const live = useLive(board.eventsUrl(session), reload);
  const calls = deskCalls({ session, onSessionLost, reload });

  // Only the day the header names is drawn. Between a new date and its answer the day
  // held is another one's (the day before, or the browser's date whose answer told the
  // dealer's zone), and the effect that clears it runs only after the new header is painted.
  const shownDay = day?.date === date ? day : null;
  const focusAfterLoad = useFocusAfterLoad(date, shownDay);
  const focusAt = (at: WalkedIn) => (focusAfterLoad.current = at);

  const move = slotMove({
    session,
    date,
    day,
    onSessionLost,
    reload,
    setNotice,
    focusAt,
    refused: setDialog,
  });

  const { done, say, changed, goTo, walkedIn } = dayOutcomes({ date, setDate, reload, setNotice, setDialog, focusAt });

  const open = (slot: Slot) => setDialog({ kind: "appointment", slot });
  // The advisor goes to another day: the last notice was about the day left ("Walk-in
  // booked on Monday…" stayed up on Tuesday). A move's or task's own way to a day keeps it.
  const goToDay = (d: string) => {
    setNotice("");
    setDate(d);
  };
  return (
    <>
      <DayHeader session={session} date={date} zone={zone} live={live} onDate={goToDay} onSignOut={onSignOut} />
      <p class="sr-only" role="status" aria-live="polite">
        {notice}
      </p>
      <main>
        <TimelineCard
          day={shownDay}
          titleRef={timelineTitle}
          notice={notice}
          loadFailed={loadFailed}
          onRetry={retryNow}
          onWalkIn={() => setDialog({ kind: "walk-in" })}
          onAbsent={() => setDialog({ kind: "absence" })}
          details={details.details}
          failed={details.failed}
          onDetails={details.load}
          onMove={move}
          onOpen={open}
        />
        <SidePanels
          day={shownDay}
          overdue={overdue}
          desk={{
            tasks: desk.tasks.open,
            done: desk.tasks.done,
            more: desk.tasks.next !== null,
            onMore: desk.more,
            onRecord: calls.recordCall,
            onSaid: say,
            onPhone: calls.phoneOf,
            onParts: (at) => setDialog({ kind: "parts", ...at }),
          }}
          messages={messagesOfDay(messages, shownDay)}
          onOpen={open}
          onGoTo={goTo}
        />
      </main>
      <DayDialogs
        dialog={dialog}
        session={session}
        day={shownDay}
        details={details.details}
        failed={details.failed}
        onDetails={details.load}
        onRead={details.read}
        onDone={done}
        onMove={move}
        onMoved={walkedIn}
        onChanged={changed}
      />
    </>
  );
}
