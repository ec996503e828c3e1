import { describe, expect, it } from "vitest";
import { json, type ValidationProblem } from "../support/contracts.js";
import { auth, bookAt, bookingBody, DEALER, jobsOf, journeyPerTest, ok } from "../support/journey.js";
import type { AppointmentView, DealerPublic } from "../support/contracts.js";

// Customer and vehicle records behind each booking, and the booking file: request
// verbatim, pre-diagnosis answers, campaigns for the VIN, contract, who attends.

const t = journeyPerTest();

const A = `/v1/dealers/${DEALER}/appointments`;
const VIN = "ZN6GU77C000123456";
const customer = (name: string, email: string, extra: Record<string, unknown> = {}) => ({
  known: true,
  name,
  email,
  reminders: { consent: true, channel: "email" },
  ...extra,
});
const one = <T>(rows: T[]) => {
  expect(rows).toHaveLength(1);
  return rows[0];
};

describe("customers and vehicles", () => {
  it("links a staff booking to the customer (by email or phone) and the vehicle (by VIN) on file, reusing them next time", async () => {
    const a = await bookAt(t, "2026-11-25T10:00", {
      vehicle: { model: "Grecale", vin: VIN, plate: "GG123HH", nextServiceDue: "2027-06-01" },
      customer: customer("Lia Conti", "lia@example.com", { phone: "+39 347 0000001", persona: "performance" }),
    });
    // Staff (or a client key) may say who this is; an anonymous caller may not (test/trust/identity.test.ts).
    const b = await bookAt(
      t,
      "2026-11-26T10:00",
      {
        vehicle: { model: "Grecale", vin: VIN.toLowerCase() },
        customer: { known: true, name: "Lia Conti", phone: "0039 347 0000001" },
      },
      auth,
    );
    const rows = t.rows<{ id: string; customer_id: string | null; vehicle_id: string | null }>(
      "SELECT id, customer_id, vehicle_id FROM appointments ORDER BY reception_start",
    );
    expect(rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(rows[0].customer_id).toBe(rows[1].customer_id);
    expect(rows[0].vehicle_id).toBe(rows[1].vehicle_id);
    const c = one(t.rows<{ id: string }>("SELECT * FROM customers"));
    expect(c).toMatchObject({
      name: "Lia Conti",
      persona: "performance",
      persona_source: "crm",
      reminder_consent: 1,
      preferred_channel: "email",
    });
    const v = one(t.rows<{ id: string; owner_customer_id: string | null }>("SELECT * FROM vehicles"));
    expect(v).toMatchObject({
      vin: VIN,
      model: "Grecale",
      plate: "GG123HH",
      owner_customer_id: c.id,
      next_service_due: "2027-06-01",
    });
    // The service reminder: 4 weeks before the due date, at 10:00 local (CEST), with the vehicle.
    const reminder = one(
      t.rows<{ due_at: number; payload_json: string }>("SELECT * FROM jobs WHERE kind = 'service_reminder'"),
    );
    expect(new Date(reminder.due_at).toISOString()).toBe("2027-05-04T08:00:00.000Z");
    expect(JSON.parse(reminder.payload_json)).toEqual({ vehicleId: v.id, dueDate: "2027-06-01" });
  });

  it("sends the service reminder 4 weeks before the due date, once, with two options, in the customer's language", async () => {
    await bookAt(t, "2026-11-25T10:00", {
      vehicle: { model: "Grecale", vin: VIN, plate: "GG123HH", nextServiceDue: "2027-01-15" },
      customer: customer("Lia Conti", "lia@example.com", { locale: "it" }),
    });
    const due = Date.parse("2026-12-18T09:00:00Z"); // 10:00 in Rome (CET), 28 days before
    expect(t.run(due - 1).ran.filter((r) => r.kind === "service_reminder")).toEqual([]);
    expect(
      t
        .run(due)
        .ran.filter((r) => r.kind === "service_reminder")
        .map((r) => r.outcome),
    ).toEqual(["sent:email"]);
    expect(t.run(due + 1).ran.filter((r) => r.kind === "service_reminder")).toEqual([]);
    const m = one(t.rows<{ body_json: string }>("SELECT * FROM outbox WHERE kind = 'service_reminder'"));
    expect(m).toMatchObject({ audience: "customer", channel: "email", locale: "it", appointment_id: null });
    const body = JSON.parse(m.body_json);
    expect(body.subject).toBe("Tagliando della sua Grecale GG123HH previsto il 15 gennaio 2027");
    // The options in words, on Rome's wall clock; the data keeps the machine instants.
    expect(body.text).toMatch(/Possiamo accoglierla \w+ì? \d+ \w+ alle \d+:\d\d con [\w ]+ oppure/);
    expect(body.text).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(body.data.options).toHaveLength(2);
    for (const o of body.data.options) expect(o.start < "2027-01-16").toBe(true);
  });

  it("skips the service reminder when the vehicle is already booked, or the owner did not consent", async () => {
    await bookAt(t, "2026-11-25T10:00", {
      vehicle: { model: "Grecale", vin: VIN, nextServiceDue: "2027-01-15" },
      customer: customer("Lia Conti", "lia@example.com"),
    });
    await bookAt(
      t,
      "2026-12-22T10:00",
      { vehicle: { model: "Grecale", vin: VIN }, customer: customer("Lia Conti", "lia@example.com") },
      auth,
    );
    expect(t.run("2026-12-18T09:00:00Z").ran.find((r) => r.kind === "service_reminder")?.outcome).toBe(
      "skipped:already_booked",
    );
    const other = "ZN6GU77C000999999";
    await bookAt(t, "2026-12-28T10:00", {
      vehicle: { model: "Levante", vin: other, nextServiceDue: "2027-03-01" },
      customer: {
        known: true,
        name: "No Thanks",
        email: "no@example.com",
        reminders: { consent: false, channel: "email" },
      },
    });
    expect(t.run("2027-02-01T09:00:00Z").ran.find((r) => r.kind === "service_reminder")?.outcome).toBe(
      "skipped:no_consent",
    );
    expect(t.rows("SELECT * FROM outbox WHERE kind = 'service_reminder'")).toEqual([]);
  });

  it("records a change of ownership when a staff booking names another owner for the VIN", async () => {
    await bookAt(t, "2026-11-25T10:00", {
      vehicle: { model: "MC20", vin: VIN },
      customer: customer("Old Owner", "old@example.com"),
    });
    await bookAt(
      t,
      "2026-11-26T10:00",
      { vehicle: { model: "MC20", vin: VIN }, customer: customer("New Owner", "new@example.com") },
      auth,
    );
    const owners = t.rows<{ id: string; name: string }>("SELECT id, name FROM customers ORDER BY created_at, name");
    const v = one(t.rows<{ id: string; owner_customer_id: string | null }>("SELECT * FROM vehicles"));
    expect(v.owner_customer_id).toBe(owners.find((o) => o.name === "New Owner")!.id);
    const change = one(
      t.rows<{ before_json: string; after_json: string }>(
        "SELECT * FROM audit_log WHERE action = 'vehicle.ownership_changed'",
      ),
    );
    expect(JSON.parse(change.before_json).ownerCustomerId).toBe(owners.find((o) => o.name === "Old Owner")!.id);
    // Ids only in the audit: no names, no contacts.
    expect(change.before_json + change.after_json).not.toMatch(/Owner|@/);
  });

  it("assesses the persona from the answers when the CRM has none", async () => {
    await bookAt(t, "2026-11-25T10:00", {
      customer: customer("Ada", "ada@example.com", {
        personaAnswers: { unique: 2, performance: 3, appearance: 5, excitement: 1 },
      }),
    });
    expect(one(t.rows("SELECT persona, persona_source FROM customers"))).toEqual({
      persona: "appearance",
      persona_source: "assessed",
    });
  });

  it.each([
    ["too short", "ZN6GU77C00012345"],
    ["with an O", "ZN6GU77C0001234O6"],
    ["with an I", "ZN6GU77CI00123456"],
    ["with a Q", "QN6GU77C000123456"],
  ])("refuses a VIN %s with 400 on vehicle.vin, and stores nothing", async (_, vin) => {
    const res = await t.api("POST", A, bookingBody("2026-11-25T10:00", { vehicle: { model: "Grecale", vin } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown }).errors).toContainEqual(
      expect.objectContaining({ path: "vehicle.vin" }),
    );
    expect(t.rows("SELECT * FROM appointments")).toEqual([]);
  });
});

describe("reminders go with an address", () => {
  it.each([
    [
      "by text message without a phone",
      { email: "lia@example.com", reminders: { consent: true, channel: "sms" } },
      "text message need customer.phone",
    ],
    [
      "by phone call without a phone",
      { email: "lia@example.com", reminders: { consent: true, channel: "phone" } },
      "phone call need customer.phone",
    ],
    [
      "by email without an email",
      { phone: "+39 347 0000001", reminders: { consent: true, channel: "email" } },
      "email need customer.email",
    ],
  ])("refuses reminders %s with 400 on customer.reminders.channel, and stores nothing", async (_, contact, words) => {
    const res = await t.api(
      "POST",
      A,
      bookingBody("2026-11-25T10:00", { customer: { name: "Lia Conti", ...contact } }),
    );
    expect(res.status).toBe(400);
    expect((await json<ValidationProblem>(res)).errors).toContainEqual(
      expect.objectContaining({ path: "customer.reminders.channel", message: expect.stringContaining(words) }),
    );
    expect(t.rows("SELECT * FROM appointments")).toEqual([]);
    expect(t.rows("SELECT * FROM customers")).toEqual([]);
  });

  it.each([
    [
      "no consent, whatever the channel",
      { email: "lia@example.com", reminders: { consent: false, channel: "sms" } },
      0,
      null, // a channel said without consent is not stored (it need not come with its address)
    ],
    ["consent without a channel, email only", { email: "lia@example.com", reminders: { consent: true } }, 1, null],
    [
      "a channel with its address",
      { phone: "+39 347 0000001", reminders: { consent: true, channel: "phone" } },
      1,
      "phone",
    ],
  ])("accepts %s", async (_, contact, consent, channel) => {
    await bookAt(t, "2026-11-25T10:00", { customer: { name: "Lia Conti", ...contact } });
    expect(one(t.rows("SELECT reminder_consent, preferred_channel FROM customers"))).toEqual({
      reminder_consent: consent,
      preferred_channel: channel,
    });
  });

  it("keeps a stored customer's channel when a later staff booking gives consent without naming one", async () => {
    await bookAt(t, "2026-11-25T10:00", { customer: customer("Lia Conti", "lia@example.com") });
    await bookAt(
      t,
      "2026-11-26T10:00",
      { customer: { name: "Lia Conti", email: "lia@example.com", reminders: { consent: true } } },
      auth,
    );
    expect(one(t.rows("SELECT preferred_channel FROM customers"))).toEqual({ preferred_channel: "email" });
  });
});

describe("the booking file", () => {
  it("stores the request verbatim, the questionnaire with its questions, campaigns, contract and attendance", async () => {
    await ok(
      await t.api(
        "PUT",
        `/v1/dealers/${DEALER}/campaigns`,
        {
          campaigns: [
            { code: "R-2026-07", title: "Brake hose inspection", kind: "recall", vins: [VIN] },
            { code: "S-OIL", title: "Oil service offer", kind: "service", vins: ["ZN6XXXXXXXX000009"] },
          ],
        },
        auth,
      ),
    );
    const words = "  It goes 'clonk' when I turn LEFT!!  ";
    const b = await bookAt(
      t,
      "2026-11-25T10:00",
      {
        interventions: ["diagnosis"],
        vehicle: { model: "Grecale", vin: VIN, plate: "GG123HH" },
        request: words,
        questionnaire: { since: "two weeks", warning_lights: "none" },
        serviceContract: { id: "SC-1", name: "Premium Care", validUntil: "2028-01-31" },
        attendance: "supervisor",
      },
      auth, // who attends reception is the desk's call (trust.ts checkAttendance)
    );
    expect(b.request).toBe(words);
    expect(b.file).toEqual({
      questionnaire: [
        { id: "since", question: "Since when does the problem occur?", answer: "two weeks" },
        { id: "warning_lights", question: "Is a warning light on? Which one?", answer: "none" },
      ],
      campaigns: [{ code: "R-2026-07", title: "Brake hose inspection", kind: "recall" }],
      serviceContract: { id: "SC-1", name: "Premium Care", validUntil: "2028-01-31", declaredBy: "staff" },
      attendance: "supervisor",
    });
    expect(b.title).toBe(
      "Diagnosis of a fault · Grecale GG123HH · workshop supervisor attends reception · open recall",
    );
    const staff = await ok<AppointmentView>(await t.api("GET", `${A}/${b.id}`, undefined, auth));
    expect(staff.title).toBe(b.title);
    expect(staff.file).toEqual(b.file);
    // The public dealer page lists the questions.
    const pub = await ok<DealerPublic>(await t.api("GET", `/v1/dealers/${DEALER}`));
    expect(pub.questionnaire.map((q) => q.id)).toEqual(["since", "when", "warning_lights", "noise"]);
  });

  // The trust boundary: a public caller's word is kept as theirs, never as a fact the desk checked.
  it("keeps a service contract an anonymous booking names as declared by the customer", async () => {
    const contract = { id: "GOLD-1", name: "Gold Care", validUntil: "2030-01-01" };
    const b = await ok<AppointmentView>(
      await t.api("POST", A, bookingBody("2026-11-25T10:00", { serviceContract: contract })),
      201,
    );
    const staff = await ok<AppointmentView>(await t.api("GET", `${A}/${b.id}`, undefined, auth));
    expect(staff.file?.serviceContract).toEqual({ ...contract, declaredBy: "customer" });
  });

  it("refuses an answer to a question the dealer does not ask, and stores nothing", async () => {
    const res = await t.api("POST", A, bookingBody("2026-11-25T10:00", { questionnaire: { colour: "red" } }));
    expect(res.status).toBe(400);
    expect((await json<ValidationProblem>(res)).errors[0].path).toBe("questionnaire.colour");
    expect(t.rows("SELECT * FROM appointments")).toEqual([]);
    expect(t.rows("SELECT * FROM customers")).toEqual([]);
    expect(t.rows("SELECT * FROM jobs")).toEqual([]);
  });

  it("keeps existing clients working: a booking without any of the new fields", async () => {
    const b = await bookAt(t, "2026-11-25T10:00", { vehicle: { model: "Grecale" } });
    expect(b.file).toEqual({ questionnaire: [], campaigns: [], serviceContract: null, attendance: null });
    expect(b.title).toBe("Maintenance · Grecale");
    expect(jobsOf(t, b.id).length).toBeGreaterThan(0);
    expect(t.rows("SELECT * FROM vehicles")).toEqual([]);
  });

  it("lets only admins replace campaigns", async () => {
    const res = await t.api("PUT", `/v1/dealers/${DEALER}/campaigns`, { campaigns: [] });
    expect(res.status).toBe(401);
  });
});
