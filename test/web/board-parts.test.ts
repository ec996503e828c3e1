import { describe, expect, it } from "vitest";
import { formatMoney, minorDigits } from "../../src/core/parts.js";
import { PARTS_AMOUNT_LIMIT, partsMaxCents } from "../../src/core/parts-cap.js";
import { DepositPayment, PartsOrderRequest } from "../../src/scheduler/parts/contracts.js";
import { amountExample, centsOf, currencyMarks, currencyWords, money } from "../../src/web/board/money.js";
import { depositRefused, maxPaymentOf, partsRows, priceRefused } from "../../src/web/board/parts.js";
import type { PartsOrder } from "../../src/web/board/types.js";

// The dialog's parts list as data: the deposit due as each language writes money, and a
// "Part arrived" button only for a part still on order.

const order = (o: Partial<PartsOrder>): PartsOrder => ({
  id: "p1",
  description: "Left headlamp unit",
  status: "ordered",
  currency: "EUR",
  priceCents: 120_000,
  depositRequiredCents: 60_000,
  depositDueCents: 60_000,
  depositPaidCents: 0,
  ...o,
});

describe("the board's parts rows", () => {
  it("writes the deposit due in the reader's language, and nothing when none is owed", () => {
    expect(money(60_050, "EUR", "en")).toBe("€600.50");
    expect(money(60_050, "EUR", "it").replace(/\s/g, " ")).toBe("600,50 €");
    expect(partsRows([order({}), order({ id: "p2", depositDueCents: 0 })], "en").map((r) => r.depositDue)).toEqual([
      "€600.00",
      null,
    ]);
  });

  it("offers the arrival only for a part still on order", () => {
    const rows = partsRows(
      [order({}), order({ id: "a", status: "arrived" }), order({ id: "c", status: "cancelled" })],
      "it",
    );
    expect(rows.map((r) => [r.id, r.canArrive])).toEqual([
      ["p1", true],
      ["a", false],
      ["c", false],
    ]);
  });

  it("offers a cancel only for a part still on order, as the server allows (an arrived one is refused)", () => {
    const rows = partsRows(
      [order({}), order({ id: "a", status: "arrived" }), order({ id: "c", status: "cancelled" })],
      "en",
    );
    expect(rows.map((r) => [r.id, r.canCancel])).toEqual([
      ["p1", true],
      ["a", false],
      ["c", false],
    ]);
  });

  it("says the deposit paid (to refund at the desk on a cancel) in the reader's language, and nothing when none was paid", () => {
    const rows = (lang: "en" | "it") =>
      partsRows([order({ depositPaidCents: 60_000 }), order({ id: "n" })], lang).map((r) => r.depositPaid);
    expect(rows("en")).toEqual(["€600.00", null]);
    expect(rows("it").map((m) => m && m.replace(/\s/g, " "))).toEqual(["600,00 €", null]);
  });

  it("offers a payment while a deposit is due and the part is not cancelled", () => {
    const rows = partsRows(
      [order({}), order({ id: "n", depositDueCents: 0 }), order({ id: "c", status: "cancelled" })],
      "en",
    );
    expect(rows.map((r) => [r.id, r.canPay])).toEqual([
      ["p1", true],
      ["n", false],
      ["c", false],
    ]);
  });
});

describe("what a part costs and what was paid, on its row", () => {
  it("carries the price, the deposit asked, and what was paid and is due", () => {
    const [row] = partsRows([order({ depositPaidCents: 20_000, depositDueCents: 40_000 })], "en");
    expect([row.price, row.deposit, row.depositPaid, row.depositDue, row.toRefund]).toEqual([
      "€1,200.00",
      "€600.00",
      "€200.00",
      "€400.00",
      false,
    ]);
    const [none] = partsRows([order({ depositRequiredCents: 0, depositDueCents: 0 })], "en");
    expect([none.price, none.deposit, none.depositPaid, none.depositDue]).toEqual(["€1,200.00", null, null, null]);
  });

  it("keeps a cancelled order's paid deposit as one to refund at the desk (Pitlane tracks no refunds)", () => {
    const rows = partsRows(
      [
        order({ status: "cancelled", depositPaidCents: 20_000, depositDueCents: 0 }),
        order({ id: "c0", status: "cancelled", depositDueCents: 0 }),
      ],
      "en",
    );
    expect(rows.map((r) => [r.id, r.toRefund, r.depositPaid])).toEqual([
      ["p1", true, "€200.00"],
      ["c0", false, null],
    ]);
  });
});

describe("the server's deposit limit, for the payment's field", () => {
  it("is the 400's maxCents; any other refusal has none", () => {
    expect(maxPaymentOf({ code: "validation_failed", maxCents: 100_000 })).toBe(100_000);
    expect(maxPaymentOf({ code: "validation_failed" })).toBeNull();
    expect(maxPaymentOf({ code: "version_conflict", maxCents: 5 })).toBeNull();
  });
});

describe("the API's price cap, for the order's price field", () => {
  it("is the currency's (checked where the dealer's currency is known); the schema bounds any amount to a safe integer", () => {
    const order = (priceCents: number) =>
      PartsOrderRequest.safeParse({ description: "x", priceCents, specialOrder: false });
    expect(order(PARTS_AMOUNT_LIMIT).success).toBe(true);
    expect(order(PARTS_AMOUNT_LIMIT + 1).success).toBe(false);
  });

  it("is a 400 naming priceCents; any other refusal is not the price's", () => {
    const at = (path: string) => ({ code: "validation_failed", errors: [{ path, message: "too big", in: "body" }] });
    expect(priceRefused(at("priceCents"))).toBe(true);
    expect(priceRefused(at("description"))).toBe(false);
    expect(priceRefused({ code: "validation_failed" })).toBe(false);
    expect(priceRefused({ code: "version_conflict", errors: [{ path: "priceCents" }] })).toBe(false);
  });
});

