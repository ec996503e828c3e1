import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { bookSomewhere, focusMovesTo, signedInPage, slotOf, useBoardWorld } from "../support/board.js";

// An appointment whose details cannot be read (the network, a 5xx from the server or a
// proxy): the appointment dialog said nothing and left out the customer line and the parts,
// and the slot's tooltip left out the work, until the page was reloaded. Now both say what
// failed as a sentence, the dialog offers "Try again" (busy while it reads; read, the focus
// goes to the dialog's title), and the details are drawn once read.

const bw = useBoardWorld();

const fail: Record<string, (route: Route) => Promise<void>> = {
  network: (route) => route.abort(),
  "a 5xx from a proxy": (route) =>
    route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad gateway</h1>" }),
};

describe("an appointment whose details cannot be read", () => {
  it.each([
    {
      lang: "en",
      failure: "network",
      name: "Rita Rete",
      time: "10:00",
      said: "The appointment's details could not be read. The server cannot be reached. Check the connection and try again.",
      retry: "Try again",
      customer: "Customer: Rita Rete · Phone: +39 333 1234567",
    },
    {
      lang: "it",
      failure: "a 5xx from a proxy",
      name: "Piero Proxy",
      time: "11:00",
      said: "Non è stato possibile leggere i dettagli dell'appuntamento. Qualcosa è andato storto sul server. Riprova.",
      retry: "Riprova",
      customer: "Cliente: Piero Proxy · Telefono: +39 333 1234567",
    },
  ])(
    "$lang, $failure: the dialog and the tooltip say what failed; Try again reads them, by keyboard; axe-clean",
    async (c) => {
      const b = await bookSomewhere(bw.world.api, c.time, c.name);
      const page = await signedInPage(bw.browser, bw.world, c.lang);
      let failing = true;
      let asked = 0;
      await page.route(`**/v1/dealers/demo/appointments/${b.id}`, (route) => {
        asked++;
        return failing ? fail[c.failure](route) : route.continue().catch(() => {});
      });
      // The tooltip (focus shows it) says it in place of the work.
      const slot = slotOf(page, b.id);
      await slot.focus();
      await expect.poll(() => page.getByRole("tooltip").textContent()).toContain(c.said);

      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      const alert = dialog.getByRole("alert");
      await expect.poll(() => alert.locator("p").textContent()).toBe(c.said);
      expect(await dialog.getByText(c.customer).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // Still failing: said again after the read.
      const retry = alert.getByRole("button", { name: c.retry, exact: true });
      await retry.focus();
      const before = asked;
      await page.keyboard.press("Enter");
      await expect.poll(() => asked).toBeGreaterThan(before);
      await expect.poll(() => alert.locator("p").textContent()).toBe(c.said);
      expect(await retry.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);

      failing = false;
      await page.keyboard.press("Enter");
      await dialog.getByText(c.customer).waitFor();
      expect(await alert.count()).toBe(0);
      await focusMovesTo(page, "dialog #dialog-title");
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
    60_000,
  );
});

describe("an appointment's details", () => {
  it("are asked once while a read is in flight: the hover, the focus and the dialog share it", async () => {
    const b = await bookSomewhere(bw.world.api, "15:00", "Ugo Unico");
    const page = await signedInPage(bw.browser, bw.world, "en");
    let asked = 0;
    let release!: () => void;
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    // The server is slow: every read of this appointment waits until all three have asked.
    await page.route(`**/v1/dealers/demo/appointments/${b.id}`, async (route) => {
      if (route.request().method() !== "GET") return route.continue();
      asked++;
      await held;
      await route.continue().catch(() => {});
    });
    const slot = slotOf(page, b.id);
    await slot.hover(); // the tooltip asks
    await slot.focus(); // so does the focus
    await slot.click(); // and the dialog it opens
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    release();
    await dialog.getByText("Customer: Ugo Unico · Phone: +39 333 1234567").waitFor();
    expect(asked).toBe(1);
    await page.context().close();
  }, 90_000);
});
