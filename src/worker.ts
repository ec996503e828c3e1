import { createApp } from "./app.js";
import { defaultLog } from "./api/deps.js";
import { fanOutTick } from "./worker/admin-tick.js";
import { BOARD_SESSION_PATH, boardSessionDealer, withDealerCookie } from "./worker/board-route.js";
import { buffered } from "./worker/buffer.js";
import { workerAppDeps } from "./worker/app-deps.js";
import { drizzleOver } from "./worker/drizzle.js";
import { edgeStore } from "./worker/edge-store.js";
import { describeEnvError, parseWorkerEnv, type WorkerEnv } from "./worker/env.js";
import { internalProblem } from "./worker/problem.js";
import { DEALER_HEADER, routeOf } from "./worker/route.js";

// Cloudflare Workers entry point, and with src/worker/** the ONLY code that touches
// Workers bindings (src/node.ts is the Node one). The same createApp runs in two places:
//
//   edge Worker (stateless, every location)   the app over NO storage: /health, /docs,
//                                             /openapi.json, unknown paths, bad ids
//   DealerScheduler Durable Object, one per   the app over that dealer's SQLite: its
//   dealer (idFromName(dealerId))             config, bookings, staff routes, API keys,
//                                             the customer's manage links; alarms
//   DealerDirectory Durable Object (one)      which dealers exist, for the admin tick
//
// What is global, and where it lives: the bootstrap admin token is a Worker secret. The
// dealer registry is the dealers themselves (a dealer's object answers whether it
// exists), plus a directory that only fan-out operations read. API keys belong to one
// dealer each and live in its object, beside the data they unlock, so revocation is
// immediate and no staff request waits on a global store. README "Cloudflare Workers".

export { DealerScheduler } from "./worker/dealer-scheduler.js";
export { DealerDirectory } from "./worker/directory.js";

// One edge app per isolate (the environment is the same object for every request).
let edge: { env: WorkerEnv; app: ReturnType<typeof createApp> } | undefined;
function edgeApp(env: WorkerEnv) {
  if (edge?.env !== env)
    edge = { env, app: createApp({ ...workerAppDeps(env, drizzleOver(edgeStore), edgeStore), log: defaultLog }) };
  return edge.app;
}

function toDealer(env: WorkerEnv, dealerId: string, request: Request): Promise<Response> {
  const forwarded = new Request(request);
  forwarded.headers.set(DEALER_HEADER, dealerId); // replaces any client-sent value
  return env.DEALERS.get(env.DEALERS.idFromName(dealerId)).fetch(forwarded);
}

export default {
  async fetch(request, rawEnv): Promise<Response> {
    const parsed = parseWorkerEnv(rawEnv);
    if (!parsed.success) {
      defaultLog({ level: "fatal", msg: "invalid Worker environment", error: describeEnvError(parsed.error) });
      return internalProblem();
    }
    const env = parsed.data;
    const req = await buffered(request);
    const route = routeOf(req.method, new URL(req.url).pathname);
    if (route.to === "dealer") return toDealer(env, route.dealerId, req);
    if (route.to === "tick") return fanOutTick(req, env, edgeApp(env));
    if (new URL(req.url).pathname === BOARD_SESSION_PATH) {
      const dealerId = await boardSessionDealer(req);
      if (dealerId !== null) return withDealerCookie(req, await toDealer(env, dealerId, req), dealerId);
    }
    return edgeApp(env).fetch(req);
  },
} satisfies ExportedHandler;
