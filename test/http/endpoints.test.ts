import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/node.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeEndpoints } from "../acceptance/endpoints.js";
import {
  ADMIN_TOKEN,
  type Api,
  auth,
  book,
  booking,
  expectProblem,
  fetchApi,
  inProcessPerFile,
  putDealer,
  readDb,
  romeDealer,
  snapshot,
} from "../support/http.js";

// The Booking API endpoint by endpoint (test/acceptance/endpoints.ts), in-process over a
// temp SQLite file; the same suite runs against the spawned Node server and the Worker in
// test/acceptance/. Below it, what only a Node server can show: request bodies over 32 KB
// cut off while they stream.

const t = inProcessPerFile();

describeEndpoints(() => ({ name: "in-process", api: t.api, store: t.sqlite }));

const at = (date: string, time: string) => `${date}T${time}`;
const WED = "2026-11-25";

// ---------------------------------------------------------------------------------------

describe("over HTTP: request bodies over 32 KB", () => {
  let server: RunningServer;
  let dir: string;
  let dbPath: string;
  let http: Api;
  let apptId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pitlane-http-"));
    dbPath = join(dir, "scheduler.db");
    server = await startServer({
      env: {
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_PATH: dbPath,
        SCHEDULER_ADMIN_TOKEN: ADMIN_TOKEN,
        SCHEDULER_NOW: "2026-11-23T09:00:00Z",
        SEED_DEMO: "0",
      },
      log: () => {},
    });
    http = fetchApi(server.url);
    await putDealer(http, "big", romeDealer());
    apptId = (await book(http, "big", booking({ start: at(WED, "11:00"), advisorId: "anna" }))).id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const huge = "x".repeat(33 * 1024);
  const cases = [
    ["PUT dealer", "PUT", "/v1/dealers/big", romeDealer({ address: huge })],
    [
      "POST appointment",
      "POST",
      "/v1/dealers/big/appointments",
      booking({ start: at(WED, "12:00") }, { request: huge }),
    ],
    ["PATCH appointment", "PATCH", "APPT", { reception: { start: at(WED, "16:00") }, reason: huge }],
  ] as const;

  it.each(
    cases.flatMap(([name, ...rest]) => [
      [name, "Content-Length", ...rest] as const,
      [name, "chunked", ...rest] as const,
    ]),
  )("%s with a %s body → 413 problem, and stores nothing", async (_, framing, method, p, body) => {
    const db = readDb(dbPath);
    try {
      const before = snapshot(db);
      const bytes = new TextEncoder().encode(JSON.stringify(body));
      const url = server.url + (p === "APPT" ? `/v1/dealers/big/appointments/${apptId}` : p);
      const headers = { ...auth, "Content-Type": "application/json", "If-Match": "1" };
      const res =
        framing === "chunked"
          ? await fetch(url, {
              method,
              headers,
              duplex: "half",
              body: new ReadableStream({
                start(c) {
                  for (let i = 0; i < bytes.length; i += 4096) c.enqueue(bytes.subarray(i, i + 4096));
                  c.close();
                },
              }),
            } as RequestInit)
          : await fetch(url, { method, headers, body: bytes });
      await expectProblem(res, 413, "payload_too_large");
      expect(snapshot(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it("still accepts a body just under the limit", async () => {
    // A dealer whose advisor has a long list of absences: about 31 KB of JSON.
    const absences = Array.from({ length: 415 }, (_, i) => {
      const day = new Date(Date.UTC(2027, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return { start: `${day}T08:00`, end: `${day}T09:00`, reason: "training" };
    });
    const config = romeDealer({
      advisors: [
        { id: "anna", name: "Anna Rossi", absences },
        { id: "bruno", name: "Bruno Neri" },
      ],
    });
    const size = new TextEncoder().encode(JSON.stringify(config)).length;
    expect(size).toBeGreaterThan(30 * 1024);
    expect(size).toBeLessThan(32 * 1024);
    expect((await http("PUT", "/v1/dealers/big", config, auth)).status).toBe(200);
  });
});
