import type { TickResult } from "../scheduler/journey/contracts.js";
import { DIRECTORY_NAME, type DealerDirectory } from "./directory.js";
import type { WorkerEnv } from "./env.js";
import { DEALER_HEADER } from "./route.js";

// POST /v1/admin/tick on Workers: on Node one process ticks every dealer; here each
// dealer's timers and outbox live in its own Durable Object (which also ticks itself by
// alarm). So the edge asks its own app first, over no storage: that authenticates
// (bootstrap token only), validates the body and reports nothing due, exactly as the
// route does. Then every dealer in the directory runs the same request, and the edge
// sums their reports. The first dealer that fails decides the answer (ticks are safe to
// repeat: leases and "done" marks make every job take effect once).

/** Simultaneous dealer calls: bounded so a large network stays within per-request limits. */
const CONCURRENCY = 6;

type Fetcher = { fetch(request: Request): Response | Promise<Response> };

export async function fanOutTick(request: Request, env: WorkerEnv, edge: Fetcher): Promise<Response> {
  const body = await request.text();
  const again = () => new Request(request.url, { method: "POST", headers: request.headers, body });
  const own = await edge.fetch(again());
  if (own.status !== 200) return own;
  const total = (await own.json()) as TickResult;

  const directory = env.DIRECTORY.get(env.DIRECTORY.idFromName(DIRECTORY_NAME)) as DurableObjectStub<DealerDirectory>;
  const dealers: string[] = await directory.list();
  let failed: Response | undefined;
  let next = 0;
  const worker = async () => {
    while (next < dealers.length && !failed) {
      const dealerId = dealers[next++];
      const req = again();
      req.headers.set(DEALER_HEADER, dealerId);
      const res = await env.DEALERS.get(env.DEALERS.idFromName(dealerId)).fetch(req);
      if (res.status !== 200) {
        failed ??= res;
        continue;
      }
      const r = (await res.json()) as TickResult;
      total.jobs.push(...r.jobs);
      total.failedJobs += r.failedJobs;
      total.deliveries.delivered += r.deliveries.delivered;
      total.deliveries.retried += r.deliveries.retried;
      total.deliveries.failed += r.deliveries.failed;
      total.deliveries.rateLimited += r.deliveries.rateLimited;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, dealers.length) }, worker));
  if (failed) return failed;
  const headers = new Headers(own.headers); // X-Request-Id and friends, minus the old length
  headers.delete("content-length");
  return new Response(JSON.stringify(total), { status: 200, headers });
}
