import { Agent, request } from "node:http";

// A lighter load generator than fetch for the write bench: node:http over keep-alive
// sockets, one per client. Node 20's fetch (undici behind WHATWG streams) costs the
// load generator a few hundred µs of CPU per request; on a 2-core box that CPU is taken
// from the server under test, and its event loop's delays land in the measured latency.

export interface Posted {
  status: number;
  text: string;
}

export function postClient(base: string, sockets: number) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return {
    post(path: string, body: string, headers: Record<string, string>): Promise<Posted> {
      return new Promise((ok, fail) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: "POST",
            path,
            agent,
            headers: { ...headers, "content-length": Buffer.byteLength(body) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("error", fail);
            res.on("end", () => ok({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          },
        );
        req.on("error", fail);
        // A server that stops answering must not hang the bench: the write counts as failed.
        req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
