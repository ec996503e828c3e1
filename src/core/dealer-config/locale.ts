import { z } from "../../lib/zod.js";

// The languages Pitlane writes to customers in: the dealer's (DealerConfig.locale), unless
// the customer chose another.

export const LOCALES = ["it", "en"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
