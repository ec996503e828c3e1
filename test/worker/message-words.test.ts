import { beforeAll, describe, expect, it } from "vitest";
import type { MessagePreview } from "../../src/scheduler/journey/messaging-contracts.js";
import { CUSTOMER_TEMPLATES, STAFF_TEMPLATES } from "../../src/scheduler/journey/templates.js";
import type { AppointmentView, MessageList } from "../support/contracts.js";
import { type Api, auth, inProcessPerFile, useRealServer } from "../support/http.js";
import { bookingBody, CONSENTING, journeyDealer, ok } from "../support/journey.js";

// The Worker (workerd) writes the customer's messages with the same words as Node: the
// dates in words come from our own tables (core/date-words.ts), not from the runtime's
// Intl data, and the dealer's zone (Temporal over the runtime's zone rules) puts them on
// the same wall clock: the Monday after Rome's clocks go back, and Tokyo's 08:30, which is
// 23:30 UTC the day before.

const NOW = "2026-10-19T09:00:00Z";
const worker = useRealServer({ SEED_DEMO: "0", RATE_LIMITS: "off", SCHEDULER_NOW: NOW }, "worker");
const node = inProcessPerFile({ now: NOW });

const DEALERS = { rome: "Europe/Rome", tokyo: "Asia/Tokyo" } as const;
const CASES = [
  {
    dealer: "rome",
    start: "2026-10-26T09:00",
    locale: "it",
    subject: "Appuntamento confermato: lunedì 26 ottobre alle 9:00",
  },
  {
    dealer: "rome",
    start: "2026-10-26T10:00",
    locale: "en",
    subject: "Appointment confirmed: Monday 26 October at 10:00",
  },
  {
    dealer: "tokyo",
    start: "2026-10-28T08:30",
    locale: "it",
    subject: "Appuntamento confermato: mercoledì 28 ottobre alle 8:30",
  },
  {
    dealer: "tokyo",
    start: "2026-10-28T09:00",
    locale: "en",
    subject: "Appointment confirmed: Wednesday 28 October at 9:00",
  },
] as const;

const runtimes = () =>
  [
    ["node", node.api],
    ["workerd", worker.http],
  ] as [string, Api][];

beforeAll(async () => {
  for (const [, api] of runtimes())
    for (const [id, timeZone] of Object.entries(DEALERS))
      await ok(await api("PUT", `/v1/dealers/${id}`, journeyDealer({ timeZone }), auth), 201);
}, 60_000);

describe("customer messages on the Worker", () => {
  it("preview every customer and staff kind, in it and en, word for word as Node does", async () => {
    for (const kind of [...CUSTOMER_TEMPLATES, ...STAFF_TEMPLATES])
      for (const locale of ["it", "en"]) {
        const path = `/v1/dealers/rome/messages/preview?kind=${kind}&locale=${locale}`;
        const [n, w] = await Promise.all(runtimes().map(([, api]) => api("GET", path, undefined, auth)));
        const [fromNode, fromWorker] = [await ok<MessagePreview>(n), await ok<MessagePreview>(w)];
        expect(fromWorker, `${kind} ${locale}`).toEqual(fromNode);
        expect(fromWorker.text, `${kind} ${locale}`).not.toMatch(/\d{4}-\d\d-\d\d/);
      }
  }, 60_000);

  it.each(CASES)(
    "confirm $start in $dealer's zone as '$subject', in Node and in workerd",
    async (c) => {
      for (const [runtime, api] of runtimes()) {
        const body = bookingBody(c.start, { customer: { ...CONSENTING(), locale: c.locale } });
        const b = await ok<AppointmentView>(await api("POST", `/v1/dealers/${c.dealer}/appointments`, body), 201);
        await ok(await api("POST", `/v1/dealers/${c.dealer}/appointments/${b.id}/confirm`, {}, auth));
        const list = await ok<MessageList>(
          await api("GET", `/v1/dealers/${c.dealer}/messages?appointmentId=${b.id}`, undefined, auth),
        );
        expect(list.messages.find((m) => m.kind === "confirmed")?.subject, runtime).toBe(c.subject);
      }
    },
    60_000,
  );
});
