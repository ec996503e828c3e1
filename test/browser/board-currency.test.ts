import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { admin, signedInPage, slotOf, useBoardWorld } from "../support/board.js";
import { bookedWithPaidPart, dealerPricedIn } from "../support/board-parts.js";

// The parts dialog of a dealer whose parts are priced in pounds (DealerConfig.parts.currency
// GBP): the price's and the deposit's fields, the amount's help and the API's caps say
// pounds, in English and Italian, as the parts rows already did. They said euros whatever
// the currency: "Price in euros", "Deposit received (€)", "at most €1,000,000.00".

const bw = useBoardWorld();
const DEALER = "london";
let key = "";

beforeAll(async () => {
  key = await dealerPricedIn(bw.world, DEALER, "GBP");
}, 60_000);

describe("a dealer whose parts are priced in pounds", () => {
  it.each([
    {
      lang: "en",
      time: "10:00",
      row: /^Brake discs · ordered · £1,200\.00 · deposit £600\.00, paid £200\.00, due £400\.00/,
      part: "Part",
      price: "Price in British pounds",
      bad: "Write the amount in British pounds as a plain number, for example 120 or 120.50.",
      priceCap: "The price can be at most £1,000,000.00.",
      order: "Record the order",
      wipers: /^Wiper blades · ordered · £45\.00/,
      pay: "Deposit received for Brake discs",
      amount: "Deposit received (£)",
      depositCap: "The deposit received can be at most £1,000,000.00.",
      paid: "Payment recorded: £100.00 for Brake discs.",
    },
    {
      lang: "it",
      time: "11:00",
      row: /^Brake discs · ordinato · 1\.?200,00\s£ · acconto 600,00\s£, versato 200,00\s£, da versare 400,00\s£/,
      part: "Ricambio",
      price: "Prezzo in sterline britanniche",
      bad: "Scrivi l'importo in sterline britanniche come numero semplice, per esempio 120 oppure 120,50.",
      priceCap: /^Il prezzo può essere al massimo 1\.000\.000,00\s£\.$/,
      order: "Registra l'ordine",
      wipers: /^Wiper blades · ordinato · 45,00\s£/,
      pay: "Acconto ricevuto per Brake discs",
      amount: "Acconto ricevuto (£)",
      depositCap: /^L'acconto ricevuto può essere al massimo 1\.000\.000,00\s£\.$/,
      paid: /^Pagamento registrato: 100,00\s£ per Brake discs\.$/,
    },
  ])(
    "$lang: the price's and the deposit's fields, the amount's help and the caps say the dealer's currency; an amount typed with its sign is read; axe-clean",
    async (c) => {
      const { id } = await bookedWithPaidPart(bw.world, DEALER, {
        time: c.time,
        name: `Sterling ${c.lang}`,
        phone: "+44 20 7946 0000",
      });
      const page = await signedInPage(bw.browser, bw.world, c.lang, { dealer: DEALER, key });
      await slotOf(page, id).click();
      const dialog = page.getByRole("dialog");
      const rows = dialog.locator('[data-panel="parts"] li');
      await rows.filter({ hasText: c.row }).waitFor();
      const form = dialog.locator('[data-form="order-part"]');
      const price = form.getByLabel(c.price, { exact: true });
      await form.getByLabel(c.part, { exact: true }).fill("Wiper blades");
      // Said at the field, before anything is sent.
      for (const [typed, said] of [
        ["1.200,00", c.bad],
        ["1000000.01", c.priceCap],
      ] as const) {
        await price.fill(typed);
        await price.press("Enter");
        await form.getByText(said).waitFor();
        expect(await price.getAttribute("aria-invalid")).toBe("true");
      }
      expect(await axeViolations(page)).toEqual([]);
      // The pound sign beside the amount, as the advisor may type it.
      await price.fill("£ 45");
      await form.getByRole("button", { name: c.order }).press("Enter");
      await rows.filter({ hasText: c.wipers }).waitFor();

      const field = dialog.getByRole("form", { name: c.pay }).getByLabel(c.amount, { exact: true });
      await field.fill("2000000");
      await field.press("Enter");
      await dialog.getByText(c.depositCap).waitFor();
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      await field.fill("£100");
      await field.press("Enter");
      await dialog.locator('[data-said="parts"]').getByText(c.paid).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
    90_000,
  );
});

describe("a board signed in before the dealer changed its parts currency", () => {
  it.each([
    {
      lang: "en",
      time: "14:00",
      said: "Parts are now priced in euros: reload the page, then type the price in euros. Nothing was recorded.",
    },
    {
      lang: "it",
      time: "15:00",
      part: "Ricambio",
      price: "Prezzo in sterline britanniche",
      said: "Ora i ricambi hanno prezzi in euro: ricarica la pagina, poi scrivi il prezzo in euro. Non è stato registrato nulla.",
    },
  ])(
    "$lang: an order typed in the old currency is refused in words at the price, and nothing is recorded",
    async (c) => {
      const dealer = `swap-${c.lang}`;
      const advisor = await dealerPricedIn(bw.world, dealer, "GBP");
      const { id } = await bookedWithPaidPart(bw.world, dealer, {
        time: c.time,
        name: `Swap ${c.lang}`,
        phone: "+44 20 7946 0001",
      });
      const page = await signedInPage(bw.browser, bw.world, c.lang, { dealer, key: advisor });
      await slotOf(page, id).click();
      const dialog = page.getByRole("dialog");
      const form = dialog.locator('[data-form="order-part"]');
      await form.waitFor();
      // Meanwhile the dealer prices parts in euros (its threshold's number kept, said in
      // euros, as the API asks).
      const config = {
        name: `Pitlane ${dealer}`,
        timeZone: "Europe/Rome",
        parts: { currency: "EUR", depositThresholdCents: 50_000 },
      };
      expect((await bw.world.api("PUT", `/v1/dealers/${dealer}?thresholdIn=EUR`, config, admin)).status).toBe(200);
      const parts = `/v1/dealers/${dealer}/appointments/${id}/parts`;
      const count = async () =>
        ((await (await bw.world.api("GET", parts, undefined, admin)).json()) as { parts: unknown[] }).parts.length;
      const before = await count();
      await form.locator("input").first().fill("Wiper blades");
      const price = form.locator("input").nth(1);
      await price.fill("45");
      await price.press("Enter");
      await form.getByText(c.said).waitFor();
      expect(await count()).toBe(before);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
    90_000,
  );
});
