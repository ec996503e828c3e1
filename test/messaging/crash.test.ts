import { afterEach, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/server.js";
import { json, type MessageList, type TickResult } from "../support/contracts.js";
import { auth, fetchApi } from "../support/http.js";
import { bookingBody, CONSENTING, journeyDealer } from "../support/journey.js";
import { type SmtpSink, startSmtp } from "../support/smtp.js";

// The real server (SMTP_URL set, frozen clock, ticks by POST /v1/admin/tick) against a
// real SMTP server: the reminder goes at its instant, and when the server is SIGKILLed
// between SMTP accepting the message and the outbox recording it, the restarted server
// sends the SAME message again (same Message-ID: at-least-once, recognisable), and
// nothing more once it is recorded.

let server: SpawnedServer | undefined;
let smtp: SmtpSink | undefined;
afterEach(async () => {
  await server?.stop();
  await smtp?.close();
});

const START = "2026-11-25T11:00:00+01:00";
const DUE = Date.parse(START) - 24 * 3600_000;

describe("email across a crash (real server)", () => {
  it("a reminder arrives at its instant, once per Message-ID, across a kill between send and record", async () => {
    smtp = await startSmtp();
    const env = {
      SEED_DEMO: "0",
      RATE_LIMITS: "off",
      WORKERS: "1",
      JOURNEY_INTERVAL_MS: "0",
      SMTP_URL: smtp.url,
      MAIL_FROM: "noreply@pitlane.test",
      PUBLIC_URL: "https://pitlane.test",
    };
    server = await spawnServer({ env });
    let api = fetchApi(server.baseUrl);
    expect((await api("PUT", "/v1/dealers/rome", journeyDealer(), auth)).status).toBe(201);
    const res = await api(
      "POST",
      "/v1/dealers/rome/appointments",
      bookingBody(START, { customer: { ...CONSENTING(), reminders: { consent: true, channel: "email" } } }),
    );
    expect(res.status).toBe(201);
    const tick = (ms: number) => api("POST", "/v1/admin/tick", { now: new Date(ms).toISOString() }, auth);
    const reminders = () => smtp!.received.filter((m) => /^Reminder/.test(m.mail.headers.subject ?? ""));

    expect((await tick(DUE - 1)).status).toBe(200);
    expect(reminders()).toHaveLength(0);

    // SMTP takes the message; the server dies before it hears "250" and records it.
    const victim = server;
    smtp.holdReplies((release) => {
      victim.kill("SIGKILL");
      void victim.exited.then(release);
    });
    await tick(DUE).catch(() => undefined);
    await victim.exited;
    smtp.holdReplies(null);
    expect(reminders()).toHaveLength(1);

    server = await spawnServer({ env, dbPath: victim.dbPath });
    api = fetchApi(server.baseUrl);
    // Within the lease nothing is resent; after it, the same message once more.
    await tick(DUE + 30_000);
    expect(reminders()).toHaveLength(1);
    const after = await json<TickResult>(await tick(DUE + 61_000));
    expect(after.deliveries.delivered).toBe(1);
    await tick(DUE + 3_600_000);
    await tick(DUE + 6 * 3_600_000);
    expect(reminders()).toHaveLength(2);
    expect(new Set(reminders().map((m) => m.messageId)).size).toBe(1);
    const list = await json<MessageList>(await api("GET", "/v1/dealers/rome/messages", undefined, auth));
    expect(list.messages.find((m) => m.kind === "reminder")).toMatchObject({
      delivery: "sent",
      transport: "email",
      attempts: 2,
    });
    // Nothing in the server's log names the customer's address.
    expect(server.stdoutLines().join("\n") + victim.stdoutLines().join("\n")).not.toMatch(/@example\.com|\+39 333/);
  }, 60_000);
});
