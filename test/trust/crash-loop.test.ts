import { describe, expect, it } from "vitest";
import { runCrashLoop } from "../../scripts/crash-loop.js";

// The short crash loop inside `npm test` (the soak is `npm run soak:crash`, 50 rounds).
// Pass figure: every round's kill really was a SIGKILL that landed while bookings were in
// flight; afterwards integrity_check is ok, every acknowledged booking exists exactly
// once, no rule or contact cap is broken, and retries with the original Idempotency-Keys
// replay the original bookings.

const ROUNDS = Number(process.env.CRASH_LOOP_TEST_ROUNDS ?? 3);

// Two loads: the default (6 clients, WORKERS=auto) and 24 clients on one process, where
// most commits carry several bookings (group commit, src/db/group-commit.ts), so the kill
// lands in the middle of a group: no booking answered before its group's COMMIT may be lost.
const LOADS = [
  { name: "6 clients, WORKERS=auto", clients: 6, workers: "auto" },
  { name: "24 clients, WORKERS=1 (kills mid-group)", clients: 24, workers: "1" },
];

describe.each(LOADS)(
  `crash loop: ${ROUNDS} SIGKILLs at random moments of a booking load (real server, $name)`,
  ({ clients, workers }) => {
    it("loses nothing acknowledged, duplicates nothing, breaks no rule", async () => {
      const reports = await runCrashLoop({
        rounds: ROUNDS,
        seed: Number(process.env.CRASH_LOOP_SEED ?? 20261123),
        clients,
        workers,
      });
      expect(reports).toHaveLength(ROUNDS + 1); // the last entry verifies the last crash
      for (const r of reports.slice(0, ROUNDS)) {
        expect(r.signal, `round ${r.round}`).toBe("SIGKILL");
        expect(r.inFlightAtKill, `round ${r.round}`).toBeGreaterThan(0);
      }
      expect(reports.flatMap((r) => r.problems.map((p) => `round ${r.round}: ${p}`))).toEqual([]);
      expect(reports.reduce((n, r) => n + r.acknowledged, 0)).toBeGreaterThan(0);
      expect(reports.reduce((n, r) => n + r.replays, 0)).toBeGreaterThan(0);
    }, 90_000);
  },
);
