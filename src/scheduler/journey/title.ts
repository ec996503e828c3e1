import type { BookingFile, Vehicle } from "../contracts.js";

// The appointment's title as advisors see it on their boards and the customer in the
// calendar: what, which car, and who attends reception besides the advisor. The customer's
// calendar says the last two in a car owner's words, not the desk's ("attends reception",
// "open recall").

const STAFF = {
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

const CUSTOMER: Record<"it" | "en", Record<keyof (typeof STAFF)["en"], string>> = {
  en: {
    supervisor: "with the workshop supervisor",
    technician: "with a technician",
    recall: "recall campaign open for your car",
  },
  it: {
    supervisor: "con il capo officina",
    technician: "con un tecnico",
    recall: "campagna di richiamo aperta per la sua auto",
  },
};

/** The title in `lang` (the API's is English, for staff; a calendar file is in its reader's language, for the customer). */
export function appointmentTitle(
  reason: string,
  vehicle: Vehicle,
  file: BookingFile | undefined,
  lang: "it" | "en" = "en",
  reader: "staff" | "customer" = "staff",
): string {
  const w = (reader === "customer" ? CUSTOMER : STAFF)[lang];
  const car = [vehicle.model, vehicle.plate].filter(Boolean).join(" ");
  const parts = [reason, car];
  if (file?.attendance) parts.push(w[file.attendance]);
  if (file?.campaigns.some((c) => c.kind === "recall")) parts.push(w.recall);
  return parts.filter(Boolean).join(" · ");
}

export function parseFile(json: string | null | undefined): BookingFile | undefined {
  return json ? (JSON.parse(json) as BookingFile) : undefined;
}
