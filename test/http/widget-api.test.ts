import { afterAll, beforeAll } from "vitest";
import { describeWidgetApi } from "../acceptance/widget-api.js";
import { inProcess, type InProcess } from "../support/http.js";

// The widget's API suite (test/acceptance/widget-api.ts) in-process; the same suite runs
// against the spawned Node server and the Worker in test/acceptance/.

let t: InProcess;
beforeAll(() => {
  t = inProcess();
});
afterAll(() => t.close());

describeWidgetApi(() => ({ name: "in-process", api: t.api, store: t.sqlite }));
