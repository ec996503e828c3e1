import { requestId as honoRequestId } from "hono/request-id";

// Echoes a caller's X-Request-Id (so a support ticket can quote the id the client logged)
// or generates a UUID. Hono's middleware replaces ids that are too long or contain
// anything but [A-Za-z0-9_=-], so a header cannot inject text into our JSON logs.
export const requestId = () => honoRequestId({ headerName: "X-Request-Id", limitLength: 128 });
