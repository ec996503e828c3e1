import { describe, expect, it } from "vitest";
import { findAppointment } from "../../src/db/repos/appointments.js";
import { compose } from "../../src/scheduler/journey/compose.js";
import { templateVars } from "../../src/scheduler/journey/messages.js";
import { CUSTOMER_TEMPLATES } from "../../src/scheduler/journey/templates.js";
import {
  auth,
  bookAt,
  CONSENTING,
  DAY,
  DEALER,
  jobsOf,
  journeyApp,
  ok,
  outboxOf,
  setupDealer,
} from "../support/journey.js";

// Every customer message prints its day and time in words, on the DEALER's wall clock, in
// Italian and English: a booking made through the app in the dealer's zone, its messages
// written by the same code the journey runs (messages.ts templateVars, then the templates).
// The cases are where a zone mistake shows: the Monday after the clocks go back in Rome
// (09:00 is 08:00 UTC; summer's offset would say 10:00, UTC 8:00), the Sunday of the
// change itself, and Tokyo's 08:30, which is 23:30 UTC the day before. Staff read the
// same wall clock, short ("Mon 26/10 at 9:00"). A day far from the one a message is
// written on carries its year, for both.

const CASES = [
  {
    name: "the Monday after the clocks go back (Rome)",
    zone: "Europe/Rome",
    start: "2026-10-26T09:00",
    clock: "2026-10-19T09:00:00Z",
    instant: "2026-10-26T09:00:00+01:00",
    when: { it: "lunedì 26 ottobre alle 9:00", en: "Monday 26 October at 9:00" },
    readyAt: "2026-10-26T12:45:00+01:00",
    ready: { it: "lunedì 26 ottobre alle 12:45", en: "Monday 26 October at 12:45" },
    staff: "Mon 26/10 at 9:00",
  },
  {
    name: "the Sunday of the change (Rome)",
    zone: "Europe/Rome",
    start: "2026-10-25T09:00",
    clock: "2026-10-17T09:00:00Z",
    instant: "2026-10-25T09:00:00+01:00",
    when: { it: "domenica 25 ottobre alle 9:00", en: "Sunday 25 October at 9:00" },
    readyAt: "2026-10-25T12:45:00+01:00",
    ready: { it: "domenica 25 ottobre alle 12:45", en: "Sunday 25 October at 12:45" },
    staff: "Sun 25/10 at 9:00",
  },
  {
    name: "08:30 in Tokyo, the day before in UTC",
    zone: "Asia/Tokyo",
    start: "2026-11-25T08:30",
    clock: "2026-11-18T09:00:00Z",
    instant: "2026-11-25T08:30:00+09:00",
    when: { it: "mercoledì 25 novembre alle 8:30", en: "Wednesday 25 November at 8:30" },
    readyAt: "2026-11-25T12:15:00+09:00",
    ready: { it: "mercoledì 25 novembre alle 12:15", en: "Wednesday 25 November at 12:15" },
    staff: "Wed 25/11 at 8:30",
  },
] as const;

/** What each customer message must say: the reception's time, the ready time, or no time at all. */
const SAYS: Record<(typeof CUSTOMER_TEMPLATES)[number], "when" | "ready" | null> = {
  confirmed: "when",
  reminder: "when",
  appointment_moved: "when",
  cancelled: "when",
  parts_arrived: "when",
  car_ready: "ready",
  ready_time_changed: "ready",
  follow_up: null,
  service_reminder: null, // its options and due date: test/journey/people.test.ts
};

const LOCALES = ["it", "en"] as const;
const MACHINE = /\d{4}-\d\d-\d\d|\b0\d:\d\d|T\d\d:\d\d/;

async function booked(c: (typeof CASES)[number], locale: "it" | "en") {
  const t = journeyApp(c.clock);
  await setupDealer(t, { timeZone: c.zone });
  const b = await bookAt(t, c.start, { customer: { ...CONSENTING(), locale } });
  return { t, b };
}

