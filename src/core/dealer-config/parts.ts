import { z } from "../../lib/zod.js";
import { formatMoney } from "../parts.js";
import { PARTS_AMOUNT_LIMIT, partsMaxCents } from "../parts-cap.js";

/**
 * Parts ordered for an appointment (scheduler/parts): a special-order part priced at or
 * above `depositThresholdCents` needs a deposit of at least half its price (core/parts.ts).
 * Amounts are integer minor units of `currency` (cents of EUR, yen of JPY, fils of KWD:
 * core/parts.ts minorDigits); the default threshold is 50,000 of them, 500.00 EUR. Set it
 * with the currency: 50,000 yen or 50.000 KWD is another threshold altogether, so a PUT
 * that changes the currency must state the threshold too (core/parts-currency.ts). The
 * threshold is at most the currency's price cap (core/parts-cap.ts): above it, no part
 * could ever reach it.
 */
export const PartsConfig = z
  .object({
    depositThresholdCents: z.number().int().min(0).max(PARTS_AMOUNT_LIMIT).default(50_000),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as EUR")
      .default("EUR"),
  })
  .strict()
  .superRefine((p, ctx) => {
    const cap = partsMaxCents(p.currency);
    if (p.depositThresholdCents > cap)
      ctx.addIssue({
        code: "custom",
        path: ["depositThresholdCents"],
        message: `at most ${cap} minor units of ${p.currency} (${formatMoney(cap, p.currency)}), the most a part may be priced at`,
      });
  });
export type PartsConfig = z.infer<typeof PartsConfig>;
