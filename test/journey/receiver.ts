import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";

// A dealer's webhook receiver on 127.0.0.1: verifies the signature with node:crypto
// (independent of our HMAC), dedupes on X-Pitlane-Delivery as a real receiver must,
// and can be told to fail the next N requests.

export interface Received {
  deliveryId: string;
  signatureOk: boolean;
  body: any;
  status: number;
}

export async function startReceiver(secret: string) {
  const requests: Received[] = [];
  const accepted = new Map<string, any>();
  let failNext = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const expected = "sha256=" + createHmac("sha256", secret).update(raw).digest("hex");
      const deliveryId = String(req.headers["x-pitlane-delivery"] ?? "");
      const signatureOk = req.headers["x-pitlane-signature"] === expected;
      const status = !signatureOk ? 401 : failNext > 0 ? (failNext--, 503) : 200;
      if (status === 200 && !accepted.has(deliveryId)) accepted.set(deliveryId, JSON.parse(raw));
      requests.push({ deliveryId, signatureOk, body: JSON.parse(raw), status });
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/pitlane`,
    requests,
    /** Distinct deliveries the receiver accepted (after its own dedupe). */
    accepted,
    failNext(n: number) { failNext = n; },
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