describe("the API's cap on a deposit payment, for the payment's field", () => {
  it("is a safe integer in the schema (the part's price, itself capped, limits a payment)", () => {
    expect(DepositPayment.safeParse({ amountCents: PARTS_AMOUNT_LIMIT }).success).toBe(true);
    expect(DepositPayment.safeParse({ amountCents: PARTS_AMOUNT_LIMIT + 1 }).success).toBe(false);
  });

  it("is a 400 naming amountCents; any other refusal is not the payment's", () => {
    const at = (path: string) => ({ code: "validation_failed", errors: [{ path, message: "too big", in: "body" }] });
    expect(depositRefused(at("amountCents"))).toBe(true);
    expect(depositRefused(at("priceCents"))).toBe(false);
    expect(depositRefused({ code: "validation_failed" })).toBe(false);
    expect(depositRefused({ code: "version_conflict", errors: [{ path: "amountCents" }] })).toBe(false);
  });
});

describe("an amount an advisor types, in cents", () => {
  it.each([
    ["120", 12_000],
    ["120.5", 12_050],
    ["120,50", 12_050],
    [" € 1200 ", 120_000],
    ["0,07", 7],
    ["1.200,00", null], // thousands separators: ambiguous between the languages
    ["12.345", null],
    ["-5", null],
    ["", null],
    ["abc", null],
  ])("%j is %s", (text, cents) => {
    expect(centsOf(text)).toBe(cents);
  });
});

describe("a currency as the parts forms say it", () => {
  it.each([
    ["EUR", "en", "euros", "€", "€1,000,000.00"],
    ["EUR", "it", "euro", "€", "1.000.000,00 €"],
    ["GBP", "en", "British pounds", "£", "£1,000,000.00"],
    ["GBP", "it", "sterline britanniche", "£", "1.000.000,00 £"],
    ["CHF", "en", "Swiss francs", "CHF", "CHF 1,000,000.00"],
    ["XYZ", "en", "XYZ", "XYZ", "XYZ 1,000,000.00"], // a code Intl does not know: the code itself
  ] as const)("%s in %s: 'in %s', sign %s, the cap %s", (currency, lang, name, symbol, cap) => {
    expect(currencyWords(currency, lang)).toEqual({ name, symbol });
    expect(money(partsMaxCents(currency), currency, lang).replace(/\s/g, " ")).toBe(cap);
  });

  it("carries each order's currency on its row (its payment's words)", () => {
    expect(partsRows([order({ currency: "GBP" })], "en").map((r) => [r.currency, r.price])).toEqual([
      ["GBP", "£1,200.00"],
    ]);
  });

  it.each([
    ["£ 45", ["£", "GBP"], 4_500],
    ["45.50 GBP", ["£", "GBP"], 4_550],
    ["45 gbp", ["£", "GBP"], 4_500],
    ["€ 45", ["£", "GBP"], null], // another currency's sign is not this one's amount
    ["CHF 45", ["CHF"], 4_500],
  ] as const)("reads %j typed with the signs %j as %s cents", (text, marks, cents) => {
    expect(centsOf(text, marks)).toBe(cents);
  });
});

describe("a currency's own digits, on the page and on the server", () => {
  it.each([
    ["EUR", 2, "en", "€1,000,000.00", "1000000.00 EUR", "120.50"],
    ["JPY", 0, "en", "JP¥100,000,000", "100000000 JPY", null],
    ["KWD", 3, "en", "KWD 1,000,000.000", "1000000.000 KWD", "120.500"],
    ["BHD", 3, "it", "1.000.000,000 BHD", "1000000.000 BHD", "120,500"],
    ["VND", 0, "en", "₫100,000,000,000", "100000000000 VND", null],
    ["IDR", 0, "it", "10.000.000.000 IDR", "10000000000 IDR", null],
  ] as const)(
    "%s has %i decimals: the cap reads %s on the page and %s in the server's words; the example %s",
    (currency, digits, lang, cap, server, example) => {
      expect(minorDigits(currency)).toBe(digits);
      expect(money(partsMaxCents(currency), currency, lang).replace(/\s/g, " ")).toBe(cap);
      expect(formatMoney(partsMaxCents(currency), currency)).toBe(server);
      expect(amountExample(digits, lang)).toBe(example);
    },
  );

  it.each([
    // text, currency's digits, reader's language, minor units (null: asked again)
    ["4500", 0, "en", 4_500],
    ["45.50", 0, "en", null], // no yen has a decimal
    ["1.200", 0, "it", null],
    ["12.345", 3, "en", 12_345],
    ["12,345", 3, "it", 12_345],
    ["1,200", 3, "en", null], // a thousand two hundred in English, or 1.2?
    ["1.200", 3, "it", null], // the same in Italian
    ["45,5", 3, "en", 45_500], // not a thousands group: one decimal
    ["45.5", 3, "it", 45_500],
    ["1.2345", 3, "en", null],
    ["120,50", 2, "it", 12_050],
    ["12.345", 2, "en", null],
  ] as const)("%j with %i decimals, read in %s, is %s", (text, digits, lang, minor) => {
    expect(centsOf(text, [], digits, lang)).toBe(minor);
  });

  it("reads a yen amount typed with its narrow sign (¥), not only the page's JP¥", () => {
    expect(currencyMarks("JPY", "en")).toEqual(["JP¥", "¥", "JPY"]);
    expect(centsOf("¥ 4500", currencyMarks("JPY", "en"), 0, "en")).toBe(4_500);
  });
});
