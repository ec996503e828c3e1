import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

// zod, with `.openapi()` on every schema: import z from here (or from @hono/zod-openapi,
// which extends the same z), never from "zod" directly.
//
// Trap this closes: zod 4 copies the prototype's methods onto each schema when the schema
// is built, so a schema built before the extension never gets `.openapi()`. The core's
// shared schemas (primitives.ts `Id`, dealer-config.ts) used to import plain "zod"; a
// module (a test, a script) that loaded one of them before anything loaded
// @hono/zod-openapi then failed at `Id.openapi(…)` in the routes, "Id.openapi is not a
// function". Extending here, where the schemas' own z comes from, makes the order moot.
// (test/architecture/zod-import.test.ts holds src/ to it.)

extendZodWithOpenApi(z);

export { z };
