import { describeEndpoints } from "./endpoints.js";
import { describeRace } from "./race.js";
import { describeStampede } from "./stampede.js";
import { describeTrust } from "./trust.js";
import { useSpawnedTarget } from "./target.js";

// The acceptance suite against the Worker: `npm run dev:worker`, i.e. the edge Worker and
// one Durable Object per dealer on workerd from npm, offline, serving the bundle that
// `wrangler deploy` would upload. The endpoints and the races here, crash/restart and the
// journey in worker-restart.test.ts. The same suites run against Node (node*.test.ts).

const worker = useSpawnedTarget("worker");
describeEndpoints(worker.target);
describeTrust(worker.target);
describeRace(worker.target, () => worker.server().stdoutLines());
describeStampede(worker.target, () => worker.server().stdoutLines());
