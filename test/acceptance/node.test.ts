import { describeEndpoints } from "./endpoints.js";
import { describeRace } from "./race.js";
import { describeStampede } from "./stampede.js";
import { describeTrust } from "./trust.js";
import { useSpawnedTarget } from "./target.js";

// The acceptance suite against the REAL Node server (`npm start`, spawned): the endpoints,
// the races and the stampede here, crash/restart and the journey in node-restart.test.ts. The same
// suites run against the Worker on local workerd (worker*.test.ts).

const node = useSpawnedTarget("node");
describeEndpoints(node.target);
describeTrust(node.target);
describeRace(node.target, () => node.server().stdoutLines());
describeStampede(node.target, () => node.server().stdoutLines());
