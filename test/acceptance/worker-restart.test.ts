import { describeHoldRestart } from "./hold-restart.js";
import { describeJourney } from "./journey.js";
import { describeRestart } from "./restart.js";

// The acceptance suite's crash/restart half against the Worker on local workerd (each
// test spawns and SIGKILLs its own wrangler + workerd), in a file of its own so that it
// runs beside worker.test.ts.

describeRestart("worker");
describeJourney("worker");
describeHoldRestart("worker");
