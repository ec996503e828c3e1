import { timeOf } from "../shared/dates.js";
import { t } from "./i18n.js";
import { MessagesPanel } from "./messages-panel.js";
import { TechniciansPanel } from "./technicians-panel.js";
import { type DeskProps, TasksPanel } from "./tasks-panel.js";
import type { DayBoard, Message, Overdue, Slot } from "./types.js";
import { appointmentRefs } from "./appointment-ref.js";
import { hours, skillWords } from "./words.js";

// Beside the timeline: the workshop's load per skill and each technician's jobs,
// courtesy cars, the requests waiting
// for confirmation, the desk's open tasks (no-show calls, calls instead of messages) and
// the day's messages with their delivery state.

export function SidePanels({
  day,
  overdue,
  desk,
  messages,
  onOpen,
  onGoTo,
}: {
  day: DayBoard | null;
  overdue: Overdue | null;
  /** The desk's open tasks of every day (GET …/tasks), the last ones done, and what to do with them. */
  desk: DeskProps;
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
      <TasksPanel {...desk} refs={refs} zone={day?.timeZone ?? "UTC"} onOpen={onOpen} onGoTo={onGoTo} />
      <MessagesPanel
        messages={messages}
        refs={refs}
        advisors={new Map(day?.advisors.map((a) => [a.id, a.name]))}
        zone={day?.timeZone ?? "UTC"}
      />
    </aside>
  );
}
