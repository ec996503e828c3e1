import { DealerConfig, type DealerConfigInput } from "../core/dealer-config.js";
import { countDealers, upsertDealer } from "./repos/dealers.js";
import type { Db, SqliteHandle } from "./sqlite-handle.js";
import { immediate } from "./tx.js";

// The demo dealer seeded into an EMPTY database (SEED_DEMO=0 disables it): a mid-sized
// Italian dealership that is realistic enough to show quiet hours, caps and mobility.

export const DEMO_DEALER_ID = "demo";

const weekday: [string, string][] = [
  ["08:00", "12:30"],
  ["14:00", "18:30"],
];

export const DEMO_DEALER: DealerConfigInput = {
  name: "Pitlane Demo – Roma Est",
  timeZone: "Europe/Rome",
  address: "Via Prenestina 1234, 00155 Roma RM",
  // The dealer's own words, as an Italian dealer writes them (customers read them as they are).
  parking: "Posti clienti 1-6 all'ingresso dell'officina; lasciare la chiave al consulente",
  // A placeholder (Rome's 06, then zeros) where a dealer puts its own desk's number.
  phone: "+39 06 0000 0000",
  openingHours: {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: [["08:30", "12:30"]],
    sun: [],
  },
  // Italian public holidays (Easter Monday 2027 is 29 March).
  closures: [
    "2026-12-08",
    "2026-12-25",
    "2026-12-26",
    "2027-01-01",
    "2027-01-06",
    "2027-03-29",
    "2027-04-25",
    "2027-05-01",
    "2027-06-02",
    "2027-08-15",
    "2027-11-01",
    "2027-12-08",
  ],
  // Opening, after-lunch reopening and closing rush at the desk.
  rushHours: [
    ["08:00", "09:00"],
    ["14:00", "14:30"],
    ["17:30", "18:30"],
  ],
  advisors: [
    { id: "giulia", name: "Giulia Romano" },
    { id: "marco", name: "Marco Ferrari" },
    {
      id: "chiara",
      name: "Chiara Esposito",
      // Part-time: mornings only, plus Saturday.
      workingHours: {
        mon: [["08:00", "12:30"]],
        tue: [["08:00", "12:30"]],
        wed: [["08:00", "12:30"]],
        thu: [["08:00", "12:30"]],
        fri: [["08:00", "12:30"]],
        sat: [["08:30", "12:30"]],
        sun: [],
      },
    },
    { id: "luca", name: "Luca Colombo" },
  ],
  // Counted technicians (the capacity every demo plan is made with), named as the desk
  // knows them: before, the advisors' page listed "mechanical 1" on the Italian page.
  workshop: {
    mechanical: {
      technicians: 5,
      hoursPerDay: 7.5,
      names: ["Alessandro Conti", "Davide Moretti", "Francesco Ricci", "Stefano Gallo", "Matteo Fontana"],
    },
    diagnosis: { technicians: 1, hoursPerDay: 7.5, names: ["Roberto Marino"] },
    bodywork: { technicians: 2, hoursPerDay: 7, names: ["Paolo Greco", "Simone Lombardi"] },
  },
  mobility: { courtesyCars: 3, pickupDelivery: 2, taxi: true, rental: true, shuttle: true },
  express: { models: ["MC20"] },
};

/** Seeds the demo dealer when no dealer exists yet; returns whether it did. */
export function seedDemoIfEmpty(db: Db, sqlite: SqliteHandle, now: number): boolean {
  const config = DealerConfig.parse(DEMO_DEALER);
  // One transaction for check + insert, so two processes starting on one file seed once.
  return immediate(sqlite, () => {
    if (countDealers(db) > 0) return false;
    upsertDealer(db, sqlite, { id: DEMO_DEALER_ID, config, now, actor: "seed" });
    return true;
  });
}
