import type { AppointmentView } from "./contracts.js";
import { type Api, auth, availability, book, booking, CUSTOMER, putDealer, romeDealer, search } from "./http.js";

// The world of the refused-alternatives tests (move-alternatives, reshuffle-alternatives):
// dealer "roma" with one advisor (anna), open 10:00–12:00 Monday to Saturday, no minimum
// notice, pickup & delivery for two cars and no courtesy car; a priority car (an MC20)
// booked first, then today (Monday 23, 10:00 in Rome, FIXED_NOW) and tomorrow filled with
// ordinary customers: only the express reserve is left there. The search offers a priority
// car that reserve as an express option, which a request that does not treat the
// appointment as express refuses.

export const MON = "2026-11-23";
export const TUE = "2026-11-24";
export const WED = "2026-11-25";
export const MC20 = { vehicle: { model: "MC20", vin: "ZAMXXXXXXXX000001" }, mobility: "pickup_delivery" };

/**
 * Builds the world on `api` (a fresh app) with the MC20 at its express option, or at a given
 * start (anna): the MC20's appointment, and the ordinary ones that fill today and tomorrow.
 */
export async function priorityWorld(
  api: Api,
  mc20: { express: true } | { start: string },
): Promise<{ mc: AppointmentView; filled: AppointmentView[] }> {
  await putDealer(
    api,
    "roma",
    romeDealer({
      advisors: [{ id: "anna", name: "Anna Rossi" }],
      openingHours: Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, [["10:00", "12:00"]]]),
      ),
      receptionRules: { minNoticeMinutes: 0 },
      mobility: { courtesyCars: 0, pickupDelivery: 2 },
    }),
  );
  const slot =
    "start" in mc20
      ? { start: mc20.start, advisorId: "anna" }
      : { optionId: (await search(api, "roma", availability({ ...MC20, count: 1 }), auth)).options[0].optionId };
  const mc = await book(api, "roma", booking(slot, MC20), auth);
  return { mc, filled: await fillWithOrdinary(api, MON, 2, "c") };
}

/**
 * Books ordinary customers (each its own: `${tag}${i}@example.com`) on the `days` dates
 * from `from` until the search offers an ordinary car nothing more there: what is left
 * of those days is the express reserve (and what the caps hold back). Returns them.
 */
export async function fillWithOrdinary(api: Api, from: string, days: number, tag: string): Promise<AppointmentView[]> {
  const end = Date.parse(`${from}T00:00:00Z`) + days * 86_400_000;
  const within = (start: string) => Date.parse(`${start.slice(0, 10)}T00:00:00Z`) < end;
  const filled: AppointmentView[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await search(api, "roma", availability({ from, days, count: 2 }), auth);
    const o = res.options.find((x) => within(x.start));
    if (!o) break;
    const customer = { ...CUSTOMER, name: `Customer ${tag}${i}`, email: `${tag}${i}@example.com` };
    filled.push(await book(api, "roma", booking({ optionId: o.optionId }, { customer }), auth));
  }
  return filled;
}
