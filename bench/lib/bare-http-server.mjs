// The search load's CEILING (bench/http.bench.ts): what Node's own HTTP server does on this
// machine, under the same autocannon load, when the answer costs nothing. Each request's
// body is read and JSON-parsed (as any JSON API must) and the reply is a fixed body: a real
// answer of Pitlane's search, captured by the bench, with the same content-type. No
// framework, no validation, no search, no access log.
//
// Processes as the server under test: WORKERS=1 serves in this process; WORKERS=n (or
// "auto", one per CPU) forks n cluster workers behind a primary that serves nothing, as
// src/node/cluster.ts does, so the ceiling pays the same cross-process costs.
//
//   PORT=8080 WORKERS=auto BODY_FILE=/tmp/answer.json node bench/lib/bare-http-server.mjs

import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";

const port = Number(process.env.PORT);
const workers = process.env.WORKERS === "auto" ? availableParallelism() : Number(process.env.WORKERS || 1);
const answer = readFileSync(process.env.BODY_FILE, "utf8");

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const w of Object.values(cluster.workers)) w.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const server = createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      if (text) JSON.parse(text);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 5_000;
  server.listen(port, "127.0.0.1");
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
