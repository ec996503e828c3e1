import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedServer, spawnServer } from "../support/server.js";
import { socketDirPath } from "../../src/node/socket-dir.js";
import { type AppointmentView, type AvailabilityResponse, type DayBoard, json } from "../support/contracts.js";
import { auth, availability, booking, romeDealer } from "../support/http.js";

// The real server with WORKERS=2 (src/node/cluster.ts): one primary, two server processes
// on one port and one SQLite file. Every request below goes over a FRESH connection
// (Connection: close), and the primary deals connections out round-robin, so consecutive
// requests alternate between the workers.

const DEALER = "roma";
const query = availability({ from: "2026-11-24", days: 3, count: 4 });

let server: SpawnedServer;
beforeAll(async () => {
  server = await spawnServer({
    env: { SEED_DEMO: "0", RATE_LIMITS: "off", MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0", WORKERS: "2" },
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

async function call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: { "Content-Type": "application/json", Connection: "close", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await json<T>(res) };
}
/**
 * The processes the server forked (its workers): node processes only. Under tsx a cold
 * transform cache also gives the primary an esbuild child, which is not a worker (and
 * leaves on its own schedule).
 */
const childPids = (pid: number) =>
  execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter(([p, comm]) => p && comm === "node")
    .map(([p]) => p);
const offered = async () =>
  (await call<AvailabilityResponse>("POST", `/v1/dealers/${DEALER}/availability`, query)).body.options.map(
    (o) => `${o.advisorId}@${o.start}`,
  ) as string[];

describe("two worker processes over one database", () => {
  it("start two workers behind the one port the listening line names", () => {
    const workers = server.stdoutLines().filter((l) => l.includes('"msg":"worker listening"'));
    expect(workers.map((l) => JSON.parse(l).worker).sort()).toEqual([0, 1]);
    expect(childPids(server.child.pid!)).toHaveLength(2);
  });

  it("never offer, on either worker, a slot booked on the other", async () => {
    expect((await call("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth)).status).toBe(201);
    const before = await offered();
    await offered(); // both workers have built their index now
    const [advisorId, start] = before[0].split("@");
    expect((await call("POST", `/v1/dealers/${DEALER}/appointments`, booking({ start, advisorId }))).status).toBe(201);
    for (let i = 0; i < 4; i++) expect(await offered()).not.toContain(before[0]);
  });

  it("give 30 simultaneous bookers of one slot, spread over both workers, exactly one 201", async () => {
    const [slot] = await offered();
    const [advisorId, start] = slot.split("@");
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        call("POST", `/v1/dealers/${DEALER}/appointments`, booking({ start, advisorId })),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(29).fill(409)]);
    const board = await call<DayBoard>("GET", `/v1/dealers/${DEALER}/days/${start.slice(0, 10)}`, undefined, auth);
    const advisor = board.body.advisors.find((a) => a.id === advisorId)!;
    const receptions = advisor.slots.filter(
      (s) => s.kind === "reception" && s.start === start && s.status !== "cancelled",
    );
    expect(receptions).toHaveLength(1);
  });

  it("stop both workers on SIGTERM, exit 0, and log each stop", async () => {
    server.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    const stopped = server.stdoutLines().filter((l) => l.includes('"msg":"stopped"'));
    expect(stopped.map((l) => JSON.parse(l).worker ?? "primary").sort()).toEqual([0, 1, "primary"]);
    // The writer's private socket directory goes with it (node/socket-dir.ts).
    expect(existsSync(socketDirPath(server.dbPath))).toBe(false);
  });
});

describe("SIGKILL of the primary", () => {
  it("takes the workers down with it; a restart on the same file keeps every booking", async () => {
    const first = await spawnServer({ env: { SEED_DEMO: "0", RATE_LIMITS: "off", WORKERS: "2" } });
    const pids = childPids(first.child.pid!);
    expect(pids).toHaveLength(2);
    const put = await fetch(`${first.baseUrl}/v1/dealers/${DEALER}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...auth },
      body: JSON.stringify(romeDealer()),
    });
    expect(put.status).toBe(201);
    const { options } = await json<AvailabilityResponse>(
      await fetch(`${first.baseUrl}/v1/dealers/${DEALER}/availability`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(query),
      }),
    );
    const booked = await json<AppointmentView>(
      await fetch(`${first.baseUrl}/v1/dealers/${DEALER}/appointments`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(booking({ optionId: options[0].optionId })),
      }),
    );
    first.kill("SIGKILL");
    await first.exited;
    // The workers notice that their primary is gone and leave.
    const gone = (pid: string) => {
      try {
        process.kill(Number(pid), 0);
        return false;
      } catch {
        return true;
      }
    };
    for (let i = 0; i < 100 && !pids.every(gone); i++) await new Promise((r) => setTimeout(r, 50));
    expect(pids.filter((p) => !gone(p))).toEqual([]);

    const second = await spawnServer({
      dbPath: first.dbPath,
      env: { SEED_DEMO: "0", RATE_LIMITS: "off", WORKERS: "2" },
    });
    try {
      const res = await fetch(`${second.baseUrl}/v1/dealers/${DEALER}/appointments/${booked.id}`, { headers: auth });
      expect(res.status).toBe(200);
      const again = await json<AvailabilityResponse>(
        await fetch(`${second.baseUrl}/v1/dealers/${DEALER}/availability`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Connection: "close" },
          body: JSON.stringify(query),
        }),
      );
      expect(
        again.options.some((o) => o.start === booked.reception.start && o.advisorId === booked.reception.advisorId),
      ).toBe(false);
    } finally {
      await second.stop();
      await first.stop();
    }
  }, 60_000);
});
