import { describe, expect, it } from "vitest";
import { auth, DAY, DEALER, journeyPerTest, ok } from "../support/journey.js";
import { insertCustomer, insertVehicle } from "../../src/db/repos/people.js";
import { leaves } from "../support/mime.js";
import { mailVia, startSmtp } from "../support/smtp.js";
import { perTest } from "../support/fixture.js";
import type { MessageList } from "../support/contracts.js";

// The service reminder for ANY vehicle the dealer knows (not only cars that booked
// here): a vehicle whose next service is due within 4 weeks gets one reminder with two
// bookable options, whether it came from a booking, the registry endpoint or the
// dealer's own records.

const NOW = "2026-11-23T09:00:00Z";
const IN_25_DAYS = "2026-12-18";

const smtp = perTest(startSmtp, (s) => s.close());
const t = journeyPerTest({ start: NOW, deps: () => mailVia(smtp) });

let n = 0;
/** A customer the dealer knows from its own records (never booked here), with consent to email. */
function knownCustomer(): string {
  const id = `crm-${++n}`;
  insertCustomer(t.journey.deps.db, {
    id,
    dealerId: DEALER,
    name: "Giulia Neri",
    email: `giulia${n}@example.com`,
    phone: null,
    emailHash: null,
    phoneHash: null,
    preferredChannel: "email",
    reminderConsent: true,
    locale: "en",
    persona: "appearance",
    personaSource: "crm",
    createdAt: NOW,
    updatedAt: NOW,
  });
  return id;
}

/** A vehicle in the dealer's own records (never booked here), owned by `owner`. */
function ownVehicle(
  owner: string,
  v: { id: string; vin: string; model: string; plate: string | null; nextServiceDue: string },
): void {
  insertVehicle(t.journey.deps.db, {
    ...v,
    dealerId: DEALER,
    electrified: false,
    priority: false,
    ownerCustomerId: owner,
    createdAt: NOW,
    updatedAt: NOW,
  });
}

const serviceMails = () => smtp.received.filter((m) => /due for service/.test(m.mail.headers.subject ?? ""));
const textOf = (i: number) =>
  leaves(serviceMails()[i].mail).find((p) => p.headers["content-type"]?.startsWith("text/plain"))!.body;

describe("service reminder for any known vehicle", () => {
  it("a vehicle inserted with nextServiceDue in 25 days gets one reminder with two options", async () => {
    const owner = knownCustomer();
    ownVehicle(owner, {
      id: "veh-1",
      vin: "ZN6XXXXXXXX000777",
      model: "Levante",
      plate: "GG777GG",
      nextServiceDue: IN_25_DAYS,
    });
    await t.journey.tick(t.clock.ms);
    await t.journey.tick(t.clock.ms + 60_000);
    await t.journey.tick(t.clock.ms + DAY);
    expect(serviceMails()).toHaveLength(1);
    const text = textOf(0);
    // The due date and the two options in words, on Rome's wall clock (no "2026-12-18 09:00").
    expect(text).toContain("is due for maintenance on 18 December 2026.");
    expect(text).toMatch(
      /We can welcome you on \w+day \d+ \w+ at \d{1,2}:\d\d with [A-Z][^.]+ or on \w+day \d+ \w+ at \d{1,2}:\d\d with [A-Z][^.]+\./,
    );
    expect(text).not.toMatch(/\d{4}-\d\d-\d\d|\b0\d:\d\d/);
    expect(text).toContain("every detail"); // the appearance persona's line
  });

  it("a vehicle due in 60 days waits: its reminder goes 4 weeks before the date, at 10:00 local", async () => {
    const owner = knownCustomer();
    ownVehicle(owner, {
      id: "veh-2",
      vin: "ZN6XXXXXXXX000778",
      model: "Grecale",
      plate: null,
      nextServiceDue: "2027-01-22",
    });
    await t.journey.tick(t.clock.ms);
    expect(serviceMails()).toHaveLength(0);
    const at = Date.parse("2026-12-25T09:00:00Z"); // 2027-01-22 − 28 days, 10:00 in Rome
    await t.journey.tick(at - 1);
    expect(serviceMails()).toHaveLength(0);
    await t.journey.tick(at);
    expect(serviceMails()).toHaveLength(1);
  });

  it("a vehicle registered with nextServiceDue in 25 days gets its service reminder with two options", async () => {
    const owner = knownCustomer();
    await ok(
      await t.api(
        "PUT",
        `/v1/dealers/${DEALER}/vehicles/ZN6XXXXXXXX000779`,
        { model: "Grecale", priority: false, nextServiceDue: IN_25_DAYS, customerRef: owner },
        auth,
      ),
      201,
    );
    await t.journey.tick(t.clock.ms);
    await t.journey.tick(t.clock.ms + DAY);
    expect(serviceMails()).toHaveLength(1);
    expect(textOf(0)).toMatch(/We can welcome you on .+ with .+ or on .+ with .+\./);
    const list = await ok<MessageList>(await t.api("GET", `/v1/dealers/${DEALER}/messages`, undefined, auth));
    expect(list.messages.filter((m) => m.kind === "service_reminder").map((m) => [m.transport, m.delivery])).toEqual([
      ["email", "sent"],
    ]);
  });
});
