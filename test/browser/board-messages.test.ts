import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type AppointmentView, json, type MessageList } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { ARTIFACTS_DIR, axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, slotOf, useBoardWorld } from "../support/board.js";

// The Messages panel of the advisors' day (issue 16): each message of the day with its
// delivery state in words, refreshed with the day, never the customer's address; the desk
// can show only the customers' messages or only the staff's.

const bw = useBoardWorld();

// Two customers (own phones: a stored customer's consent is the latest they told us).
async function bookWith(time: string, advisorId: string, name: string, phone: string, consent: boolean) {
  const customer = { known: true, name, phone, reminders: { consent, channel: "sms" } };
  const res = await bw.world.api(
    "POST",
    "/v1/dealers/demo/appointments",
    booking({ start: `${DAY}T${time}`, advisorId }, { customer }),
    admin,
  );
  const body = await json<AppointmentView>(res);
  if (res.status !== 201) throw new Error(`booking ${time}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

describe("the day's messages", () => {
  it("confirming on the page shows the confirmation with its delivery state: queued by SMS with consent, not sent (and why) without; filtered by audience from the keyboard; axe-clean", async () => {
    const page = await signedInPage(bw.browser, bw.world);
    const panel = page.getByRole("region", { name: "Messages" });
    await expect(panel.getByText("No message for this day.").isVisible()).resolves.toBe(true);
    const withConsent = await bookWith("09:00", "marco", "Anna Consenso", "+39 333 7654321", true);
    const without = await bookWith("09:00", "giulia", "Bruno Silenzio", "+39 333 7654322", false);
    // Each booking told the supervisor at once (journey/supervisor-notice.ts), and the panel
    // follows the day live; nothing yet for the customers.
    await panel.locator("li[data-message]").nth(1).waitFor();
    expect(await panel.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
      "Notice to the supervisor",
      "Notice to the supervisor",
    ]);
    // Each says which appointment it is about, and to whom in words (never a bare role code).
    const notices = await panel.locator("li[data-message]").allInnerTexts();
    expect(notices.some((n) => n.includes("09:00 · Anna Consenso"))).toBe(true);
    expect(notices.some((n) => n.includes("09:00 · Bruno Silenzio"))).toBe(true);
    expect(notices.every((n) => n.includes("To the staff (workshop supervisor)"))).toBe(true);
    // And when it was written, on the dealer's clock (the server's frozen Monday 10:00).
    expect(notices).toEqual(notices.map(() => expect.stringMatching(/^Notice to the supervisor\n+Written at 10:00\n/)));

    for (const a of [withConsent, without]) {
      await slotOf(page, a.id).click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
    }

    const listed = await json<MessageList>(
      await bw.world.api("GET", "/v1/dealers/demo/messages?limit=100", undefined, admin),
    );
    const confirmation = (id: string) => listed.messages.find((m) => m.appointmentId === id && m.kind === "confirmed");
    const sent = confirmation(withConsent.id);
    const held = confirmation(without.id);
    expect(sent).toMatchObject({ transport: "sms", delivery: "queued" });
    // Without consent there is no channel of the customer's: the row is written for the default transport, held back.
    expect(held).toMatchObject({ transport: "webhook", delivery: "suppressed", reason: "consent" });

    const item = (id: string) => panel.locator(`li[data-message="${id}"]`);
    await item(sent!.id).waitFor();
    await item(held!.id).waitFor();
    expect(await item(sent!.id).getByRole("heading", { level: 3 }).textContent()).toBe("Booking confirmed");
    expect(await item(sent!.id).innerText()).toMatch(/To the customer, by SMS\s+queued$/);
    expect(await item(held!.id).innerText()).toMatch(
      /To the customer, by the dealer's management system\s+not sent: the customer did not consent to messages$/,
    );
    // A reference to whom, never the address.
    expect(await panel.innerText()).not.toContain("333");
    // The dealer's system in the desk's words: "webhook" means nothing to an advisor.
    expect(await panel.innerText()).not.toMatch(/webhook/i);

    // The desk picks an audience, by keyboard: one radio group, arrows move through it.
    const headings = () => panel.getByRole("heading", { level: 3 }).allTextContents();
    const show = panel.getByRole("group", { name: "Show" });
    expect(
      await show.getByRole("radio").evaluateAll((rs) => rs.map((r) => r.parentElement?.textContent?.trim())),
    ).toEqual(["All (4)", "To customers (2)", "To staff (2)"]);
    // Each radio sits beside its words (the board's label>input rule would stack it above them).
    for (const radio of await show.getByRole("radio").all()) {
      const r = (await radio.boundingBox())!;
      const label = (await radio.locator("xpath=..").boundingBox())!;
      expect(label.height).toBeLessThan(r.height + 12);
      expect(label.width).toBeGreaterThan(r.width * 3);
    }
    await panel.screenshot({ path: `${ARTIFACTS_DIR}board-messages-en.png` });
    await show.getByRole("radio", { name: "All (4)" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await show.getByRole("radio", { name: "To customers (2)" }).isChecked()).toBe(true);
    expect(await headings()).toEqual(["Booking confirmed", "Booking confirmed"]);
    await page.keyboard.press("ArrowRight");
    expect(await headings()).toEqual(["Notice to the supervisor", "Notice to the supervisor"]);
    await page.keyboard.press("ArrowRight"); // wraps round to all
    expect((await headings()).length).toBe(4);
    // The slot's tooltip (shown while it has focus or the mouse) sits inside the button and
    // would read as part of its visible text: take both away first, as a user moving on would.
    await page.mouse.move(0, 0);
    await page.evaluate("document.activeElement?.blur()");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    const italian = await signedInPage(bw.browser, bw.world, "it");
    const pannello = italian.getByRole("region", { name: "Messaggi" });
    expect(await pannello.locator(`li[data-message="${held!.id}"]`).innerText()).toMatch(
      /Al cliente, tramite il gestionale della concessionaria\s+non inviato: il cliente non ha dato il consenso ai messaggi$/,
    );
    expect(await pannello.innerText()).not.toMatch(/webhook/i);
    await pannello.getByRole("group", { name: "Mostra" }).getByRole("radio", { name: "Ai clienti (2)" }).check();
    expect(await pannello.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
      "Prenotazione confermata",
      "Prenotazione confermata",
    ]);
    await pannello.screenshot({ path: `${ARTIFACTS_DIR}board-messages-it.png` });
    expect(await axeViolations(italian)).toEqual([]);
    await italian.context().close();
  }, 90_000);

  // The page reads the latest 100 messages: on a busy day a live refresh can take the shown
  // day's last ones away while the desk is on the filter. Focus must not fall to the page,
  // nor be taken from wherever the desk had put it.
  describe("when a live refresh takes the day's last message away", () => {
    /** A page whose filter had focus, then `before(page)`; then a refresh that empties the day. */
    async function emptied(before: (page: Page) => Promise<unknown>, time: string) {
      const page = await signedInPage(bw.browser, bw.world);
      const panel = page.getByRole("region", { name: "Messages" });
      await bookWith(time, "marco", `Focus ${time}`, `+39 333 76${time.replace(":", "")}`, true);
      const show = panel.getByRole("group", { name: "Show" });
      await show.getByRole("radio").first().focus();
      await before(page);
      // From now on the day's messages are out of the window the page reads.
      await page.route("**/messages?limit=100", (route) => route.fulfill({ json: { messages: [] } }));
      await bookWith(`${time.slice(0, 3)}30`, "giulia", `Refresh ${time}`, `+39 334 76${time.replace(":", "")}`, true);
      await show.waitFor({ state: "detached" });
      return { page, panel };
    }

    it("while the filter had focus, focus goes to the panel's heading", async () => {
      const { page, panel } = await emptied(async () => {}, "10:00");
      expect(await page.evaluate("document.activeElement?.id")).toBe("messages-title");
      expect(await panel.getByText("No message for this day.").isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }, 60_000);

    it("while focus was elsewhere (left for plain text, say), focus stays where it was", async () => {
      const { page } = await emptied(
        (p) => p.getByRole("region", { name: "Messages" }).locator("li[data-message] p").first().click(),
        "11:00",
      );
      expect(await page.evaluate("document.activeElement === document.body")).toBe(true);
      await page.context().close();
    }, 60_000);
  });
});
