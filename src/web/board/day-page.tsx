import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { addDays, longDate, todayIn } from "../shared/dates.js";
import { hhmm } from "./minutes.js";
import { AbsenceDialog } from "./absence-dialog.js";
import { board, isSignedOut, isStale, refusalOf } from "./api.js";
import { AppointmentDialog, type AppointmentDialogState } from "./appointment-dialog.js";
import { t, lang } from "./i18n.js";
import { useLive } from "./live.js";
import { messagesOfDay } from "./messages-panel.js";
import { PartsDialog, type PartsDialogState } from "./parts-dialog.js";
import { tw } from "./task-words.js";
import { SidePanels } from "./side-panels.js";
import { Timeline } from "./timeline.js";
import type {
  Appointment,
  DayBoard,
  DeskTask,
  Message,
  Overdue,
  RecordResult,
  Session,
  Slot,
  TaskOutcome,
} from "./types.js";
import { ApiFailure } from "./http.js";
import { type WalkedIn, WalkInDialog } from "./walk-in-dialog.js";

export type DialogState = AppointmentDialogState | PartsDialogState | { kind: "absence" } | { kind: "walk-in" } | null;

// "Today" is the dealer's date, not UTC's (an hour or two behind in Italy after midnight,
// a whole morning in Asia): the browser's own date until the first day tells the zone.
const askedDate = () => new URLSearchParams(location.search).get("date");

/** After a failed load: first retry, doubling up to the last. */
const RETRY_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export interface DayProps {
  session: Session;
  onSignOut: () => void;
  onSessionLost: (err: unknown) => void;
}

