import { describeWidgetApi } from "../acceptance/widget-api.js";
import { inProcessPerFile } from "../support/http.js";

// The widget's API suite (test/acceptance/widget-api.ts) in-process; the same suite runs
// against the spawned Node server and the Worker in test/acceptance/.

const t = inProcessPerFile();

describeWidgetApi(() => ({ name: "in-process", api: t.api, store: t.sqlite }));
