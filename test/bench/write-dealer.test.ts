import { afterAll, describe, expect, it } from "vitest";
import { WRITE_DEALER, writeDealerConfig, writeRequests } from "../../bench/fixtures/write-dealer.js";
import { NOW_ISO } from "../../bench/http-setup.js";
import { auth, createTestApp } from "../support/app.js";

// The write bench's dealer must be what it claims: every slot it deals out books (201), in
// the order the bench sends them, so the bench measures bookings and not refusals. A day's
// returns can only reach into the next morning, so two whole days booked in the bench's
// order (every day's 07:00 first, then every day's 07:15, …) show a spill: the fixture
// before 2026-12-06, night (6 h jobs, 400 mechanics, 16 return advisors) sent day 1's
// returns from its 10:45 receptions on into day 2's morning, whose slots later bodies name.

const t = createTestApp({ now: NOW_ISO, deps: { maxActiveBookingsPerContact: 0 } });
afterAll(() => t.close());

const DAYS = ["2026-11-24", "2026-11-25"]; // the fixture's days 1 and 2

describe("write bench dealer fixture", () => {
  it("books every slot of two neighbouring days in the bench's order, each with its return the same afternoon", async () => {
    const put = await t.json("PUT", `/v1/dealers/${WRITE_DEALER}`, writeDealerConfig, auth);
    expect([200, 201]).toContain(put.status);
    const mine = writeRequests(Infinity).filter((r) => DAYS.some((d) => r.body.includes(`"start":"${d}T`)));
    expect(mine).toHaveLength(2 * 600);
    const refused: string[] = [];
    for (const r of mine) {
      const res = await t.json("POST", `/v1/dealers/${WRITE_DEALER}/appointments`, r.body, {
        "Idempotency-Key": r.key,
      });
      const body = (await res.json()) as { reception?: { start: string }; return?: { start: string }; detail?: string };
      if (res.status !== 201) {
        refused.push(`${JSON.parse(r.body).start} ${JSON.parse(r.body).advisorId}: ${res.status} ${body.detail}`);
        continue;
      }
      // Same day, by 21:00: a return on a later morning would take a slot another body names.
      expect(body.return?.start.slice(0, 10), r.body).toBe(body.reception?.start.slice(0, 10));
      expect((body.return?.start ?? "").slice(11, 16) <= "20:50", r.body).toBe(true);
    }
    expect(refused.slice(0, 5)).toEqual([]);
  }, 120_000);
});
