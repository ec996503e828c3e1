import { afterAll, beforeAll } from "vitest";
import { describeTrust } from "../acceptance/trust.js";
import { inProcess, type InProcess } from "../support/http.js";

// What each credential may assert (test/acceptance/trust.ts), in-process over a temp
// SQLite file; the same suite runs against the Node server and the Worker (acceptance/).

let t: InProcess;
beforeAll(() => {
  t = inProcess();
});
afterAll(() => t.close());

describeTrust(() => ({ name: "in-process", api: t.api, store: t.sqlite }));