describe("customer messages say the day and time in words, in the dealer's zone", () => {
  describe.each(CASES)("$name", (c) => {
    it.each(LOCALES)("every customer kind in %s", async (locale) => {
      const { t, b } = await booked(c, locale);
      try {
        expect([b.reception.start, b.readyAt]).toEqual([c.instant, c.readyAt]);
        const dealer = t.runtimes.get(DEALER)!.dealer;
        const row = findAppointment(t.journey.deps.db, DEALER, b.id)!;
        const vars = templateVars(dealer, row, "Marco Bianchi", locale, "customer", t.clock.ms, {
          visitAhead: "yes",
          part: "x",
        });
        for (const kind of CUSTOMER_TEMPLATES) {
          const m = compose(kind, locale, vars);
          const said = SAYS[kind];
          if (said) expect(m.text, kind).toContain(c[said][locale]);
          expect(`${m.subject} ${m.text} ${m.sms}`, kind).not.toMatch(MACHINE);
        }
      } finally {
        t.close();
      }
    });

    it.each(LOCALES)("the confirmation and the reminder, as the journey writes them, in %s", async (locale) => {
      const { t, b } = await booked(c, locale);
      try {
        await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/confirm`, {}, auth));
        const reminder = jobsOf(t, b.id).find((j) => j.kind === "reminder")!;
        expect(reminder.due_at).toBe(Date.parse(c.instant) - DAY);
        t.run(reminder.due_at);
        const body = (kind: string) => JSON.parse(outboxOf(t, b.id).find((r) => r.kind === kind)!.body_json);
        for (const kind of ["confirmed", "reminder"]) {
          expect(body(kind).text, kind).toContain(c.when[locale]);
          expect(body(kind).sms, kind).toContain(c.when[locale]);
          expect(body(kind).text, kind).not.toMatch(MACHINE);
        }
        expect(body("confirmed").subject).toBe(
          locale === "it" ? `Appuntamento confermato: ${c.when.it}` : `Appointment confirmed: ${c.when.en}`,
        );
        // Staff read the short form, on the same wall clock (the dealer's locale, en here).
        expect(body("supervisor_notice").text).toContain(`New booking for ${c.staff}`);
      } finally {
        t.close();
      }
    });
  });
});

describe("a booking seven months ahead says its year, until the message is near it", () => {
  // Booked on 20 April for 25 November (219 days on): the confirmation, written that day,
  // says "2026"; the reminder, written the day before, does not. The staff's notice too.
  const FAR = { clock: "2026-04-20T09:00:00Z", start: "2026-11-25T09:00", instant: "2026-11-25T09:00:00+01:00" };
  const SAY = {
    it: { far: "mercoledì 25 novembre 2026 alle 9:00", near: "mercoledì 25 novembre alle 9:00" },
    en: { far: "Wednesday 25 November 2026 at 9:00", near: "Wednesday 25 November at 9:00" },
  };

  it.each(LOCALES)("in %s", async (locale) => {
    const t = journeyApp(FAR.clock);
    try {
      await setupDealer(t, { timeZone: "Europe/Rome" });
      const b = await bookAt(t, FAR.start, { customer: { ...CONSENTING(), locale } });
      expect(b.reception.start).toBe(FAR.instant);
      await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/confirm`, {}, auth));
      const body = (kind: string) => JSON.parse(outboxOf(t, b.id).find((r) => r.kind === kind)!.body_json);
      expect(body("confirmed").subject).toContain(SAY[locale].far);
      expect(body("confirmed").text).toContain(SAY[locale].far);
      expect(body("supervisor_notice").text).toContain("New booking for Wed 25/11/2026 at 9:00");
      const reminder = jobsOf(t, b.id).find((j) => j.kind === "reminder")!;
      t.run(reminder.due_at);
      expect(body("reminder").text).toContain(SAY[locale].near);
      expect(body("reminder").sms).toContain(SAY[locale].near);
    } finally {
      t.close();
    }
  });
});
