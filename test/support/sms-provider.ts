import { createServer, type Server } from "node:http";

// A local HTTP endpoint speaking Twilio's Messages API: form-encoded POST to
// /2010-04-01/Accounts/{sid}/Messages.json with basic auth (sid:token). Records what it
// accepted; answers 201 like Twilio, 401 on bad credentials.

export interface Texted {
  to: string;
  from: string;
  body: string;
  at: number;
}

export async function startSmsProvider(sid = "AC0123456789abcdef0123456789abcdef", token = "test-auth-token") {
  const texts: Texted[] = [];
  let clock = () => Date.now();
  let busy = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const authOk = req.headers.authorization === `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`;
      const pathOk = req.method === "POST" && req.url === `/2010-04-01/Accounts/${sid}/Messages.json`;
      const formOk = String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded");
      if (!authOk) return void res.writeHead(401).end('{"code":20003}');
      if (!pathOk || !formOk) return void res.writeHead(404).end();
      if (busy > 0) {
        busy--;
        // Twilio's "Too Many Requests" (error 20429) comes without a Retry-After.
        return void res.writeHead(429, { "Content-Type": "application/json" }).end('{"code":20429}');
      }
      const f = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      texts.push({ to: f.get("To") ?? "", from: f.get("From") ?? "", body: f.get("Body") ?? "", at: clock() });
      res
        .writeHead(201, { "Content-Type": "application/json" })
        .end(JSON.stringify({ sid: `SM${texts.length}`, status: "queued" }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  return {
    config: { accountSid: sid, authToken: token, from: "+390600000000", baseUrl: `http://127.0.0.1:${port}` },
    texts,
    /** The app's (frozen) clock, so `at` says when the app sent it. */
    useClock(f: () => number) {
      clock = f;
    },
    /** The next n texts are refused with 429 Too Many Requests. */
    busyNext(n: number) {
      busy = n;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
