import { afterEach, describe, expect, it } from "vitest";
import { CUSTOMER_TEMPLATE_NAMES } from "../../src/scheduler/journey/template-names.js";
import { compose } from "../../src/scheduler/journey/compose.js";
import { sampleVars } from "../../src/scheduler/journey/preview.js";
import { MessagingConfig } from "../../src/core/dealer-config/messaging.js";
import { auth, expectProblem, inProcess, type InProcess, putDealer, romeDealer } from "../support/http.js";

// A dealer's own message template that names a variable no message fills ("{custmer}")
// would reach customers as typed: the PUT of the configuration refuses it, 400 with the
// path of the field and the names that exist, and stores nothing.

const D = "rome";
let t: InProcess;
afterEach(() => t.close());

const withTemplates = (templates: Record<string, unknown>) => romeDealer({ messaging: { templates } });
const stored = () => t.sqlite.prepare("SELECT config_json, version FROM dealers").all();

describe("a dealer's own message templates", () => {
  it.each([
    { typed: "Gentile {custmer}, a domani alle {time}.", unknown: "{custmer}", field: "text" },
    { typed: "{dealer}: entro {dueBy}", unknown: "{dueBy}", field: "subject" }, // the desk's deadline is staff's
    { typed: "Auto {carIn}, ricambio {liveParts}", unknown: "{carIn}, {liveParts}", field: "text" },
  ])("naming $unknown: 400 with the field's path and the names that exist; nothing stored", async (row) => {
    t = inProcess();
    await putDealer(t.api, D, romeDealer());
    const before = stored();
    const res = await t.api(
      "PUT",
      `/v1/dealers/${D}`,
      withTemplates({ confirmed: { it: { [row.field]: row.typed } } }),
      auth,
    );
    const problem = await expectProblem(res, 400, "validation_failed");
    const path = `messaging.templates.confirmed.it.${row.field}`;
    expect(problem.errors).toEqual([expect.objectContaining({ path, in: "body" })]);
    expect(problem.errors[0].message).toContain(row.unknown);
    expect(problem.errors[0].message).toContain("{customer}");
    expect(stored()).toEqual(before);
  });

  it("every name the check allows is one a customer message has words for, and a PUT takes them all", async () => {
    t = inProcess();
    const all = CUSTOMER_TEMPLATE_NAMES.map((n) => `{${n}}`).join(" ");
    // With a phone: {dealerPhone} is refused where the configuration has none (dealer-phone.test.ts).
    const config = romeDealer({
      phone: "+39 06 1234 5678",
      messaging: { templates: { parts_arrived: { en: { text: all } } } },
    });
    const res = await t.api("PUT", `/v1/dealers/${D}`, config, auth);
    expect(res.status).toBe(201);
    // Staff's names and the yes/no flags are not a customer's words.
    for (const staff of ["dueBy", "moved", "liveParts", "carIn", "visitAhead"])
      expect(CUSTOMER_TEMPLATE_NAMES).not.toContain(staff);
    // The preview's customer sample holds words for every name the list allows.
    for (const locale of ["it", "en"] as const) {
      const vars = sampleVars(
        { name: "Roma Est", address: "x", parking: "y", phone: "+39 06 1234 5678" },
        locale,
      ) as unknown as Record<string, unknown>;
      for (const name of CUSTOMER_TEMPLATE_NAMES.filter((n) => n !== "manageLink")) {
        const value = vars[name];
        expect(typeof value === "string" ? value : Array.isArray(value) ? value.join("") : "", name).not.toBe("");
      }
    }
  });
});

describe("a dealer's template in a message that has no value for a known name", () => {
  it("prints it empty, not as typed; an unknown name (stored before the check) stays as typed", () => {
    const messaging = MessagingConfig.parse({
      templates: { confirmed: { it: { text: "Gentile {customer}, ricambio: {part}. {custmer}" } } },
    });
    const vars = { ...sampleVars({ name: "Roma Est", address: "x", parking: "y" }, "it"), part: undefined };
    expect(compose("confirmed", "it", vars, { messaging }).text).toBe("Gentile Marco Bianchi, ricambio: . {custmer}");
  });
});

describe("a configuration stored before the check", () => {
  it("PUT back with another change keeps its old unknown name; a new one in the same field is refused", async () => {
    t = inProcess();
    const templates = { confirmed: { it: { text: "Gentile {custmer}" } } };
    const legacy = withTemplates(templates);
    await putDealer(t.api, D, romeDealer());
    // As a configuration written before the check was stored: straight into the row.
    const row = t.sqlite.prepare("SELECT config_json FROM dealers WHERE id = ?").get(D) as { config_json: string };
    const config = JSON.parse(row.config_json);
    config.messaging.templates = templates;
    t.sqlite.prepare("UPDATE dealers SET config_json = ? WHERE id = ?").run(JSON.stringify(config), D);
    const again = { ...legacy, name: "Roma Est Service" };
    expect((await t.api("PUT", `/v1/dealers/${D}`, again, auth)).status).toBe(200);
    const worse = withTemplates({ confirmed: { it: { text: "Gentile {custmer} {nome}" } } });
    const problem = await expectProblem(await t.api("PUT", `/v1/dealers/${D}`, worse, auth), 400, "validation_failed");
    expect(problem.errors[0].message).toMatch(/^\{nome\} is not a variable/);
  });
});
