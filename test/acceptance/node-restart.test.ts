import { describeHoldRestart } from "./hold-restart.js";
import { describeJourney } from "./journey.js";
import { describeRestart } from "./restart.js";

// The acceptance suite's crash/restart half against the REAL Node server (each test
// spawns and kills its own), in a file of its own so that it runs beside node.test.ts.

describeRestart("node");
describeJourney("node");
describeHoldRestart("node");
