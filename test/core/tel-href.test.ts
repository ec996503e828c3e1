import { describe, expect, it } from "vitest";
import { telHref } from "../../src/core/tel-href.js";

// The tel: link of the dealer's number as the dealer writes it: what a phone dials.

describe("the dealer's number as a tel: link", () => {
  it.each([
    ["+39 06 1234 5678", "tel:+390612345678"],
    ["(02) 1234-5678", "tel:0212345678"],
    ["06.1234.5678", "tel:0612345678"],
    // The trunk "(0)" after a calling code is not dialled from abroad.
    ["+44 (0)20 7946 0000", "tel:+442079460000"],
    ["+41 ( 0 ) 44 668 18 00", "tel:+41446681800"],
    ["0044 (0)20 7946 0000", "tel:+442079460000"], // "00" for "+"
    // Italy, San Marino, the Vatican: the 0 is part of the number, from abroad too.
    ["+39 (0)6 1234 5678", "tel:+390612345678"],
    ["0039 (0)6 1234 5678", "tel:+390612345678"],
    ["+378 (0)549 123456", "tel:+3780549123456"],
    // Without a calling code, a leading (0) is part of the number.
    ["(0)20 7946 0000", "tel:02079460000"],
  ])("%s → %s", (written, href) => {
    expect(telHref(written)).toBe(href);
  });
});
