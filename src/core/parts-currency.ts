import { formatMoney } from "./parts.js";

// A dealer's parts currency changes (PUT of its configuration). The deposit threshold is
// a count of the currency's minor units, so the same number means another amount in the
// new one: 50,000 is 500.00 EUR but 50,000 JPY (~€290) or 50.000 KWD (~€145), and Croatia's
// 2023 change of HRK for EUR at 7.5345 turned a 3,750.00 HRK threshold (~€500) into
// 3,750.00 EUR. Nothing converts it silently: the server knows no exchange rate, and a
// dealer expects the threshold it set, not a number it never chose. So a change of
// currency is refused (400, naming the field) unless the same request states the threshold
// anew, in the new currency: a new number, or the same one with `?thresholdIn=<new
// currency>` (500.00 USD after 500.00 EUR is a fair choice, but it must be said). The same
// number alone is refused like a threshold left out (a PUT that leaves it out gets the
// default, 50,000, as unchosen): a client that keeps the whole configuration as a PUT
// answered it, changes the currency and sends it back carries the old number, chosen by
// nobody.
// Nothing is lost: each parts order keeps the currency it was priced in (its own column),
// and its deposits are still paid and capped in it.

export interface PartsSetting {
  currency: string;
  depositThresholdCents: number;
}

/** What a PUT said of its threshold: named in the body as sent (before defaults); `keptIn`, ?thresholdIn. */
export interface ThresholdStatement {
  stated: boolean;
  keptIn?: string;
}

/** Why the new parts setting is refused (the sentence for `parts.depositThresholdCents`), or null. */
export function currencyChangeProblem(
  before: PartsSetting,
  after: PartsSetting,
  said: ThresholdStatement,
): string | null {
  if (before.currency === after.currency) return null;
  const chosen = after.depositThresholdCents !== before.depositThresholdCents || said.keptIn === after.currency;
  if (said.stated && chosen) return null;
  return (
    `the parts currency changes from ${before.currency} to ${after.currency}: state the deposit threshold in ${after.currency} ` +
    `in the same request (it was ${formatMoney(before.depositThresholdCents, before.currency)}; the same number of minor units ` +
    `would be ${formatMoney(before.depositThresholdCents, after.currency)}, kept only with ?thresholdIn=${after.currency})`
  );
}

/** ?thresholdIn naming another currency than the parts currency being stored: the sentence, or null. */
export function thresholdInProblem(after: PartsSetting, said: ThresholdStatement): string | null {
  if (said.keptIn === undefined || said.keptIn === after.currency) return null;
  return `the parts currency is ${after.currency}, not ${said.keptIn}: a threshold is kept only in the currency stored with it`;
}

/** Whether a dealer's configuration as sent (JSON, before defaults) states its deposit threshold. */
export function statesThreshold(body: unknown): boolean {
  const parts = (body as { parts?: unknown } | null)?.parts;
  return typeof parts === "object" && parts !== null && "depositThresholdCents" in parts;
}
