import { OpenAPIHono } from "@hono/zod-openapi";
import { type AppDeps, type AppEnv, defaultLog, type Services } from "./api/deps.js";
import { installErrorHandlers, validationHook } from "./api/error-handlers.js";
import { edge } from "./api/middleware/edge.js";
import { declareAnsweredResponses } from "./api/declared-responses.js";
import { writerUnavailable } from "./api/middleware/writer-unavailable.js";
import { registerOpenApiComponents } from "./api/openapi.js";
import { createLimiters } from "./api/rate-limit.js";
import { validateInOnePass } from "./api/route-validation.js";
import { GroupCommit } from "./db/group-commit.js";
import { beforeEveryWrite } from "./db/tx.js";
import { registerBoardRoutes } from "./routes/board/index.js";
import { registerDealerRoutes } from "./routes/dealers/index.js";
import { registerDocs } from "./routes/docs.js";
import { registerHealth } from "./routes/health/get.js";
import { registerKeyRoutes } from "./routes/keys/index.js";
import { registerPartsRoutes } from "./routes/parts/index.js";
import { registerTaskRoutes } from "./routes/tasks/index.js";
import { installPublicGuards } from "./routes/public.js";
import { registerJourneyRoutes } from "./routes/journey.js";
import { registerSchedulingRoutes } from "./routes/scheduling.js";
import { registerVehicleRoutes } from "./routes/vehicles/index.js";
import { registerWebRoutes } from "./routes/web/index.js";
import { Journey } from "./scheduler/journey/service.js";
import { Runtimes } from "./scheduler/runtime.js";
import { serveFrame, stoppingReply } from "./api/remote-verbs.js";

// Runtime-agnostic composition root: no better-sqlite3, no node: imports, so the same app
// can sit behind @hono/node-server (src/node.ts) or a Workers fetch handler.

export type { AppDeps, AppEnv } from "./api/deps.js";

export function createApp(appDeps: AppDeps) {
  return createAppWithJourney(appDeps).app;
}

/** The app plus the journey's engine (timers and outbox delivery) over the same state. */
export function createAppWithJourney(appDeps: AppDeps) {
  // The dealers' in-memory scheduling state; a config change drops it for a rebuild.
  const runtimes = new Runtimes(appDeps.db, appDeps.now, appDeps.changeFeed);
  // Other processes' commits reach the indexes before any write re-checks against them.
  if (appDeps.changeFeed) beforeEveryWrite(appDeps.sqlite, () => runtimes.sync());
  const deps: AppDeps = {
    ...appDeps,
    // A failed group COMMIT leaves indexes that counted its writes: rebuild from storage.
    writes: appDeps.groupCommit
      ? new GroupCommit(appDeps.sqlite, {
          onAbort: () => runtimes.invalidateAll(),
          onGroup: appDeps.groupCommit === true ? undefined : appDeps.groupCommit.onGroup,
        })
      : undefined,
    onDealerChanged: (id, config) => {
      runtimes.invalidate(id);
      appDeps.onDealerChanged?.(id, config);
    },
  };
  const log = deps.log ?? defaultLog;
  // Timers and outbox delivery share the runtimes: a timer's no-show releases capacity in
  // the same index the booking routes check.
  const journey = new Journey({ db: deps.db, sqlite: deps.sqlite, runtimes, log, messaging: deps.messaging });
  // The public API and the hosted pages take from separate buckets (routes/public.ts, routes/web).
  const api = createLimiters(deps);
  const pages = createLimiters(deps);
  const services: Services = { ...deps, log, runtimes, journey, limiters: api && pages ? { api, pages } : null };
  // defaultHook: every route's zod failure (params, query, headers, body) -> 400 problem.
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Before any route: every app.openapi() below validates in one synchronous pass.
  validateInOnePass(app);
  // Around it: each operation's declared responses are what can answer it (api/declared-responses.ts).
  declareAnsweredResponses(app);

  // Request id, the request's Ctx (c.get("ctx")), body limit and access log (api/middleware/edge.ts).
  app.use("*", edge(services));
  installErrorHandlers(app, log);
  registerOpenApiComponents(app);

  registerHealth(app);
  // Rate limits and widget CORS for the public routes: before the routes, so they run first.
  installPublicGuards(app);
  // A write the writer process took and never answered (node/writer.ts): 503, after the guards.
  app.use("*", writerUnavailable());
  registerDealerRoutes(app);
  registerKeyRoutes(app);

  // Before the scheduling routes: the lifecycle action's fallback (`…/appointments/:id/*`)
  // would answer POST …/appointments/{id}/parts with its own 400 (api/enum-paths.ts).
  registerPartsRoutes(app);
  registerSchedulingRoutes(app);
  registerVehicleRoutes(app);
  registerJourneyRoutes(app);
  registerTaskRoutes(app);
  // the customer's pages: /widget.js, /book/{dealerId}, /m/{manageToken}
  registerWebRoutes(app);
  // the advisors' page (/board): its shell, bundle, session and live feed
  registerBoardRoutes(app);

  registerDocs(app); // last: the OpenAPI document must see every route
  // The writer's side of the verb calls other workers send it (api/remote-verbs.ts).
  const serveCall = (frame: Record<string, unknown>, stopping = false) =>
    stopping ? Promise.resolve(stoppingReply(frame)) : serveFrame(services, frame);
  return { app, journey, runtimes, serveCall };
}
