import { afterAll } from "vitest";
import { removeOwned } from "./temp-dirs.js";

// Setup file (vitest.config.ts): once a test file is done, the temp directories its
// helpers made go, whether or not its tests closed them (test/support/temp-dirs.ts).
// Registered before the file's own hooks, so it runs after them (vitest runs after-hooks
// in reverse order).
afterAll(removeOwned);
