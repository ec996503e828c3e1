import { timeOf } from "../shared/dates.js";
import { type Key, t } from "./i18n.js";
import { skillWords } from "./words.js";
import type { AppointmentRef } from "./appointment-ref.js";
import type { JobState, TechnicianDay } from "./types.js";

// The workshop by technician (issue 13): each technician's jobs of the day in planned
// order, with their planned start and finish and what the workshop last reported. The
// times are the plan that the customers' ready times are promised from. A job names its
// customer or vehicle as the tasks and messages do (appointment-ref.ts): from the day's
// slots when the car is received (or returned) that day, else from the day's carriedOver
// (a multi-day repair received on an earlier day has no slot on this board).

const STATE: Record<JobState, Key> = {
  planned: "jobPlanned",
  started: "jobStarted",
  paused: "jobPaused",
  done: "jobDone",
};

export function TechniciansPanel({
  technicians,
  refs,
}: {
  technicians: TechnicianDay[];
  refs: Map<string, AppointmentRef>;
}) {
  const whoOf = (appointmentId: string) => refs.get(appointmentId)?.who ?? "";
  return (
    <div data-slot="technicians">
      <h3 id="technicians-title">{t("technicians")}</h3>
      {technicians.length === 0 && <p class="muted">{t("techniciansNone")}</p>}
      <ul class="plain" aria-labelledby="technicians-title">
        {technicians.map((tech) => (
          <li key={tech.id} data-technician={tech.id}>
            <strong>{tech.name}</strong> <span class="muted">({tech.skills.map(skillWords).join(", ")})</span>
            {tech.jobs.length === 0 ? (
              <p class="muted">{t("techFree")}</p>
            ) : (
              <ol>
                {tech.jobs.map((j) => (
                  <li key={`${j.appointmentId}-${j.start}`} data-appointment={j.appointmentId} data-state={j.state}>
                    {t("techJob", {
                      start: timeOf(j.start),
                      end: timeOf(j.end),
                      skill: skillWords(j.skill),
                      state: t(STATE[j.state]),
                    })}
                    {whoOf(j.appointmentId) && <> · {whoOf(j.appointmentId)}</>}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
