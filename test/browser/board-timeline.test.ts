import { describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { ARTIFACTS_DIR, axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, slotOf, useBoardWorld } from "../support/board.js";
import { namesSeen } from "../support/slot-names.js";
import { scrolledToEnd, timelineSeen } from "../support/timeline-layout.js";

// The advisors' timeline at the desk's width (1400 px): every slot's start time is read
// whole, not "08:3"; a name shows where there is room; the ruler's hours are not cut; the
// advisors' names stay in view when the day scrolls sideways.

const bw = useBoardWorld();

async function bookFor(time: string, advisorId: string, name: string, intervention = "maintenance") {
  const res = await bw.world.api(
    "POST",
    "/v1/dealers/demo/appointments",
    booking(
      { start: `${DAY}T${time}`, advisorId },
      { interventions: [intervention], customer: { known: true, name, phone: "+39 333 1234567" } },
    ),
    admin,
  );
  const body = await json<AppointmentView>(res);
  if (res.status !== 201) throw new Error(`booking ${time} ${advisorId}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

describe("the timeline's labels", () => {
  it("every slot shows its whole start time, every reception (a quarter hour too) its customer's whole name; the ruler's hours are whole; the names stay in view scrolled to the day's end; axe-clean", async () => {
    // 15-minute receptions back to back, a 30-minute one (a diagnosis), and the 10-minute
    // returns the workshop plans for them: the narrowest slots a day has.
    const booked = [
      ["08:30", "giulia", "Anna Greco"],
      ["08:45", "giulia", "Bruno Esposito"],
      ["11:15", "giulia", "Elena Conti"],
      ["09:00", "marco", "Paolo Ricci"],
      ["09:15", "marco", "Francesca Bianchi"],
      ["10:30", "luca", "Luca Marino"],
    ] as const;
    for (const [time, advisor, name] of booked) await bookFor(time, advisor, name);
    const diagnosis = await bookFor("09:45", "chiara", "Sara Galli", "diagnosis");
    const customers = [...booked.map(([, , name]) => name), "Sara Galli"];

    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, diagnosis.id).waitFor();
    const wrap = page.locator(".timeline-wrap");
    await wrap.evaluate((el) => (el.scrollLeft = 0));
    const seen = await wrap.evaluate(timelineSeen, customers);
    await page.screenshot({ path: `${ARTIFACTS_DIR}board-timeline-labels.png` });

    expect(seen.slots.filter((s) => s.slot.startsWith("return")).length).toBeGreaterThan(0);
    expect(seen.slots.length).toBeGreaterThanOrEqual(customers.length * 2);
    // Soft: a failing run lists every cut label, hour and name at once.
    expect
      .soft(seen.slots.filter((s) => !s.timeWhole).map((s) => `${s.slot} (${s.advisor}): "${s.label}"`))
      .toEqual([]);
    // What the slot shows starts its accessible name (WCAG 2.5.3, label in name).
    for (const s of seen.slots) expect.soft(s.name.startsWith(s.label), `${s.name} / ${s.label}`).toBe(true);
    // The 30-minute diagnosis has room for its customer's name, and so has a quarter hour's
    // reception, on two lines: on one it showed "Anna G…" and "Frances…".
    expect.soft(seen.slots.find((s) => s.slot === "reception 09:45")?.customerWhole).toBe(true);
    expect
      .soft(seen.slots.filter((s) => s.slot.startsWith("reception") && !s.customerWhole).map((s) => s.label))
      .toEqual([]);
    // No two start times on one advisor's track are drawn over each other.
    for (const a of seen.slots)
      for (const b of seen.slots)
        if (a !== b && a.advisor === b.advisor && a.timeBox && b.timeBox)
          expect
            .soft(
              a.timeBox.right <= b.timeBox.left + 0.5 || b.timeBox.right <= a.timeBox.left + 0.5,
              `${a.slot} and ${b.slot} (${a.advisor})`,
            )
            .toBe(true);
    expect.soft(seen.hours.filter((h) => !h.inside).map((h) => h.text)).toEqual([]);

    const end = await wrap.evaluate(scrolledToEnd);
    expect(end.scrolled).toBe(true); // the day is wider than the panel at 1400 px
    expect.soft(end.lastHour).toEqual({ text: "19:00", whole: true });
    expect.soft(end.names.filter((n) => !n.seen)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS_DIR}board-timeline-end.png` });
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe("the express and forced marks", () => {
  it("are drawn whole inside a 15-minute slot (and its return) beside a name too long for it", async () => {
    // Three receptions in Luca's 09:00 hour (the test above left his morning free); then an
    // MC20 (a priority model: express) moved into that hour past the hourly cap, with a
    // reason (forced). Received at 09:45, it is back the same day: a 10-minute return.
    for (const time of ["09:00", "09:15", "09:30"]) await bookFor(time, "luca", `Cap ${time}`);
    const long = "Massimiliano Bartolomeo Lanzavecchia";
    const res = await bw.world.api(
      "POST",
      "/v1/dealers/demo/appointments",
      booking(
        { start: `${DAY}T10:00`, advisorId: "luca" },
        {
          vehicle: { model: "MC20", vin: "ZAMXXXXXXXX000001" },
          mobility: "pickup_delivery", // a 15-minute reception (a courtesy car's handover is 30)
          customer: { known: true, name: long, phone: "+39 333 1234567" },
        },
      ),
      admin,
    );
    const flagged = await json<AppointmentView>(res);
    expect(res.status, JSON.stringify(flagged)).toBe(201);
    const moved = await bw.world.api(
      "PATCH",
      `/v1/dealers/demo/appointments/${flagged.id}`,
      { reception: { start: `${DAY}T09:45` }, force: true, reason: "owner waiting at the desk" },
      { ...admin, "If-Match": String(flagged.version) },
    );
    const after = await json<AppointmentView>(moved);
    expect(moved.status, JSON.stringify(after)).toBe(200);
    expect(after).toMatchObject({ express: true, forced: true });

    const page = await signedInPage(bw.browser, bw.world);
    const slot = slotOf(page, flagged.id);
    await slot.waitFor();
    // The precondition: the slot is a quarter hour long and its accessible name has both flags.
    await expect(slot.getAttribute("aria-label")).resolves.toMatch(/reception 09:45–10:00, \w+, express, forced/);
    const seen = await page.locator(".timeline-wrap").evaluate(timelineSeen, [long]);
    const marked = seen.slots.filter((s) => s.marks.length > 0);
    expect(marked.map((s) => s.slot)).toContain("reception 09:45");
    expect(marked.filter((s) => s.slot.startsWith("return"))).toHaveLength(1);
    await slot.screenshot({ path: `${ARTIFACTS_DIR}board-timeline-marks.png` });
    await slotOf(page, flagged.id, "return").screenshot({ path: `${ARTIFACTS_DIR}board-timeline-marks-return.png` });
    for (const s of marked)
      expect(s.marks, `${s.slot}: "${s.label}"`).toEqual([
        { mark: "E", whole: true },
        { mark: "!", whole: true },
      ]);
    // What the slot shows still starts its accessible name (WCAG 2.5.3).
    for (const s of marked) expect(s.name.startsWith(s.label), `${s.name} / ${s.label}`).toBe(true);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.context().close();
  }, 60_000);
});

/** An MC20 (a priority model: express) at a local time of DAY with an advisor; a 15-minute reception. */
async function expressFor(time: string, advisorId: string, name: string) {
  const res = await bw.world.api(
    "POST",
    "/v1/dealers/demo/appointments",
    booking(
      { start: `${DAY}T${time}`, advisorId },
      {
        vehicle: { model: "MC20", vin: "ZAMXXXXXXXX000002" },
        mobility: "pickup_delivery",
        customer: { known: true, name, phone: "+39 333 1234567" },
      },
    ),
    admin,
  );
  const made = await json<AppointmentView>(res);
  expect(res.status, JSON.stringify(made)).toBe(201);
  return made;
}

/** A slot's length in minutes, from its accessible name ("reception 09:45–10:00, …"). */
const minutesOf = (label: string) => {
  const [h1, m1, h2, m2] = (/(\d\d):(\d\d)–(\d\d):(\d\d)/.exec(label) ?? []).slice(1).map(Number);
  return h2 * 60 + m2 - (h1 * 60 + m1);
};

describe("a name wider than its slot", () => {
  const long = "Massimiliano Bartolomeo Lanzavecchia";
  it.each([
    { case: "plain", book: () => bookFor("11:00", "marco", long) },
    { case: "express", book: () => expressFor("11:30", "chiara", long) },
  ])(
    "$case: in a quarter-hour reception and a 10-minute return no word is broken inside, a word cut ends in an ellipsis, the name's first letters and the marks show; the whole name is in the accessible name and the tooltip; axe-clean",
    async (c) => {
      const booked = await c.book();
      const page = await signedInPage(bw.browser, bw.world);
      const back = slotOf(page, booked.id, "return");
      await back.waitFor();
      const wrap = page.locator(".timeline-wrap");
      const mine = (await wrap.evaluate(namesSeen, long)).filter((s) => s.appointment === booked.id);
      const shot = `${ARTIFACTS_DIR}board-long-name-${c.case.replace(/\W+/g, "-")}`;
      await slotOf(page, booked.id).screenshot({ path: `${shot}.png` });
      await back.screenshot({ path: `${shot}-return.png` });
      // The preconditions: the narrowest slots a day has, a quarter hour and ten minutes.
      expect(mine.map((s) => [s.slot.split(" ")[0], minutesOf(s.label)]).sort()).toEqual([
        ["reception", 15],
        ["return", 10],
      ]);
      for (const s of mine) {
        // Soft: a failing run says every word of both slots at once.
        expect.soft(s.words.filter((w) => w.broken).map((w) => `${s.slot}: ${w.word}`)).toEqual([]);
        expect
          .soft(s.words.filter((w) => w.shown === "cut" && !w.ellipsis).map((w) => `${s.slot}: ${w.word}`))
          .toEqual([]);
        expect.soft(s.lead, `${s.slot}: letters of "Massimiliano" shown`).toBeGreaterThanOrEqual(4);
        // The screen reader hears it whole.
        expect.soft(s.label).toContain(long);
      }
      // The marks stay whole beside it (the return's under it), and the other slots' too.
      const marked = (await wrap.evaluate(timelineSeen, [long])).slots.filter((s) => s.marks.length > 0);
      for (const s of marked)
        expect
          .soft(
            s.marks.filter((m) => !m.whole),
            s.slot,
          )
          .toEqual([]);
      // The whole name is a focus away (and a hover): the tooltip says it.
      await back.focus();
      await expect(page.getByRole("tooltip").textContent()).resolves.toContain(`Customer: ${long}`);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.context().close();
    },
    60_000,
  );
});
