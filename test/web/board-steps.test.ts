import { describe, expect, it } from "vitest";
import { stepsOf } from "../../src/web/board/steps.js";

// The advisors' page's lifecycle buttons (src/web/board/steps.ts): the steps the verb
// accepts at that moment, by the server's clock. A no-show waits for the reception's start,
// a check-in for the reception's day in the dealer's zone.

const start = "2026-11-24T11:00:00+01:00";
const at = (iso: string) => Date.parse(iso);
const reception = (status: string) => ({ kind: "reception" as const, status, start });
const ROME = "Europe/Rome";

describe("an appointment dialog's steps", () => {
  it("offers no No-show before the reception starts, and offers it from the start on", () => {
    expect(stepsOf(reception("requested"), at("2026-11-24T10:59:59+01:00"), ROME)).toEqual([
      "confirm",
      "check-in",
      "cancel",
    ]);
    expect(stepsOf(reception("confirmed"), at("2026-11-24T08:00:00+01:00"), ROME)).toEqual(["check-in", "cancel"]);
    expect(stepsOf(reception("requested"), at(start), ROME)).toEqual(["confirm", "check-in", "no-show", "cancel"]);
    expect(stepsOf(reception("confirmed"), at("2026-11-24T11:20:00+01:00"), ROME)).toEqual([
      "check-in",
      "no-show",
      "cancel",
    ]);
  });

  it("offers no Check in before the reception's day (in the dealer's zone), and offers it all that day", () => {
    expect(stepsOf(reception("confirmed"), at("2026-11-23T10:00:00+01:00"), ROME)).toEqual(["cancel"]);
    expect(stepsOf(reception("requested"), at("2026-11-20T10:00:00+01:00"), ROME)).toEqual(["confirm", "cancel"]);
    // 23:30 UTC on the 23rd is already the 24th in Rome, still the 23rd in New York.
    expect(stepsOf(reception("confirmed"), at("2026-11-23T23:30:00Z"), ROME)).toEqual(["check-in", "cancel"]);
    expect(stepsOf(reception("confirmed"), at("2026-11-23T23:30:00Z"), "America/New_York")).toEqual(["cancel"]);
    expect(stepsOf(reception("confirmed"), at("2026-11-24T23:59:00+01:00"), ROME)).toEqual([
      "check-in",
      "no-show",
      "cancel",
    ]);
  });

  it("keeps the other steps whatever the time: a late check-in after the no-show, a return's Complete", () => {
    expect(stepsOf(reception("no_show"), at("2026-11-24T11:45:00+01:00"), ROME)).toEqual(["check-in"]);
    expect(stepsOf(reception("checked_in"), at("2026-11-24T10:00:00+01:00"), ROME)).toEqual(["complete"]);
    const ret = { kind: "return" as const, start: "2026-11-24T16:00:00+01:00" };
    expect(stepsOf({ ...ret, status: "checked_in" }, at(start), ROME)).toEqual(["complete"]);
    expect(stepsOf({ ...ret, status: "requested" }, at("2026-11-24T17:00:00+01:00"), ROME)).toEqual([]);
  });
});
