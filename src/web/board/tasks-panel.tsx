import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { type AppointmentRef, otherDayWords } from "./appointment-ref.js";
import { t } from "./i18n.js";
import { TaskItem } from "./task-item.js";
import { closes } from "./tasks.js";
import { doneWords, tw } from "./task-words.js";
import type { DeskTask, RecordResult, Slot, TaskOutcome } from "./types.js";

// The desk's open tasks (no-show calls, calls instead of messages, parts notices), each
// with whom it is about, what to do (the message's text: the parts, the times to offer),
// the calls made so far and a form to record the next one; then the last ones done, with
// how they ended, who closed them and the note.
//
// Focus: after a call that leaves its task open, back on the task's button; after one that
// closes it, or when the task went meanwhile (another desk closed it), on the panel's
// heading, never on the page. The page's notice says what happened either way. After
// "Show more tasks", on the first task it added (the button may be gone: the last page);
// when the next page cannot be read, the notice says so and the button keeps the focus.

/** What the day page gives the panel: the tasks and what it does with them. */
export interface DeskProps {
  tasks: readonly DeskTask[];
  done: readonly DeskTask[];
  /** More open tasks exist than these (the oldest are shown): "Show more tasks" reads the next page. */
  more: boolean;
  /** Appends the next page; resolves to its first task's id (null: none added), rejects with a sentence. */
  onMore: () => Promise<string | null>;
  onRecord: (task: DeskTask, outcome: TaskOutcome, note: string, key: string) => Promise<RecordResult>;
  /** What was recorded (or why not), for the page's notice (shown, and read by its status region). */
  onSaid: (sentence: string) => void;
  /** An appointment's phone number (null: none on file); rejects with a sentence. */
  onPhone: (appointmentId: string) => Promise<string | null>;
  /** Opens an appointment's parts in a dialog of their own (a parts task whose dialog is on no day shown). */
  onParts: (at: { appointmentId: string; who: string }) => void;
}

/** And what the side panels add: the shown day's appointments, its zone, the ways to a slot. */
interface Props extends DeskProps {
  refs: Map<string, AppointmentRef>;
  zone: string;
  onOpen: (slot: Slot) => void;
  onGoTo: (at: { date: string; appointmentId: string }) => void;
}

export function TasksPanel(props: Props) {
  const { tasks, done, more, onMore, refs, zone, onOpen, onGoTo, onRecord, onSaid, onPhone, onParts } = props;
  const title = useRef<HTMLHeadingElement>(null);
  const [reading, setReading] = useState(false);
  // The task to focus once it is drawn (the page appends it after "Show more tasks").
  const [focusTask, setFocusTask] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (!focusTask) return;
    const item = document.querySelector<HTMLElement>(`li[data-task="${CSS.escape(focusTask)}"]`);
    if (!item) return;
    setFocusTask(null);
    item.focus();
  }, [focusTask, tasks]);
  const showMore = async () => {
    if (reading) return; // aria-disabled, not disabled: the button keeps the focus meanwhile
    setReading(true);
    try {
      setFocusTask(await onMore());
    } catch (err) {
      // The page's notice is the whole page's: it says what failed, then why.
      onSaid(tw("moreFailed", { why: (err as Error).message }));
    } finally {
      setReading(false);
    }
  };
  const whoOf = (task: DeskTask): string => {
    const ref = task.appointmentId ? refs.get(task.appointmentId) : undefined;
    return ref ? ref.words : task.appointment ? otherDayWords(task.appointment) : "";
  };
  /** Resolves to the sentence its form shows, or null when the form closes (recorded, or the task is gone). */
  const record = async (task: DeskTask, label: string, outcome: TaskOutcome, note: string, key: string) => {
    const r = await onRecord(task, outcome, note, key);
    if (!r.ok && !r.gone) return r.sentence;
    const ended = !r.ok || closes(outcome);
    onSaid(
      r.ok ? tw(ended ? "recordedDone" : "recordedOpen", { task: label, outcome: tw(`did_${outcome}`) }) : r.sentence,
    );
    if (ended) title.current?.focus();
    return null;
  };
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title" tabIndex={-1} ref={title}>
        {/* "(500+)" while more are open than shown: the count is of the pages read. */}
        {tasks.length > 0
          ? tw("openCount", { title: t("tasks"), count: more ? `${tasks.length}+` : tasks.length })
          : t("tasks")}
      </h2>
      {tasks.length === 0 && <p class="muted">{t("tasksNone")}</p>}
      {more && <p class="notice">{tw("truncated", { count: tasks.length })}</p>}
      <ul class="plain">
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            onDay={task.appointmentId ? refs.get(task.appointmentId) : undefined}
            who={whoOf(task)}
            zone={zone}
            onOpen={onOpen}
            onGoTo={onGoTo}
            onPhone={onPhone}
            onParts={onParts}
            onRecord={(label, outcome, note, key) => record(task, label, outcome, note, key)}
          />
        ))}
      </ul>
      {more && (
        <button type="button" aria-disabled={reading} onClick={showMore}>
          {tw("showMore")}
        </button>
      )}
      {done.length > 0 && (
        <details class="tasks-done">
          <summary>{tw("doneTitle")}</summary>
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
