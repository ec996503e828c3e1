import { dateOf, todayIn } from "../shared/dates.js";
import type { AppointmentRef } from "./appointment-ref.js";
import { t } from "./i18n.js";
import { RecordCall } from "./record-call.js";
import { TaskPhone } from "./task-phone.js";
import { PARTS_TASKS } from "./tasks.js";
import { taskWhat, triedWords, tw } from "./task-words.js";
import type { DeskTask, Slot, TaskOutcome } from "./types.js";

// One open task in the Tasks panel: whom it is about (a way to its dialog on the shown
// day, or to its day), what to do, the calls made so far, the phone number on request
// and, for a task about parts, the parts in a dialog of their own (parts-dialog.tsx) when
// its dialog is not on this day (a cancelled appointment's is on none), and the form that
// records the next call.

interface Props {
  task: DeskTask;
  /** Its appointment on the shown day, if it is there. */
  onDay?: AppointmentRef;
  /** Whom it is about, in the desk's words ("" when nobody). */
  who: string;
  zone: string;
  onOpen: (slot: Slot) => void;
  onGoTo: (at: { date: string; appointmentId: string }) => void;
  onPhone: (appointmentId: string) => Promise<string | null>;
  /** Opens the appointment's parts in a dialog of their own. */
  onParts: (at: { appointmentId: string; who: string }) => void;
  /** Records a call; resolves to the sentence its form shows, or null when the form closes. */
  onRecord: (label: string, outcome: TaskOutcome, note: string, key: string) => Promise<string | null>;
}

export function TaskItem({ task, onDay: ref, who, zone, onOpen, onGoTo, onPhone, onParts, onRecord }: Props) {
  const what = taskWhat(task);
  const raised = todayIn(zone, new Date(task.createdAt));
  const label = who ? `${what}: ${who}` : `${what} (${raised})`;
  // A cancelled appointment is on no day's board: "show that day" would lead nowhere.
  const elsewhere = !ref && task.appointment && task.appointmentId && task.appointment.status !== "cancelled";
  const tried = triedWords(task.attempts, zone);
  return (
    <li data-task={task.id} tabIndex={-1}>
      {ref?.slot ? (
        // The dialog has the customer's phone and the steps (a late check-in).
        <button type="button" class="link task-about" onClick={() => onOpen(ref.slot!)}>
          {label}
        </button>
      ) : elsewhere ? (
        // About a car of another day: named as the desk knows it, and a way there.
        <button
          type="button"
          class="link task-about"
          onClick={() => onGoTo({ date: dateOf(task.appointment!.receptionStart), appointmentId: task.appointmentId! })}
        >
          {label} ({t("showItsDay")})
        </button>
      ) : (
        // A car carried over (its dialog is on the day of its slots), a cancelled visit, or none.
        <span class="task-about">{label}</span>
      )}
      {task.text && <p class="task-text">{task.text}</p>}
      {tried && <p class="muted task-tried">{tried}</p>}
      {/* Whose dialog is on this day has the number; any other: asked on request. */}
      {task.appointmentId && !ref?.slot && <TaskPhone label={label} onPhone={() => onPhone(task.appointmentId!)} />}
      {task.appointmentId && !ref?.slot && PARTS_TASKS.has(task.kind) && (
        <p class="task-parts">
          <button
            type="button"
            class="link"
            aria-label={tw("showPartsFor", { task: label })}
            onClick={() => onParts({ appointmentId: task.appointmentId!, who: who || label })}
          >
            {tw("showParts")}
          </button>
        </p>
      )}
      <RecordCall
        taskId={task.id}
        label={label}
        onRecord={(outcome, note, key) => onRecord(label, outcome, note, key)}
      />
    </li>
  );
}