export function DayPage({ session, onSignOut, onSessionLost }: DayProps) {
  const [date, setDate] = useState(() => askedDate() ?? todayIn());
  const [day, setDay] = useState<DayBoard | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  const dateWasAsked = useRef(askedDate() !== null);
  const [overdue, setOverdue] = useState<Overdue | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  // `next`: more open tasks follow (the page after the last shown). `taskPages`: how many
  // pages are shown ("Show more tasks"), read again as many at each reload.
  const [tasks, setTasks] = useState<{ open: DeskTask[]; done: DeskTask[]; next: string | null }>({
    open: [],
    done: [],
    next: null,
  });
  const taskPages = useRef(1);
  const tasksNow = useRef(tasks);
  tasksNow.current = tasks;
  const [notice, setNotice] = useState("");
  // A day that could not be read (network, a restarting server) says so where the day goes
  // and is asked again by itself, sooner first: the live stream only calls after a change.
  const [loadFailed, setLoadFailed] = useState("");
  // Only the latest load may draw, fail or start a retry (a click or a live change can start
  // one while another is in flight); none once the page is gone (signed out).
  const loads = useRef<{
    seq: number;
    alive: boolean;
    byHand: boolean;
    failures: number;
    timer?: ReturnType<typeof setTimeout>;
  }>({ seq: 0, alive: true, byHand: false, failures: 0 });
  const timelineTitle = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const details = useRef(new Map<string, Appointment>());
  const [, setDetailsTick] = useState(0);
  // A walk-in just booked (or a desk task about another day's appointment): the board goes
  // to its day (today: the advisor may have been looking at another) and its slot takes
  // the focus once that day is drawn, so the desk is on it (Enter: check in) and a screen
  // reader reads it after the notice.
  const focusAfterLoad = useRef<WalkedIn | null>(null);

  // The day asked for last: an answer for a day the advisor has already left (a slow
  // response overtaken by "previous day") must not be drawn under the new day's header.
  const shown = useRef(date);
  shown.current = date;
  const reload = useCallback(async () => {
    clearTimeout(loads.current.timer);
    const mine = ++loads.current.seq;
    const pages = taskPages.current;
    try {
      const [d, o, m, open, closed] = await Promise.all([
        board.day(session, date),
        board.overdue(session),
        board.messages(session),
        board.openTasks(session, pages),
        board.tasks(session, "done"),
      ]);
      if (mine !== loads.current.seq || date !== shown.current) return;
      loads.current.failures = 0;
      setLoadFailed("");
      // "Try again now" worked: its button is gone, so focus goes to the day it brought.
      if (loads.current.byHand) {
        loads.current.byHand = false;
        requestAnimationFrame(() => timelineTitle.current?.focus());
      }
      details.current.clear();
      setDay(d);
      // The first day read tells the dealer's zone: without a ?date, open on its today.
      if (zone === null) {
        setZone(d.timeZone);
        if (!dateWasAsked.current && todayIn(d.timeZone) !== date) setDate(todayIn(d.timeZone));
      }
      setOverdue(o);
      setMessages(m.messages);
      // A page added while this was read is not in it: the list drawn with it stays.
      if (taskPages.current === pages) setTasks({ open: open.tasks, done: closed.tasks, next: open.next });
    } catch (err) {
      onSessionLost(err);
      const current = loads.current.alive && mine === loads.current.seq && date === shown.current;
      if (!current || isSignedOut(err)) return;
      setLoadFailed(t("loadFailed", { why: refusalOf(err).sentence }));
      const failures = ++loads.current.failures;
      loads.current.timer = setTimeout(
        () => reloadRef.current(),
        Math.min(RETRY_MS * 2 ** (failures - 1), RETRY_MAX_MS),
      );
    }
  }, [session, date, zone]);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(
    () => () => {
      loads.current.alive = false;
      clearTimeout(loads.current.timer);
    },
    [],
  );

  useEffect(() => {
    const u = new URL(location.href);
    u.searchParams.set("date", date);
    history.replaceState(null, "", u);
    // Gone to another day than the walk-in's: its slot must not take the focus later.
    if (focusAfterLoad.current?.date !== date) focusAfterLoad.current = null;
    setDay(null);
    setLoadFailed("");
    loads.current.failures = 0;
    reload();
  }, [date]);
  const live = useLive(board.eventsUrl(session), reload);

  // An appointment's details, read into `details`; rejects with a sentence (the parts
  // dialog says it). loadDetails: the same once per reload, its failure left unsaid (a
  // tooltip or the appointment dialog then shows what the day board has).
  const readDetails = useCallback(
    async (id: string) => {
      try {
        details.current.set(id, await board.appointment(session, id));
        setDetailsTick((n) => n + 1);
      } catch (err) {
        onSessionLost(err);
        throw new Error(refusalOf(err).sentence);
      }
    },
    [session],
  );
  const loadDetails = useCallback(
    (id: string) => {
      if (!details.current.has(id)) readDetails(id).catch(() => {});
    },
    [readDetails],
  );

  /** A drag or a keyboard drop: PATCH with the version the page showed (If-Match). */
  const move = async (slot: Slot, advisorId: string, minute: number) => {
    const at = { start: `${date}T${hhmm(minute)}`, advisorId };
    const body = slot.kind === "reception" ? { reception: at } : { return: at };
    const advisor = day?.advisors.find((a) => a.id === advisorId)?.name ?? advisorId;
    try {
      await board.move(session, slot.appointmentId, slot.version, body);
      setNotice(t("moved", { time: hhmm(minute), advisor }));
      // Redrawn in its new row, the slot is a new button: the focus follows it there.
      focusAfterLoad.current = { appointmentId: slot.appointmentId, date };
    } catch (err) {
      onSessionLost(err);
      const refusal = refusalOf(err);
      if (isStale(err)) setNotice(refusal.sentence);
      else setDialog({ kind: "appointment", slot, refusal, target: { advisorId, minute } });
    }
    await reload();
  };

  const done = (message?: string) => {
    setDialog(null);
    if (message) setNotice(message);
    reload();
  };

  // A call the desk made about a task. Closed or withdrawn meanwhile (409, by another desk
  // or by the journey): the list is read again, the task leaves it, and the page says why.
  // Any other refusal is said in the form, which stays.
  const recordCall = async (task: DeskTask, outcome: TaskOutcome, note: string, key: string): Promise<RecordResult> => {
    try {
      await board.recordCall(session, task.id, note ? { outcome, note } : { outcome }, key);
      await reload();
      return { ok: true };
    } catch (err) {
      onSessionLost(err);
      if (err instanceof ApiFailure && err.problem.status === 409) {
        await reload();
        return { ok: false, gone: true, sentence: tw(err.problem.state === "withdrawn" ? "withdrawn" : "alreadyDone") };
      }
      return { ok: false, gone: false, sentence: refusalOf(err).sentence };
    }
  };

  // "Show more tasks": the page past the last shown, appended. Resolves to the first task
  // it adds (the panel focuses it), null when it adds none; rejects with a sentence.
  const moreTasks = async (): Promise<string | null> => {
    const from = tasksNow.current.next;
    if (!from) return null;
    let page: { tasks: DeskTask[]; next: string | null };
    try {
      page = await board.tasks(session, "open", from);
    } catch (err) {
      onSessionLost(err);
      throw new Error(refusalOf(err).sentence);
    }
    const now = tasksNow.current;
    // A reload drew the list again meanwhile, its own pages: this one is not theirs to follow.
    if (now.next !== from) return null;
    const shown = new Set(now.open.map((task) => task.id));
    const added = page.tasks.filter((task) => !shown.has(task.id));
    taskPages.current++;
    setTasks({ ...now, open: [...now.open, ...added], next: page.next });
    return added[0]?.id ?? null;
  };

  // A task's customer's phone number, read on request from the appointment (staff view).
  const phoneOf = async (appointmentId: string): Promise<string | null> => {
    try {
      return (await board.appointment(session, appointmentId)).customer?.phone ?? null;
    } catch (err) {
      onSessionLost(err);
      throw new Error(refusalOf(err).sentence);
    }
  };

  // The page's notice says it again when the same sentence comes twice (a second "no
  // answer"): emptied first, so its status region hears a change.
  const say = (sentence: string) => {
    setNotice("");
    requestAnimationFrame(() => setNotice(sentence));
  };

  // A parts action in the appointment dialog: it stays open (the next part is ordered from
  // it); the notice says what was done, and the day and its details are read again.
  const changed = (sentence: string) => {
    say(sentence);
    reload();
  };

  // A task about another day's appointment: that day, with its slot focused once drawn.
  const goTo = (at: WalkedIn) => {
    focusAfterLoad.current = at;
    if (at.date === date) reload();
    else setDate(at.date);
  };

  const walkedIn = (walkIn: WalkedIn, message: string) => {
    focusAfterLoad.current = walkIn;
    setDialog(null);
    setNotice(message);
    if (walkIn.date === date) reload();
    else setDate(walkIn.date);
  };

  // Only the day the header names is drawn. Between a new date and its answer the day
  // held is another one's (the day before, or the browser's date whose answer told the
  // dealer's zone), and the effect that clears it runs only after the new header is painted.
  const shownDay = day?.date === date ? day : null;

  // Each day drawn is a new object: the first of the walk-in's day has its slot (the
  // answers of loads begun before the booking are dropped: reload's seq).
  useEffect(() => {
    const walkIn = focusAfterLoad.current;
    if (!walkIn || shownDay?.date !== walkIn.date) return;
    focusAfterLoad.current = null;
    const id = CSS.escape(walkIn.appointmentId);
    document.querySelector<HTMLElement>(`button.slot.reception[data-appointment="${id}"]`)?.focus();
  }, [shownDay]);

  return (
    <>
      <header class="top">
        <h1 tabIndex={-1}>
          Pitlane · {t("title")}{" "}
          <span class="muted-inverse">— {t("signedInAs", { dealer: session.dealerName, role: t(session.role) })}</span>
        </h1>
        <nav aria-label={t("title")} class="daynav">
          <button type="button" onClick={() => setDate(addDays(date, -1))} aria-label={t("prevDay")}>
            ‹
          </button>
          <span class="date" data-date={date} aria-live="polite">
            {longDate(date, lang)}
          </span>
          <button type="button" onClick={() => setDate(addDays(date, 1))} aria-label={t("nextDay")}>
            ›
          </button>
          <button type="button" onClick={() => setDate(todayIn(zone ?? undefined))}>
            {t("today")}
          </button>
        </nav>
        <span class="live" data-live={live ? "on" : "off"}>
          {live ? `● ${t("live")}` : t("offline")}
        </span>
        <button type="button" onClick={onSignOut}>
          {t("signOut")}
        </button>
      </header>
      <p class="sr-only" role="status" aria-live="polite">
        {notice}
      </p>
      <main>
        <section class="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title" tabIndex={-1} ref={timelineTitle}>
            {t("timeline")}
          </h2>
          <div class="toolbar">
            <button type="button" onClick={() => setDialog({ kind: "walk-in" })}>
              {t("walkIn")}
            </button>
            <button type="button" onClick={() => setDialog({ kind: "absence" })}>
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
              <button
                type="button"
                onClick={() => {
                  loads.current.byHand = true;
                  reload();
                }}
              >
                {t("retry")}
              </button>
            </div>
          )}
          {shownDay && !shownDay.open && <p class="notice">{t("closedDay")}</p>}
          {shownDay && (
            <Timeline
              day={shownDay}
              details={details.current}
              onDetails={loadDetails}
              onMove={move}
              onOpen={(slot) => setDialog({ kind: "appointment", slot })}
            />
          )}
        </section>
        <SidePanels
          day={shownDay}
          overdue={overdue}
          desk={{
            tasks: tasks.open,
            done: tasks.done,
            more: tasks.next !== null,
            onMore: moreTasks,
            onRecord: recordCall,
            onSaid: say,
            onPhone: phoneOf,
            onParts: (at) => setDialog({ kind: "parts", ...at }),
          }}
          messages={messagesOfDay(messages, shownDay)}
          onOpen={(slot) => setDialog({ kind: "appointment", slot })}
          onGoTo={goTo}
        />
      </main>
      {dialog?.kind === "appointment" && shownDay && (
        <AppointmentDialog
          session={session}
          day={shownDay}
          state={dialog}
          details={details.current.get(dialog.slot.appointmentId)}
          onDetails={loadDetails}
          onDone={done}
          onMove={move}
          onMoved={walkedIn}
          onChanged={changed}
        />
      )}
      {dialog?.kind === "parts" && (
        <PartsDialog
          session={session}
          state={dialog}
          details={details.current.get(dialog.appointmentId)}
          onRead={readDetails}
          onDone={done}
          onChanged={changed}
        />
      )}
      {dialog?.kind === "absence" && shownDay && <AbsenceDialog session={session} day={shownDay} onDone={done} />}
      {dialog?.kind === "walk-in" && shownDay && <WalkInDialog session={session} onDone={done} onBooked={walkedIn} />}
    </>
  );
}
