// The scheduling core's public surface: pure functions over integers, no I/O, no clock.
export * from "./types.js";
export * from "./dealer-config.js";
export * from "./dealer-config/desk.js";
export * from "./dealer-config/express.js";
// Listed: DEFAULT_OPENING and DEFAULT_WORKSHOP are the assembled schema's defaults, not the surface.
export { WEEKDAYS, type Weekday, WeeklyHours, Absence } from "./dealer-config/hours.js";
export * from "./dealer-config/integrations.js";
export * from "./dealer-config/interventions.js";
export * from "./dealer-config/locale.js";
export * from "./dealer-config/mobility.js";
export * from "./dealer-config/parts.js";
export { SkillCapacity, Technician, SkillWorkshop, WorkshopRules } from "./dealer-config/workshop.js";
export * from "./primitives.js";
export { compileDealer, readInstant, GRID, type Dealer, type DayInfo } from "./dealer.js";
export { CapacityIndex, carWindow } from "./capacity-index.js";
export { deriveJob, isJobError, type JobError } from "./duration.js";
export {
  checkReception,
  checkReturn,
  evaluateReception,
  evaluateReturn,
  type ReceptionRequest,
  type ReceptionCheck,
} from "./rules.js";
export { checkStay, evaluateStay, type Stay, type StayCheck, type StayRequest } from "./stay.js";
export { planLabour } from "./workshop.js";
export { searchIndex, MAX_DAYS, type SearchQuery, type SearchResult } from "./search.js";
export { expressOption, expressHorizon } from "./express.js";
export { mobilityViolation, mobilityOffered, heldCars, carsOut } from "./mobility.js";
export { findReturn } from "./return-slot.js";
export { encodeOptionId, decodeOptionId, type DecodedOption } from "./option-id.js";
export { dayNumberFromIso, isoFromDayNumber, weekdayOf } from "./civil.js";
export * from "./reshuffle/index.js";
export {
  calendarDays,
  dayOptions,
  quietAt,
  MAX_CALENDAR_DAYS,
  type CalendarDay,
  type DayQuery,
} from "./day-options.js";
