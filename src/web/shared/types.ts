// The API's shapes as the pages read them (a subset of /openapi.json: only what they show).

export type Mobility = "none" | "courtesy_car" | "pickup_delivery" | "rental" | "taxi" | "shuttle";

export interface DealerInfo {
  id: string;
  name: string;
  address: string;
  parking: string;
  /** The number customers call, when the dealer gave one. */
  phone?: string;
  timeZone: string;
  locale?: string;
  interventions: { code: string; label: string }[];
  mobility: Mobility[];
  /** `texts`: a built-in question in each language; a dealer's own question has `text` only. */
  questionnaire: { id: string; text: string; texts?: Record<"it" | "en", string>; interventions: string[] }[];
}

export interface Slot {
  start: string;
  end: string;
  advisorId: string;
  minutes: number;
}

export interface Option {
  optionId: string;
  start: string;
  end: string;
  advisorId: string;
  advisorName?: string;
  receptionMinutes: number;
  readyAt: string;
  return: Slot | null;
  quiet: boolean;
  express: boolean;
  mobility: Mobility;
}

export interface CalendarDay {
  date: string;
  bookable: boolean;
  quiet: boolean;
  first: string | null;
  /** The workshop does not open that day (weekly hours or a closure). */
  closed?: boolean;
}

export interface CalendarResponse {
  dealerId: string;
  timeZone: string;
  days: CalendarDay[];
  /** The last date bookings open on (the dealer's horizon). */
  lastDate?: string;
}

export interface DayResponse {
  dealerId: string;
  timeZone: string;
  date: string;
  options: Option[];
}

export interface Hold {
  holdId: string;
  expiresAt: string;
  option: Option;
}

export interface Appointment {
  id: string;
  dealerId: string;
  status: string;
  version: number;
  manageToken?: string;
  reception: Slot;
  return: Slot | null;
  readyAt: string;
  /** A priority vehicle's express appointment. */
  express?: boolean;
  mobility: Mobility;
  /** Set when a priority model was named but not believed: the dealer will confirm priority (English; said from its presence). */
  priorityNote?: string;
  interventions: string[];
  vehicle: { model: string; vin?: string; plate?: string; electrified?: boolean };
  request: string | null;
  recap: {
    date: string;
    time: string;
    reason: string;
    greeter: string;
    parking: string;
    address: string;
    bring: string[];
  };
}

/** What a search, calendar, day list or hold needs to know about the visit. */
export interface VisitQuery {
  vehicle?: { model: string; vin?: string; electrified?: boolean };
  interventions: string[];
  customer: { known: boolean };
  mobility: Mobility;
}
