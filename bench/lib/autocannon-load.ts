// The parts of an autocannon load that the Node and Worker benches share: the requests,
// how they are dealt to the connections, and the percentiles of the per-response latencies.

import type autocannon from "autocannon";

/** One POST per body, JSON. */
export const postRequests = (path: string, bodies: string[]) =>
  bodies.map((body) => ({ method: "POST", path, headers: { "content-type": "application/json" }, body }));

/** Connection k of `connections`: the same requests from its own offset, so the connections do not ask in step. */
export function rotated<T>(requests: T[], k: number, connections: number): T[] {
  const off = Math.floor((k * requests.length) / connections);
  return [...requests.slice(off), ...requests.slice(0, off)];
}

/** autocannon's setupClient hook dealing `rotated` requests to connection 0, 1, 2, … */
export function rotatingClients<T extends autocannon.Request>(requests: T[], connections: number) {
  let k = 0;
  return (client: autocannon.Client) => client.setRequests(rotated(requests, k++, connections));
}

/** Nearest-rank percentile of ascending samples (NaN when there are none). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
