// The shapes the page reads (a subset of the API's; /openapi.json has them all), one file
// per read: the day board and the session, an appointment and the plans that move it, the
// desk's messages and tasks. Listed here so a caller imports every shape from one place.

export type { Car, CarriedOver, DayBoard, JobState, Session, Slot, TechnicianDay } from "./day-types.js";
export type { Appointment, Move, PartsOrder, Plan, SlotView } from "./appointment-types.js";
export type { DeskTask, Message, Overdue, RecordResult, TaskAttempt, TaskOutcome } from "./desk-types.js";
