// The advisors' page's words (i18n.ts composes this area with the others): the side
// panels. The workshop's load, the technicians, the courtesy cars, the requests waiting
// for confirmation, the desk's open tasks. English and Italian, same keys.

const en = {
  workshop: "Workshop load",
  workshopHours: "{booked} of {capacity} h",
  technicians: "Technicians",
  techniciansNone: "No technician works this day.",
  techFree: "no job today",
  techJob: "{start}–{end} · {skill} · {state}",
  jobPlanned: "planned",
  jobStarted: "started",
  jobPaused: "paused",
  jobDone: "done",
  cars: "Courtesy cars",
  // inUse: the most out at one moment of the day (day-board.ts), not the day's appointments with a car.
  carsInUse: "{inUse} of {total} in use at the busiest moment ({held} held for priority vehicles)",
  overdue: "Waiting for confirmation",
  overdueNone: "No online request has waited more than 24 hours for confirmation.",
  overdueItem: "{reception} · requested {overdue} h ago",
  tasks: "Open tasks",
  tasksNone: "No open task.",
  noShowTask: "Call after no-show",
  returnAt: "Return {time}",
  showItsDay: "show that day",
} as const;

const it: Record<keyof typeof en, string> = {
  workshop: "Carico dell'officina",
  workshopHours: "{booked} di {capacity} h",
  technicians: "Tecnici",
  techniciansNone: "Nessun tecnico lavora in questa giornata.",
  techFree: "nessun lavoro oggi",
  techJob: "{start}–{end} · {skill} · {state}",
  jobPlanned: "pianificato",
  jobStarted: "iniziato",
  jobPaused: "in pausa",
  jobDone: "finito",
  cars: "Auto di cortesia",
  carsInUse: "{inUse} di {total} in uso nel momento di punta (riservate ai veicoli prioritari: {held})",
  overdue: "In attesa di conferma",
  overdueNone: "Nessuna richiesta online attende conferma da più di 24 ore.",
  overdueItem: "{reception} · richiesta da {overdue} h",
  tasks: "Attività aperte",
  tasksNone: "Nessuna attività aperta.",
  noShowTask: "Richiamare il cliente non presentato",
  returnAt: "Riconsegna {time}",
  showItsDay: "mostra quel giorno",
};

export const PANELS = { en, it };
