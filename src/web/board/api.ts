import { dealerPath as dealerPathOf } from "../shared/api.js";
import { apiFetch } from "./http.js";
import { heardServerAt } from "./server-clock.js";
import type { DealerInfo } from "../shared/types.js";
import type { Appointment, DayBoard, DeskTask, Message, Overdue, Plan, Session, TaskOutcome } from "./types.js";

// The staff API as the page calls it: the session cookie authenticates (same origin), no
// key ever passes through here after sign-in. What a refused call means to the page (its
// sentence, the rules it broke, stale or signed out) is refusal.ts.

const dealerPath = (s: Session) => dealerPathOf(s.dealerId);

/** The open tasks read at a time (the oldest first; the API's most): "Show more tasks" reads the next page. */
export const OPEN_TASKS_SHOWN = 500;

/** One page of the desk's tasks; `next`, sent back as `after`, reads the page past it (null: none). */
export type TaskPage = { tasks: DeskTask[]; truncated: boolean; next: string | null };

const tasksPage = (s: Session, state: "open" | "done", after?: string) =>
  apiFetch<TaskPage>(
    `${dealerPath(s)}/tasks?state=${state}&limit=${state === "open" ? OPEN_TASKS_SHOWN : 20}${
      after ? `&after=${encodeURIComponent(after)}` : ""
    }`,
  );

/** A parts write's answer (PartsOrderChange): what matters to the page is the appointment's version it left. */
type PartsWritten = { version: number };

export const board = {
  /** The open session, or undefined (204: the probe's "not signed in", which the browser does not log as a 401). */
  session: () => apiFetch<Session | undefined>("/v1/board/session?probe=true"),
  /** The dealer's public information: its service catalogue for the walk-in dialog. */
  dealer: (s: Session) => apiFetch<DealerInfo>(dealerPath(s)),
  signIn: (dealerId: string, key: string) =>
    apiFetch<Session>("/v1/board/session", { method: "POST", body: { dealerId, key } }),
  signOut: () => apiFetch<void>("/v1/board/session", { method: "DELETE" }),
  day: async (s: Session, date: string) => {
    const day = await apiFetch<DayBoard>(`${dealerPath(s)}/days/${date}`);
    heardServerAt(day.now); // the server's clock, for the steps that wait for a time
    return day;
  },
  appointment: (s: Session, id: string) =>
    apiFetch<Appointment>(`${dealerPath(s)}/appointments/${encodeURIComponent(id)}`),
  overdue: (s: Session) => apiFetch<Overdue>(`${dealerPath(s)}/overdue`),
  messages: (s: Session) => apiFetch<{ messages: Message[] }>(`${dealerPath(s)}/messages?limit=100`),
  /** The desk's tasks: a page of the open ones (oldest first; `after` a page's `next`), or the last done ones. */
  tasks: tasksPage,
  /**
   * The first `pages` pages of open tasks as one list, with the last page's `next`: a
   * reload of the board keeps the pages "Show more tasks" added (the task being worked
   * on would otherwise vanish from under the advisor at each live change).
   */
  openTasks: async (s: Session, pages: number): Promise<{ tasks: DeskTask[]; next: string | null }> => {
    let page = await tasksPage(s, "open");
    const tasks = [...page.tasks];
    for (let n = 1; n < pages && page.next; n++) {
      page = await tasksPage(s, "open", page.next);
      tasks.push(...page.tasks);
    }
    return { tasks, next: page.next };
  },
  /**
   * A call the desk made about a task. The Idempotency-Key is made once per form submission:
   * a retry of a lost answer records the call once.
   */
  recordCall: (s: Session, taskId: string, body: { outcome: TaskOutcome; note?: string }, key: string) =>
    apiFetch<{ task: DeskTask }>(`${dealerPath(s)}/tasks/${encodeURIComponent(taskId)}/attempts`, {
      method: "POST",
      body,
      headers: { "idempotency-key": key },
    }),
  move: (s: Session, id: string, version: number, body: unknown) =>
    apiFetch<Appointment>(`${dealerPath(s)}/appointments/${encodeURIComponent(id)}`, {
      method: "PATCH",
      body,
      headers: { "if-match": String(version) },
    }),
  action: (s: Session, id: string, action: string, version: number) =>
    apiFetch<Appointment>(`${dealerPath(s)}/appointments/${encodeURIComponent(id)}/${action}`, {
      method: "POST",
      body: {},
      headers: { "if-match": String(version) },
    }),
  /** The part arrived: the server tells the customer (If-Match: the appointment's version). */
  partArrived: (s: Session, id: string, partId: string, version: number) =>
    apiFetch<PartsWritten>(
      `${dealerPath(s)}/appointments/${encodeURIComponent(id)}/parts/${encodeURIComponent(partId)}/arrive`,
      { method: "POST", body: {}, headers: { "if-match": String(version) } },
    ),
  /** The order cancelled (only one still on order; If-Match: the appointment's version). */
  cancelPart: (s: Session, id: string, partId: string, version: number) =>
    apiFetch<PartsWritten>(
      `${dealerPath(s)}/appointments/${encodeURIComponent(id)}/parts/${encodeURIComponent(partId)}/cancel`,
      { method: "POST", body: {}, headers: { "if-match": String(version) } },
    ),
  /** A part ordered for the appointment (If-Match: the appointment's version; a retry of a lost answer then meets 412, never a second order). */
  orderPart: (
    s: Session,
    id: string,
    version: number,
    body: { description: string; priceCents: number; specialOrder: boolean },
  ) =>
    apiFetch<PartsWritten>(`${dealerPath(s)}/appointments/${encodeURIComponent(id)}/parts`, {
      method: "POST",
      // The currency the price was typed in: refused if the dealer has changed it since sign-in.
      body: { ...body, currency: s.currency },
      headers: { "if-match": String(version) },
    }),
  /** A deposit payment (If-Match required by the server: two desks never both record one). */
  payDeposit: (s: Session, id: string, partId: string, version: number, amountCents: number) =>
    apiFetch<PartsWritten>(
      `${dealerPath(s)}/appointments/${encodeURIComponent(id)}/parts/${encodeURIComponent(partId)}/deposit`,
      { method: "POST", body: { amountCents }, headers: { "if-match": String(version) } },
    ),
  reshuffle: (s: Session, kind: "swap" | "absence" | "walk-in" | "late", body: unknown) =>
    apiFetch<Plan>(`${dealerPath(s)}/reshuffle/${kind}`, { method: "POST", body }),
  eventsUrl: (s: Session) => `${dealerPath(s)}/events`,
};
