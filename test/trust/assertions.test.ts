import { describeTrust } from "../acceptance/trust.js";
import { inProcessPerFile } from "../support/http.js";

// What each credential may assert (test/acceptance/trust.ts), in-process over a temp
// SQLite file; the same suite runs against the Node server and the Worker (acceptance/).

const t = inProcessPerFile();

describeTrust(() => ({ name: "in-process", api: t.api, store: t.sqlite }));
