import { describe, expect, it } from "vitest";
import { clockOf, describeEnvError, WorkerSettings } from "../../src/worker/settings.js";

// The Worker validates its environment at the entry (src/worker/settings.ts and env.ts,
// which adds the bindings), as src/node.ts does: a missing secret or a bad setting is a
// startup-class error, named in the log by variable, never by value.

const valid = {
  SCHEDULER_ADMIN_TOKEN: "a-long-secret-token",
  PITLANE_SECRET: "a-server-secret-of-32-characters-at-least",
};

describe("WorkerSettings", () => {
  it("accepts the minimum and fills the defaults", () => {
    expect(WorkerSettings.parse(valid)).toMatchObject({
      SEED_DEMO: "0",
      RATE_LIMITS: "on",
      MAX_ACTIVE_BOOKINGS_PER_CONTACT: 3,
    });
    expect(WorkerSettings.parse({ ...valid, SCHEDULER_NOW: "", RATE_LIMITS: "" })).toMatchObject({
      SCHEDULER_NOW: undefined,
      RATE_LIMITS: "on",
    });
  });

  it.each([
    [
      "no admin token (it is a secret: wrangler secret put)",
      { SCHEDULER_ADMIN_TOKEN: undefined },
      "SCHEDULER_ADMIN_TOKEN",
    ],
    ["a short admin token", { SCHEDULER_ADMIN_TOKEN: "short" }, "SCHEDULER_ADMIN_TOKEN"],
    ["no server secret (a secret: wrangler secret put)", { PITLANE_SECRET: undefined }, "PITLANE_SECRET"],
    ["a short server secret", { PITLANE_SECRET: "short-secret" }, "PITLANE_SECRET"],
    ["a clock that is not an instant", { SCHEDULER_NOW: "tomorrow" }, "SCHEDULER_NOW"],
    ["an unknown rate-limit mode", { RATE_LIMITS: "maybe" }, "RATE_LIMITS"],
    ["a negative contact cap", { MAX_ACTIVE_BOOKINGS_PER_CONTACT: "-1" }, "MAX_ACTIVE_BOOKINGS_PER_CONTACT"],
  ])("refuses %s, naming the variable and not its value", (_, change, name) => {
    const parsed = WorkerSettings.safeParse({ ...valid, ...change });
    expect(parsed.success).toBe(false);
    const message = describeEnvError(parsed.error!);
    expect(message).toContain(name);
    expect(message).not.toContain(valid.SCHEDULER_ADMIN_TOKEN);
    expect(message).not.toContain(valid.PITLANE_SECRET);
  });

  it("freezes the clock at SCHEDULER_NOW, else reads the platform's", () => {
    const frozen = clockOf(WorkerSettings.parse({ ...valid, SCHEDULER_NOW: "2026-11-23T09:00:00Z" }));
    expect(frozen).toMatchObject({ frozen: true });
    expect(frozen.now()).toBe(Date.parse("2026-11-23T09:00:00Z"));
    const live = clockOf(WorkerSettings.parse(valid));
    expect(live.frozen).toBe(false);
    expect(Math.abs(live.now() - Date.now())).toBeLessThan(1000);
  });
});
