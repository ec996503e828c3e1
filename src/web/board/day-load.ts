import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { board } from "./api.js";
import { isSignedOut, refusalOf } from "./refusal.js";
import { serverToday } from "./server-clock.js";
import { t } from "./i18n.js";
import type { DayBoard, Message, Overdue, Session } from "./types.js";

// The day shown and what the page reads with it: the day board, the requests waiting for
// confirmation, the messages and the desk's tasks (task-pages.ts), read again at each
// change (`reload`: a click, the live stream). A day that could not be read (network, a
// restarting server) says so where the day goes and is asked again by itself, sooner
// first: the live stream only calls after a change.
//
// "Today" is the dealer's date by the server's clock (server-clock.ts), not UTC's (an hour
// or two behind in Italy after midnight, a whole morning in Asia) nor the desk PC's: the
// browser's own date until the first day read tells the zone and the server's time.

const askedDate = () => new URLSearchParams(location.search).get("date");

/** After a failed load: first retry, doubling up to the last. */
const RETRY_MS = 2_000;
const RETRY_MAX_MS = 30_000;

interface Args {
  session: Session;
  onSessionLost: (err: unknown) => void;
  /** The tasks' part of each load (task-pages.ts read): resolves to what draws them. */
  readTasks: () => Promise<() => void>;
  /** A day was read: what was read of its appointments before may have changed. */
  onRead: () => void;
  /** "Try again now" worked: its button is gone, so the focus goes to the day it brought. */
  onRetried: () => void;
}

export function useDayLoad({ session, onSessionLost, readTasks, onRead, onRetried }: Args) {
  const [date, setDate] = useState(() => askedDate() ?? serverToday());
  const [day, setDay] = useState<DayBoard | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  const dateWasAsked = useRef(askedDate() !== null);
  const [overdue, setOverdue] = useState<Overdue | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
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
  const then = useRef({ readTasks, onRead, onRetried });
  then.current = { readTasks, onRead, onRetried };

  // The day asked for last: an answer for a day the advisor has already left (a slow
  // response overtaken by "previous day") must not be drawn under the new day's header.
  const shown = useRef(date);
  shown.current = date;
  const reload = useCallback(async () => {
    clearTimeout(loads.current.timer);
    const mine = ++loads.current.seq;
    try {
      const [d, o, m, drawTasks] = await Promise.all([
        board.day(session, date),
        board.overdue(session),
        board.messages(session),
        then.current.readTasks(),
      ]);
      if (mine !== loads.current.seq || date !== shown.current) return;
      loads.current.failures = 0;
      setLoadFailed("");
      if (loads.current.byHand) {
        loads.current.byHand = false;
        then.current.onRetried();
      }
      then.current.onRead();
      setDay(d);
      // The first day read tells the dealer's zone: without a ?date, open on its today.
      if (zone === null) {
        setZone(d.timeZone);
        const today = serverToday(d.timeZone); // board.day has just heard the server's clock
        if (!dateWasAsked.current && today !== date) setDate(today);
      }
      setOverdue(o);
      setMessages(m.messages);
      drawTasks();
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
    setDay(null);
    setLoadFailed("");
    loads.current.failures = 0;
    reload();
  }, [date]);

  /** "Try again now": a load by hand, whose success moves the focus to the day (onRetried). */
  const retryNow = () => {
    loads.current.byHand = true;
    reload();
  };

  return { date, setDate, day, zone, overdue, messages, loadFailed, reload, retryNow };
}
