import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
import type { WebhookPayload } from "../../src/scheduler/journey/webhook.js";

// A dealer's webhook receiver on 127.0.0.1: verifies each delivery with the
// `standardwebhooks` package (independent of our HMAC; its 5-minute tolerance refuses
// stale timestamps), checks today's X-Pitlane-Signature with node:crypto where it is
// sent, dedupes on webhook-id as a real receiver must, and can be told to fail the next
// N requests (503), or to answer them "too many" (429, or 503 with a Retry-After).

export interface Received {
  deliveryId: string;
  /** The Standard Webhooks signature verified (and the timestamp was fresh). */
  signatureOk: boolean;
  /** X-Pitlane-Signature: true/false when sent, null when absent. */
  legacySignatureOk: boolean | null;
  /** The payload the delivery worker posts (scheduler/journey/webhook.ts). */
  body: WebhookPayload;
  raw: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/** The receiver's whsec_ form of a dealer secret (a pre-whsec secret: base64 of its bytes). */
export const whsecOf = (secret: string) =>
  secret.startsWith("whsec_") ? secret : `whsec_${Buffer.from(secret, "utf8").toString("base64")}`;

export async function startReceiver(secret: string) {
  const requests: Received[] = [];
  const accepted = new Map<string, WebhookPayload>();
  const wh = new Webhook(whsecOf(secret));
  let failNext = 0;
  let busy: { n: number; status: number; retryAfter?: string } = { n: 0, status: 429 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let signatureOk = true;
      try {
        wh.verify(raw, req.headers as Record<string, string>);
      } catch {
        signatureOk = false;
      }
      const legacy = req.headers["x-pitlane-signature"];
      const legacySignatureOk =
        legacy === undefined ? null : legacy === "sha256=" + createHmac("sha256", secret).update(raw).digest("hex");
      const deliveryId = String(req.headers["webhook-id"] ?? "");
      const throttled = signatureOk && busy.n > 0;
      if (throttled) busy.n--;
      const status = !signatureOk ? 401 : throttled ? busy.status : failNext > 0 ? (failNext--, 503) : 200;
      if (status === 200 && !accepted.has(deliveryId)) accepted.set(deliveryId, JSON.parse(raw));
      requests.push({
        deliveryId,
        signatureOk,
        legacySignatureOk,
        body: JSON.parse(raw),
        raw,
        headers: req.headers,
        status,
      });
      const retryAfter = throttled && busy.retryAfter !== undefined ? { "Retry-After": busy.retryAfter } : {};
      res.writeHead(status, { "Content-Type": "text/plain", ...retryAfter }).end(status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/pitlane`,
    requests,
    /** Distinct deliveries the receiver accepted (after its own dedupe). */
    accepted,
    failNext(n: number) {
      failNext = n;
    },
    /** The next n requests get `status` (default 429), with this Retry-After when given. */
    busyNext(n: number, retryAfter?: string, status = 429) {
      busy = { n, status, retryAfter };
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
