import { describe, expect, it } from "vitest";
import {
  type Api,
  auth,
  availability,
  booking,
  CUSTOMER,
  expectProblem,
  freshDealers,
  inProcessPerFile,
  romeDealer,
  search,
} from "../support/http.js";

// A JSON string is text a person could have typed (api/body-text.ts): NUL and the other
// control characters (bar tab and line breaks) and unpaired surrogates are refused with
// the field's path, and nothing is stored. They used to be stored as sent. Names stay on
// one line (core/primitives.ts oneLine); a request's note may have lines.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);
const newDealer = freshDealers(api, "text");
const stored = () => t.sqlite.prepare("SELECT count(*) AS n FROM appointments").get() as { n: number };

const bad = [
  ["a NUL", "Marco\u0000Bianchi"],
  ["a bell", "Marco\u0007"],
  ["an escape", "Marco \u001b[31m"],
  ["DEL", "Marco\u007f"],
  ["a lone high surrogate", "Marco \ud83d"],
  ["a lone low surrogate", "\ude97 Marco"],
  ["surrogates in the wrong order", "\ude97\ud83d"],
  ["a C1 control (NEL)", "Marco\u0085Bianchi"],
] as const;

describe("text that is not text", () => {
  it.each(bad)("a booking whose customer name holds %s is a 400 naming customer.name", async (_, name) => {
    const dealer = await newDealer();
    const [option] = (await search(t.api, dealer, availability())).options;
    const before = stored();
    const body = booking({ optionId: option.optionId }, { customer: { ...CUSTOMER, name } });
    const res = await t.api("POST", `/v1/dealers/${dealer}/appointments`, body);
    const problem = await expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "customer.name", in: "body" })]);
    expect(stored()).toEqual(before);
  });

  it.each(bad)(
    "a dealer's configuration with %s in an advisor's name is a 400, and stays as it was",
    async (_, name) => {
      const dealer = await newDealer();
      const res = await t.api(
        "PUT",
        `/v1/dealers/${dealer}`,
        romeDealer({
          advisors: [
            { id: "anna", name },
            { id: "bruno", name: "Bruno Neri" },
          ],
        }),
        auth,
      );
      const problem = await expectProblem(res, 400, "validation_failed");
      expect(problem.errors).toEqual([expect.objectContaining({ path: "advisors.0.name", in: "body" })]);
      const row = t.sqlite.prepare("SELECT config_json, version FROM dealers WHERE id = ?").get(dealer) as {
        config_json: string;
        version: number;
      };
      expect({ version: row.version, name: JSON.parse(row.config_json).advisors[0].name }).toEqual({
        version: 1,
        name: "Anna Rossi",
      });
    },
  );

  // A name goes into an email's To header, a text's greeting and a calendar's SUMMARY.
  it.each([
    ["a CR LF", "Evil\r\nBcc: spy@example.com"],
    ["an LF", "Marco\nBianchi"],
    ["a Unicode line separator", "Marco\u2028Bianchi"],
  ])("a customer name with %s is a 400 naming customer.name: names are one line", async (_, name) => {
    const dealer = await newDealer();
    const [option] = (await search(t.api, dealer, availability())).options;
    const before = stored();
    const body = booking({ optionId: option.optionId }, { customer: { ...CUSTOMER, name } });
    const problem = await expectProblem(
      await t.api("POST", `/v1/dealers/${dealer}/appointments`, body),
      400,
      "validation_failed",
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "customer.name", in: "body" })]);
    expect(stored()).toEqual(before);
  });

  it("a dealer's or an advisor's name with a line break is a 400 on a PUT; one stored before still loads", async () => {
    const d = await newDealer();
    for (const [config, path] of [
      [romeDealer({ name: "Roma\nEst" }), "name"],
      [romeDealer({ advisors: [{ id: "anna", name: "Anna\r\nRossi" }] }), "advisors.0.name"],
    ] as const) {
      const problem = await expectProblem(
        await t.api("PUT", `/v1/dealers/${d}`, config, auth),
        400,
        "validation_failed",
      );
      expect(problem.errors).toEqual([expect.objectContaining({ path })]);
    }
    // Stored before the check (the column as an older build wrote it): read again on the
    // next PUT, it must parse, and the PUT then fixes it.
    const row = t.sqlite.prepare("SELECT config_json FROM dealers WHERE id = ?").get(d) as { config_json: string };
    const stored = JSON.parse(row.config_json);
    stored.advisors[0].name = "Anna\nRossi";
    t.sqlite.prepare("UPDATE dealers SET config_json = ? WHERE id = ?").run(JSON.stringify(stored), d);
    expect((await t.api("PUT", `/v1/dealers/${d}`, romeDealer(), auth)).status).toBe(200);
  });

  // The walk was recursive: a small body of nested arrays overflowed the stack (a 500).
  it.each([
    ["with an escape deep inside", '"\\u0041"'],
    ["with a NUL deep inside", '"\\u0000"'],
  ])("a body nested 10,000 arrays deep %s is a 400, never a 500", async (_, leaf) => {
    const dealer = await newDealer();
    const n = 10_000;
    const body = `{"interventions":${"[".repeat(n)}${leaf}${"]".repeat(n)}}`;
    const res = await t.api("POST", `/v1/dealers/${dealer}/availability`, body);
    await expectProblem(res, 400, "validation_failed");
  });

  it.each([
    ["a value before a key", '{"vehicle":{"model":"\\u0001","\\u0002":1}}', "vehicle.model"],
    ["a key before a later key", '{"vehicle":{"\\u0001x":1,"\\u0002y":2}}', "vehicle.\u0001x"],
  ])("names the first fault in document order: %s", async (_, body, path) => {
    const dealer = await newDealer();
    const problem = await expectProblem(
      await t.api("POST", `/v1/dealers/${dealer}/appointments`, body),
      400,
      "validation_failed",
    );
    expect(problem.errors[0].path).toBe(path);
  });

  it("a raw C1 control (sent unescaped, as JSON allows) is refused as the escaped one is", async () => {
    const dealer = await newDealer();
    const [option] = (await search(t.api, dealer, availability())).options;
    const body = JSON.stringify(booking({ optionId: option.optionId }, { request: "rumore\u0085forte" }));
    expect(body).toContain("\u0085");
    const problem = await expectProblem(
      await t.api("POST", `/v1/dealers/${dealer}/appointments`, body),
      400,
      "validation_failed",
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "request" })]);
  });

  it("keeps line breaks, tabs, escaped emoji and accents as sent", async () => {
    const dealer = await newDealer();
    const [option] = (await search(t.api, dealer, availability())).options;
    const request = "Rumore alla ruota\r\n\tanteriore sinistra 🚗 — perché?";
    const name = "Zoë \ud83d\ude97 D'Angelo";
    const body = JSON.stringify(booking({ optionId: option.optionId }, { request, customer: { ...CUSTOMER, name } }));
    // As a client escaping everything past ASCII would send it.
    const escaped = body.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
    expect(escaped).toContain("\\ud83d\\ude97");
    const res = await t.api("POST", `/v1/dealers/${dealer}/appointments`, escaped);
    expect(res.status).toBe(201);
    const row = t.sqlite
      .prepare("SELECT request_text AS request FROM appointments ORDER BY rowid DESC LIMIT 1")
      .get() as {
      request: string;
    };
    expect(row.request).toBe(request);
  });
});
