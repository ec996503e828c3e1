import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import { ApiError, problem } from "../errors.js";

/** Largest request body we accept. A whole dealer config with many absences fits. */
export const MAX_BODY_BYTES = 32 * 1024;

// Checks Content-Length up front and also counts chunked bodies as they stream, so a
// client cannot bypass the limit by omitting the length.
export const bodyLimit = () =>
  honoBodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => problem(c, new ApiError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes`)),
  });
