import type { BookingFile, Vehicle } from "../contracts.js";

// The appointment's title as advisors see it on their boards and the customer in the
// calendar: what, which car, and who attends reception besides the advisor.

const ATTENDS: Record<string, string> = {
  supervisor: "workshop supervisor attends reception",
  technician: "technician attends reception",
};

export function appointmentTitle(reason: string, vehicle: Vehicle, file: BookingFile | undefined): string {
  const car = [vehicle.model, vehicle.plate].filter(Boolean).join(" ");
  const parts = [reason, car];
  if (file?.attendance) parts.push(ATTENDS[file.attendance]);
  if (file?.campaigns.some((c) => c.kind === "recall")) parts.push("open recall");
  return parts.filter(Boolean).join(" · ");
}

export function parseFile(json: string | null | undefined): BookingFile | undefined {
  return json ? (JSON.parse(json) as BookingFile) : undefined;
}
