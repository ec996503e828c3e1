import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { auth, availability, book, booking, search } from "../support/http.js";
import { checkpoint, focused, tabTo, waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { bookUrl, holdTime, openTimes } from "../support/widget-flow.js";
import { saysTu } from "../support/customer-words.js";

// A customer books through the hosted page with the keyboard alone, then changes and
// cancels the appointment on the manage page, keyboard again. Every step is axe-clean and
// photographed; focus lands on each new step's heading; the booking exists via the API
// with the request exactly as typed.

// duo: the same dealer with two advisors, so a booked start can still be offered (the manage page's move).
const w = useWorld({
  roma: widgetDealer(),
  duo: widgetDealer({
    advisors: [
      { id: "anna", name: "Anna Rossi" },
      { id: "bruno", name: "Bruno Neri" },
    ],
  }),
});
const VERBATIM = "Rumore strano dalla ruota anteriore sinistra — since Tuesday, only when braking (≈50 km/h)";
const DOCS = fileURLToPath(new URL("../../docs/", import.meta.url));
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());

const heading = async () => (await focused(page)).name;

describe("booking with the keyboard only", () => {
  it("books service → vehicle → mobility → day and time → details → confirmation", async () => {
    await page.goto(`${w.base}/book/roma?lang=en`);
    await waitForText(page, "What does your car need?");
    await checkpoint(page, "widget-1-service");

    await tabTo(page, /^Maintenance$/);
    await page.keyboard.press("Space");
    await tabTo(page, /^Continue$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Your car");
    await expect.poll(heading).toBe("Your car");
    await checkpoint(page, "widget-2-vehicle");

    await tabTo(page, /^Car model/);
    await page.keyboard.type("Grecale");
    await tabTo(page, /^Vehicle identification number/);
    await page.keyboard.type("ZN6OOOOOOOO000001"); // O is never in a VIN
    await tabTo(page, /^Continue$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "This VIN does not look right");
    expect((await focused(page)).name).toMatch(/^Vehicle identification number/); // back on the field to fix
    await page.keyboard.press("Control+A");
    await page.keyboard.type("ZN6XXXXXXXX000001");
    await tabTo(page, /^Continue$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "How will you get around?");
    await expect.poll(heading).toBe("How will you get around?");
    await checkpoint(page, "widget-3-mobility");

    await tabTo(page, /^I don't need a courtesy car or a lift$/);
    await page.keyboard.press("ArrowDown"); // radio group: arrows choose
    expect(await focused(page)).toMatchObject({ name: "Courtesy car", checked: true });
    await tabTo(page, /^Continue$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Choose a day and time");
    await expect.poll(heading).toBe("Choose a day and time");
    await waitForText(page, /^Morning$|^Afternoon$/);
    await checkpoint(page, "widget-4-times");
    if (process.env.PITLANE_DOCS_SHOTS) {
      // The README's picture (docs/widget.png): `PITLANE_DOCS_SHOTS=1 npx vitest run test/browser/widget-keyboard.test.ts`.
      mkdirSync(DOCS, { recursive: true });
      await page.locator("pitlane-booking").screenshot({ path: `${DOCS}widget.png` });
    }

    // The date picker dialog: arrows, Home/End, PageUp/PageDown, Enter; Escape-free close.
    await tabTo(page, /^Choose another day$/);
    await page.keyboard.press("Enter");
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press("Escape"); // closes, focus back on the opener
    expect(await focused(page)).toMatchObject({ name: "Choose another day", inDialog: false });
    await page.keyboard.press("Enter");
    const opened = await focused(page);
    expect(opened).toMatchObject({ inDialog: true, tag: "td" });
    // A day's name is "<date>: <free from … | no free times | closed | past | loading>"; compare dates.
    const day = async () => (await focused(page)).name.split(":")[0];
    const start = await day();
    await expect.poll(async () => (await focused(page)).name).not.toMatch(/loading/);
    await checkpoint(page, "widget-5-calendar");
    await page.keyboard.press("ArrowRight");
    expect(await day()).not.toBe(start);
    await page.keyboard.press("ArrowLeft");
    expect(await day()).toBe(start);
    await page.keyboard.press("PageDown");
    expect(await day()).toMatch(/December 2026|January 2027/);
    await page.keyboard.press("PageUp");
    expect(await day()).toBe(start);
    await page.keyboard.press("End");
    expect(await day()).toMatch(/^Sunday/);
    // The workshop is shut on Sundays: said so, not "no free times".
    await expect.poll(async () => (await focused(page)).name).toMatch(/^Sunday.*: closed$/);
    await page.keyboard.press("Home");
    expect(await day()).toMatch(/^Monday/);
    await expect.poll(async () => (await focused(page)).name).not.toMatch(/loading/);
    for (let i = 0; i < 14 && !/free from/.test((await focused(page)).name); i++)
      await page.keyboard.press("ArrowRight");
    const chosenDay = (await focused(page)).name;
    expect(chosenDay).toMatch(/free from/);
    await page.keyboard.press("Enter");
    await waitForText(page, `Day: ${chosenDay.split(":")[0]}`);
    expect(await focused(page)).toMatchObject({ name: "Choose another day", inDialog: false });

    await tabTo(page, /^\d\d:\d\d/);
    await page.keyboard.press("Space");
    const time = (await focused(page)).name.slice(0, 5);
    await tabTo(page, /^Continue$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Your details");
    await expect.poll(heading).toBe("Your details");
    await waitForText(page, new RegExp(`holding ${time} on .* for you until 10:10`)); // frozen at 10:00 in Rome, 10-minute hold
    await checkpoint(page, "widget-6-details");

    await tabTo(page, /^Full name/);
    await page.keyboard.type("Marco Bianchi");
    await tabTo(page, /^Email/);
    await page.keyboard.type("marco.bianchi@example.com");
    await tabTo(page, /^Remind me/);
    await page.keyboard.press("Space");
    await tabTo(page, /^What should the workshop know/);
    await page.keyboard.type(VERBATIM);
    await tabTo(page, /^Book the appointment$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Your appointment request is sent");
    await expect.poll(heading).toBe("Your appointment request is sent");
    // A request, as its status says, and what comes next: the workshop's confirmation.
    await waitForText(page, "The workshop will confirm the appointment within 24 hours. Here is your recap:");
    await expect(
      page.locator("dt", { hasText: "Status" }).locator("xpath=following-sibling::dd[1]").textContent(),
    ).resolves.toBe("Requested: the workshop will confirm it");
    await waitForText(page, "Anna Rossi");
    await waitForText(page, "Customer bays 1-6, front entrance");
    await waitForText(page, "registration certificate");
    await checkpoint(page, "widget-7-confirmation");

    // It opens a new tab, and says so to whoever cannot see it happen.
    await expect(
      page.getByRole("link", { name: "Change or cancel the appointment (opens in a new tab)" }).count(),
    ).resolves.toBe(1);
    const manageUrl = (await page.locator("[data-manage-link]").getAttribute("href"))!;
    const token = decodeURIComponent(new URL(manageUrl).pathname.split("/").pop()!);
    const appt = await json<AppointmentView>(await w.api("GET", `/v1/manage/${token}`));
    expect(appt).toMatchObject({
      request: VERBATIM,
      mobility: "courtesy_car",
      interventions: ["maintenance"],
      vehicle: { model: "Grecale", vin: "ZN6XXXXXXXX000001" },
      channel: "web",
    });
    expect(appt.reception.start.slice(11, 16)).toBe(time);
    const staff = await w.api("GET", `/v1/dealers/roma/appointments/${appt.id}`, undefined, auth);
    expect(((await staff.json()) as { request: unknown }).request).toBe(VERBATIM); // what the advisor reads
  }, 120_000);

  it("speaks Italian by default (the dealer's locale) and says what is missing in words", async () => {
    await page.goto(`${w.base}/book/roma`);
    await waitForText(page, "Di cosa ha bisogno la sua auto?");
    await tabTo(page, /^Avanti$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Scelga almeno un intervento.");
    expect((await focused(page)).tag).toBe("input"); // focus goes to what needs fixing
    await checkpoint(page, "widget-it-error");
    await page.keyboard.press("Space");
    await tabTo(page, /^Avanti$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "La sua auto");
    // The car has been serviced here, not the customer who "did the servicing".
    await tabTo(page, /^Ho già portato la mia auto in assistenza qui$/);
  });
});

describe("the manage page, keyboard only", () => {
  // Its own booking (through the API), so this page's tests stand on their own.
  let manageUrl: string;
  let token: string;
  beforeAll(async () => {
    // A time on the first free day (the day the page's day list opens on) that another
    // advisor could still take after this booking: the day list offers that start again.
    const visit = availability({ customer: { known: true } });
    const cal = await json<{ days: Array<{ date: string; bookable: boolean }> }>(
      await w.api("POST", "/v1/dealers/duo/availability/calendar", visit),
    );
    const date = cal.days.find((d) => d.bookable)!.date;
    const day = async () =>
      (
        await json<{ options: Array<{ optionId: string; start: string }> }>(
          await w.api("POST", "/v1/dealers/duo/availability/day", { ...visit, date }),
        )
      ).options;
    const options = await day();
    const o = options[0];
    token = (await book(w.api, "duo", booking({ optionId: o.optionId }))).manageToken!;
    expect((await day()).map((x) => x.start)).toContain(o.start); // still offered, with another advisor
    manageUrl = `${w.base}/m/${token}?lang=en`;
  });

  it("moves the appointment through the day list", async () => {
    const before = await json<AppointmentView>(await w.api("GET", `/v1/manage/${token}`));
    await page.goto(manageUrl);
    await waitForText(page, "Your appointment at Roma Est");
    await checkpoint(page, "manage-1-view");
    await tabTo(page, /^Change date or time$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Choose a new time");
    await expect.poll(heading).toBe("Choose a new time");
    await waitForText(page, /^Morning$|^Afternoon$/);
    await checkpoint(page, "manage-2-change");
    // Its own time is not offered as a new one (the day list opens on its day).
    const offered = await page.locator("input[data-start]").evaluateAll((els) => els.map((e) => e.dataset.start));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain(before.reception.start);
    await tabTo(page, /^\d\d:\d\d/);
    await page.keyboard.press("Space");
    const chosen = (await focused(page)).name.slice(0, 5);
    await tabTo(page, /^Move my appointment$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Your appointment is moved to");
    const after = await json<AppointmentView>(await w.api("GET", `/v1/manage/${token}`));
    expect(after.reception.start.slice(11, 16)).toBe(chosen);
    expect(after.reception.start).not.toBe(before.reception.start);
    await checkpoint(page, "manage-3-moved");
  }, 60_000);

  it("downloads the .ics", async () => {
    await tabTo(page, /\.ics/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const ics = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(ics).toString()).toContain("BEGIN:VCALENDAR");
  });

  it("cancels after a confirmation", async () => {
    await tabTo(page, /^Cancel the appointment$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Do you really want to cancel");
    await checkpoint(page, "manage-4-cancel-ask");
    await tabTo(page, /^Yes, cancel it$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Your appointment is cancelled");
    expect(((await (await w.api("GET", `/v1/manage/${token}`)).json()) as { status: unknown }).status).toBe(
      "cancelled",
    );
    // What it was, not how the visit would go: no ready time, collection or papers to bring.
    await expect(page.getByText("Please bring").count()).resolves.toBe(0);
    await expect(page.getByText("Car ready (estimate)").count()).resolves.toBe(0);
    await expect(page.getByText("Service", { exact: true }).count()).resolves.toBe(1);
    // The calendar file now takes the event off the calendar, and the link says so.
    await expect(page.getByRole("link", { name: "Remove it from my calendar (.ics)" }).count()).resolves.toBe(1);
    await checkpoint(page, "manage-5-cancelled");
  });
});

describe("the manage page in Italian", () => {
  /** The page's lines that say "tu" to the customer (none: it speaks as "Lei" throughout). */
  const informal = async () => (await page.locator("main").innerText()).split("\n").filter(saysTu);

  it("names the service and the day chooser in Italian, and says 'Lei' on every screen, buttons too", async () => {
    const [o] = (await search(w.api, "roma", availability({ customer: { known: true } }))).options;
    const b = await book(w.api, "roma", booking({ optionId: o.optionId }));
    expect(b.interventions).toEqual(["maintenance"]);
    await page.goto(`${w.base}/m/${b.manageToken}?lang=it`);
    await waitForText(page, "Intervento");
    await expect(
      page.locator("dt", { hasText: "Intervento" }).locator("xpath=following-sibling::dd[1]").textContent(),
    ).resolves.toBe("Manutenzione"); // the default catalogue's label, not "Maintenance"
    await expect(informal()).resolves.toEqual([]);
    await tabTo(page, /^Modifichi giorno o ora$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Scelga un altro giorno");
    await waitForText(page, /^Mattina$|^Pomeriggio$/);
    await expect(informal()).resolves.toEqual([]);
    await checkpoint(page, "manage-it-change");
    await tabTo(page, /^Mantenga l'orario attuale$/);
    await page.keyboard.press("Enter");
    // The chooser closes before the next Tab: under CI's load the Tab ran ahead of it.
    await page.getByText("Scelga un altro giorno").first().waitFor({ state: "hidden" });
    await tabTo(page, /^Annulli l'appuntamento$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Vuole davvero annullare l'appuntamento");
    // The customer's answers, in the first person.
    await expect(page.getByRole("button", { name: "Sì, lo annullo" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "No, lo mantengo" }).count()).resolves.toBe(1);
    await expect(informal()).resolves.toEqual([]);
    await checkpoint(page, "manage-it-cancel-ask");
  }, 60_000);
});

describe("an email the server refuses", () => {
  it("is said beside the email, which is marked invalid and takes focus", async () => {
    const [time] = await openTimes(page, bookUrl(w.base, "roma"));
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    await tabTo(page, /^Full name/);
    await page.keyboard.type("Marco Bianchi");
    await tabTo(page, /^Email/);
    await page.keyboard.type("marco.bianchi@"); // passes "not empty", refused by the API (400)
    await tabTo(page, /^Book the appointment$/);
    await page.keyboard.press("Enter");
    // Said with what an address looks like, not "Please check: email".
    await waitForText(page, "This email address does not look right. Please check it: it looks like name@example.com.");
    await expect.poll(async () => (await focused(page)).name).toBe("Email");
    await expect(page.getByLabel("Email").getAttribute("aria-invalid")).resolves.toBe("true");
    // The group says what it asks, not the step's heading again ("Your details" twice).
    await expect(page.getByRole("group", { name: "How can we reach you?" }).count()).resolves.toBe(1);
    await checkpoint(page, "widget-email-refused");
  }, 60_000);

  it("reminders by text message without a phone number are asked for before booking, at the phone field", async () => {
    const [time] = await openTimes(page, bookUrl(w.base, "roma"));
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/appointments") && posts.push(r.url()));
    await tabTo(page, /^Full name/);
    await page.keyboard.type("Sara Promemoria");
    await tabTo(page, /^Email/);
    await page.keyboard.type("sara@example.com");
    await tabTo(page, /^Remind me of the appointment/);
    await page.keyboard.press("Space");
    await tabTo(page, /^Remind me by/);
    await page.keyboard.press("ArrowDown"); // email → text message (SMS)
    await expect(page.getByLabel("Remind me by").inputValue()).resolves.toBe("sms");
    await tabTo(page, /^Book the appointment$/);
    await page.keyboard.press("Enter");
    await waitForText(page, "Please give a phone number for reminders by text message or call, or choose email.");
    await expect.poll(async () => (await focused(page)).name).toMatch(/^Phone/);
    await expect(page.getByLabel(/^Phone/).getAttribute("aria-invalid")).resolves.toBe("true");
    expect(posts).toEqual([]); // nothing was sent: the booking waits for the number
  }, 60_000);

  it("without reminders, the booking names no channel (the API would ask for its address)", async () => {
    const [time] = await openTimes(page, bookUrl(w.base, "roma"));
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    await page.getByLabel("Full name").fill("Sara Senzapromemoria");
    await page.getByLabel(/^Phone/).fill("+39 333 7654399");
    const [booked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Book the appointment" }).click(),
    ]);
    expect(booked.status()).toBe(201);
    expect(booked.request().postDataJSON().customer.reminders).toEqual({ consent: false });
  }, 60_000);
});
