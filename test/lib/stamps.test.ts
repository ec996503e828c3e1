import { describe, expect, it } from "vitest";
import { stampIn } from "../../src/scheduler/instants.js";
import { setup } from "../support/core.js";

// A hold's expiresAt as the contract writes instants: the dealer's offset, here to the
// millisecond. The offset is the one in force at that instant, so the two 02:30s of the
// night the clocks go back differ.

const rome = setup().dealer;
const newYork = setup({ timeZone: "America/New_York" }).dealer;

describe("an instant to the millisecond in the dealer's offset", () => {
  it.each([
    ["winter, Rome", rome, "2026-11-23T09:00:12.345Z", "2026-11-23T10:00:12.345+01:00"],
    ["summer, Rome", rome, "2026-07-01T06:59:59.999Z", "2026-07-01T08:59:59.999+02:00"],
    [
      "the first 02:30 of the night the clocks go back",
      rome,
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T02:30:00.000+02:00",
    ],
    ["the second 02:30 of that night", rome, "2026-10-25T01:30:00.000Z", "2026-10-25T02:30:00.000+01:00"],
    ["across midnight, behind UTC", newYork, "2026-11-24T03:15:07.008Z", "2026-11-23T22:15:07.008-05:00"],
  ])("%s", (_, dealer, utc, local) => {
    expect(stampIn(dealer, Date.parse(utc))).toBe(local);
    expect(Date.parse(local)).toBe(Date.parse(utc));
  });
});
