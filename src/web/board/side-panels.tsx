import { timeOf } from "../shared/dates.js";
import { t } from "./i18n.js";
import { MessagesPanel } from "./messages-panel.js";
import { hasWords, wordFor } from "./message-words.js";
import { TechniciansPanel } from "./technicians-panel.js";
import type { DayBoard, Message, Overdue, Slot } from "./types.js";
import { appointmentRefs, otherDayWords } from "./appointment-ref.js";
import { dateOf } from "../shared/dates.js";
import { hours, skillWords } from "./words.js";

// Beside the timeline: the workshop's load per skill and each technician's jobs,
// courtesy cars, the requests waiting
// for confirmation, the desk's open tasks (no-show calls, calls instead of messages) and
// the day's messages with their delivery state.

export function SidePanels({
  day,
  overdue,
  tasks,
  messages,
  onOpen,
  onGoTo,
}: {
  day: DayBoard | null;
  overdue: Overdue | null;
  tasks: Message[];
  messages: Message[];
  /** Opens an appointment's dialog (a task's "who and when" is a button to it on its day). */
  onOpen: (slot: Slot) => void;
  /** Shows another day with an appointment's slot focused (a task about a car of another day). */
  onGoTo: (at: { date: string; appointmentId: string }) => void;
}) {
  // One lookup for the technicians' jobs, the tasks and the messages (appointment-ref.ts).
  const refs = appointmentRefs(day);
  return (
    <aside>
      <section aria-labelledby="workshop-title">
        <h2 id="workshop-title">{t("workshop")}</h2>
        {day &&
          Object.entries(day.workshop).map(([skill, w]) => {
            const share = w.capacityHours > 0 ? Math.min(1, w.bookedHours / w.capacityHours) : 0;
            return (
              <div class="load" key={skill} data-skill={skill}>
                <span>{skillWords(skill)}</span>
                <span class="bar" role="img" aria-label={`${skillWords(skill)}: ${Math.round(share * 100)}%`}>
                  <span class={share > 0.85 ? "high" : ""} style={{ width: `${share * 100}%` }} />
                </span>
                <span>{t("workshopHours", { booked: hours(w.bookedHours), capacity: hours(w.capacityHours) })}</span>
              </div>
            );
          })}
        {day?.technicians && <TechniciansPanel technicians={day.technicians} refs={refs} />}
      </section>
      <section aria-labelledby="cars-title">
        <h2 id="cars-title">{t("cars")}</h2>
        {day && (
          <p>
            {t("carsInUse", {
              inUse: day.mobility.courtesyCars.inUse,
              total: day.mobility.courtesyCars.total,
              held: day.mobility.courtesyCars.held,
            })}
          </p>
        )}
      </section>
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t("overdue")}</h2>
        {overdue && overdue.appointments.length === 0 && <p class="muted">{t("overdueNone")}</p>}
        <ul class="plain">
          {overdue?.appointments.map((a) => (
            <li key={a.id}>
              {t("overdueItem", {
                reception: `${a.reception.slice(0, 10)} ${timeOf(a.reception)}`,
                overdue: Math.floor(a.overdueMinutes / 60),
              })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t("tasks")}</h2>
        {tasks.length === 0 && <p class="muted">{t("tasksNone")}</p>}
        <ul class="plain">
          {tasks.map((m) => {
            const ref = m.appointmentId ? refs.get(m.appointmentId) : undefined;
            const slot = ref?.slot;
            const what =
              m.kind === "no_show_task"
                ? t("noShowTask")
                : hasWords("kind", m.kind)
                  ? wordFor("kind", m.kind)
                  : m.subject;
            return (
              <li key={m.id} data-task={m.id}>
                {slot ? (
                  // The dialog has the customer's phone and the steps (a late check-in).
                  <button type="button" class="link" onClick={() => onOpen(slot)}>
                    {what}: {ref.words}
                  </button>
                ) : ref ? (
                  // A car carried over: named, but its dialog is on the day of its slots.
                  <>
                    {what}: {ref.words}
                  </>
                ) : m.appointment && m.appointmentId ? (
                  // About a car of another day: named as the desk knows it, and a way there.
                  <button
                    type="button"
                    class="link"
                    onClick={() =>
                      onGoTo({ date: dateOf(m.appointment!.receptionStart), appointmentId: m.appointmentId! })
                    }
                  >
                    {what}: {otherDayWords(m.appointment)} ({t("showItsDay")})
                  </button>
                ) : (
                  <>
                    {what} ({m.createdAt.slice(0, 10)})
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <MessagesPanel messages={messages} refs={refs} advisors={new Map(day?.advisors.map((a) => [a.id, a.name]))} />
    </aside>
  );
}
