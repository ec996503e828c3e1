import { describe, expect, it } from "vitest";
import { attempt, raiseCall, taskDealer, taskListOf } from "../support/desk-tasks.js";
import { auth, DEALER, journeyPerTest } from "../support/journey.js";

// The task list pages by keyset: `next` of one page, sent back as `after`, gives the tasks
// past it in the same order, until `next` is null. Seven tasks, three raised in the same
// millisecond (the tie-break is the id), read in pages of two: each once, in order.

const t = journeyPerTest({ dealer: taskDealer });

const raise = (i: number, ms: number) => raiseCall(t, i, ms);

async function walk(state: "open" | "done"): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 10; pages++) {
    const q = `?state=${state}&limit=2${after ? `&after=${encodeURIComponent(after)}` : ""}`;
    const page = await taskListOf(t, q);
    seen.push(...page.tasks.map((k) => k.text));
    expect(page.next === null).toBe(!page.truncated);
    if (!page.next) return seen;
    after = page.next;
  }
  throw new Error("the pages never ended");
}

describe("paging the desk's tasks", () => {
  it("gives every open task once, oldest first, then every done one, last closed first", async () => {
    const t0 = t.clock.ms;
    for (const [i, dt] of [
      [0, 0],
      [1, 1000],
      [2, 1000],
      [3, 1000],
      [4, 2000],
      [5, 3000],
      [6, 4000],
    ])
      raise(i, t0 + dt);
    const open = await walk("open");
    expect(open.slice(0, 1)).toEqual(["Call 0"]);
    expect(open.slice(1, 4).sort()).toEqual(["Call 1", "Call 2", "Call 3"]);
    expect(open.slice(4)).toEqual(["Call 4", "Call 5", "Call 6"]);
    // Close them all, in one instant for three of them: the done list pages the same way.
    const ids = (await taskListOf(t, "?limit=500")).tasks.map((k) => k.id);
    for (const [n, id] of ids.entries()) {
      t.at(t0 + 10_000 + (n < 3 ? 0 : n * 1000));
      expect((await attempt(t, id, { outcome: "reached" })).status).toBe(201);
    }
    const done = await walk("done");
    expect(done).toHaveLength(7);
    expect(new Set(done).size).toBe(7);
    expect(done.slice(0, 4)).toEqual(["Call 6", "Call 5", "Call 4", open[3]]);
    expect(await walk("open")).toEqual([]);
  });

  it.each([
    ["not a cursor", "nonsense!"],
    ["a cursor of the other list", null],
  ])("refuses %s with a 400 naming `after`", async (_what, raw) => {
    raise(1, t.clock.ms);
    raise(2, t.clock.ms + 1);
    const next = (await taskListOf(t, "?limit=1")).next!;
    const res = await t.api(
      "GET",
      `/v1/dealers/${DEALER}/tasks?state=done&after=${encodeURIComponent(raw ?? next)}`,
      undefined,
      auth,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: Array<{ path: string }> };
    expect(body.errors[0].path).toBe("after");
  });
});
