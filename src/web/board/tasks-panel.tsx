import { useRef } from "preact/hooks";
import { dateOf } from "../shared/dates.js";
import { type AppointmentRef, otherDayWords } from "./appointment-ref.js";
import { t } from "./i18n.js";
import { RecordCall } from "./record-call.js";
import { closes } from "./tasks.js";
import { doneWords, taskWhat, triedWords, tw } from "./task-words.js";
import type { DeskTask, Slot, TaskOutcome } from "./types.js";

// The desk's open tasks (no-show calls, calls instead of messages, parts notices), each
// with whom it is about, the calls made so far and a form to record the next one; then
// the last ones done, with how they ended and who closed them.
//
// After a call that ends its task, the task leaves the list: the focus goes to the panel's
// heading (not to the page), and the page's notice says what was recorded.

interface Props {
  tasks: readonly DeskTask[];
  done: readonly DeskTask[];
  refs: Map<string, AppointmentRef>;
  zone: string;
  onOpen: (slot: Slot) => void;
  onGoTo: (at: { date: string; appointmentId: string }) => void;
  /** Records a call; resolves to a sentence when refused, null when recorded. */
  onRecord: (task: DeskTask, outcome: TaskOutcome, note: string, key: string) => Promise<string | null>;
  /** What was recorded, for the page's notice (shown, and read by its status region). */
  onSaid: (sentence: string) => void;
}

export function TasksPanel({ tasks, done, refs, zone, onOpen, onGoTo, onRecord, onSaid }: Props) {
  const title = useRef<HTMLHeadingElement>(null);
  const whoOf = (task: DeskTask): string => {
    const ref = task.appointmentId ? refs.get(task.appointmentId) : undefined;
    return ref ? ref.words : task.appointment ? otherDayWords(task.appointment) : "";
  };
  const record = async (task: DeskTask, label: string, outcome: TaskOutcome, note: string, key: string) => {
    const refused = await onRecord(task, outcome, note, key);
    if (refused) return refused;
    const ended = closes(outcome);
    onSaid(tw(ended ? "recordedDone" : "recordedOpen", { task: label, outcome: tw(`did_${outcome}`) }));
    if (ended) title.current?.focus();
    return null;
  };
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title" tabIndex={-1} ref={title}>
        {t("tasks")}
      </h2>
      {tasks.length === 0 && <p class="muted">{t("tasksNone")}</p>}
      <ul class="plain">
        {tasks.map((task) => {
          const ref = task.appointmentId ? refs.get(task.appointmentId) : undefined;
          const what = taskWhat(task);
          const who = whoOf(task);
          const label = who ? `${what}: ${who}` : `${what} (${task.createdAt.slice(0, 10)})`;
          const tried = triedWords(task.attempts, zone);
          return (
            <li key={task.id} data-task={task.id}>
              {ref?.slot ? (
                // The dialog has the customer's phone and the steps (a late check-in).
                <button type="button" class="link task-about" onClick={() => onOpen(ref.slot!)}>
                  {label}
                </button>
              ) : !ref && task.appointment && task.appointmentId ? (
                // About a car of another day: named as the desk knows it, and a way there.
                <button
                  type="button"
                  class="link task-about"
                  onClick={() =>
                    onGoTo({ date: dateOf(task.appointment!.receptionStart), appointmentId: task.appointmentId! })
                  }
                >
                  {label} ({t("showItsDay")})
                </button>
              ) : (
                // A car carried over (its dialog is on the day of its slots), or no appointment.
                <span class="task-about">{label}</span>
              )}
              {tried && <p class="muted task-tried">{tried}</p>}
              <RecordCall
                taskId={task.id}
                label={label}
                onRecord={(outcome, note, key) => record(task, label, outcome, note, key)}
              />
            </li>
          );
        })}
      </ul>
      {done.length > 0 && (
        <details class="tasks-done">
          <summary>{tw("doneTitle", { count: done.length })}</summary>
          <ul class="plain">
            {done.map((task) => (
              <li key={task.id} data-done-task={task.id}>
                {doneWords(task, whoOf(task), zone)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
