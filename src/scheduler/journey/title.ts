import type { BookingFile, Vehicle } from "../contracts.js";

// The appointment's title as advisors see it on their boards and the customer in the
// calendar: what, which car, and who attends reception besides the advisor.

const WORDS = {
  en: {
    supervisor: "workshop supervisor attends reception",
    technician: "technician attends reception",
    recall: "open recall",
  },
  it: {
    supervisor: "il capo officina partecipa all'accettazione",
    technician: "un tecnico partecipa all'accettazione",
    recall: "richiamo aperto",
  },
} as const;

/** The title in `lang` (the API's is English; a calendar file is in its reader's language). */
export function appointmentTitle(
  reason: string,
  vehicle: Vehicle,
  file: BookingFile | undefined,
  lang: "it" | "en" = "en",
): string {
  const w = WORDS[lang];
  const car = [vehicle.model, vehicle.plate].filter(Boolean).join(" ");
  const parts = [reason, car];
  if (file?.attendance) parts.push(w[file.attendance]);
  if (file?.campaigns.some((c) => c.kind === "recall")) parts.push(w.recall);
  return parts.filter(Boolean).join(" · ");
}

export function parseFile(json: string | null | undefined): BookingFile | undefined {
  return json ? (JSON.parse(json) as BookingFile) : undefined;
}
