import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { derivedDevSecret } from "../src/lib/sealing.js";

// `npm run dev:worker`: the Worker and its Durable Objects on the local workerd from npm
// (wrangler dev --local), offline, with the same variables as `npm start`:
//   PORT (8787; 0 = any free port), HOST (127.0.0.1), SCHEDULER_ADMIN_TOKEN (generated
//   and printed when unset), PITLANE_SECRET (derived from the admin token when unset),
//   PITLANE_SECRET_PREVIOUS, SCHEDULER_NOW, SEED_DEMO (1), RATE_LIMITS,
//   MAX_ACTIVE_BOOKINGS_PER_CONTACT, WORKER_STATE_DIR (./data/worker: each Durable
//   Object's SQLite file lives below it; delete it to start empty), and WORKER_WATCH.
// WORKER_WATCH=0 (tests, benches): build the deploy artifact once (`wrangler deploy
// --dry-run`, the very bundle `wrangler deploy` uploads) and serve it with --no-bundle.
// wrangler dev otherwise rebuilds and restarts the Worker whenever a source file changes,
// and a restart answers in-flight writes with 503: fine while editing, not under a test
// on a tree that other people are editing.
// Once the Worker answers, prints one JSON line {"msg":"listening","url":...} like
// src/node.ts does (test/support/server.ts waits for it).

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WRANGLER = join(dirname(createRequire(import.meta.url).resolve("wrangler/package.json")), "bin", "wrangler.js");

const env = process.env;
const stateDir = resolve(ROOT, env.WORKER_STATE_DIR || "data/worker");
mkdirSync(stateDir, { recursive: true });

let adminToken = env.SCHEDULER_ADMIN_TOKEN;
if (!adminToken) {
  adminToken = randomBytes(24).toString("base64url");
  console.log(
    JSON.stringify({
      level: "warn",
      msg: "generated a development admin token; set SCHEDULER_ADMIN_TOKEN to choose one",
      adminToken,
    }),
  );
}

let serverSecret = env.PITLANE_SECRET;
if (!serverSecret) {
  serverSecret = derivedDevSecret(adminToken);
  console.log(
    JSON.stringify({
      level: "warn",
      msg: "PITLANE_SECRET is not set: using a development secret derived from the admin token; deployed Workers need `wrangler secret put PITLANE_SECRET`",
    }),
  );
}

// The Worker's variables go through a private env file, not `--var` (which would show
// the admin token in the process list).
const vars: Record<string, string | undefined> = {
  SCHEDULER_ADMIN_TOKEN: adminToken,
  PITLANE_SECRET: serverSecret,
  PITLANE_SECRET_PREVIOUS: env.PITLANE_SECRET_PREVIOUS,
  SCHEDULER_NOW: env.SCHEDULER_NOW,
  SEED_DEMO: env.SEED_DEMO ?? "1",
  RATE_LIMITS: env.RATE_LIMITS,
  MAX_ACTIVE_BOOKINGS_PER_CONTACT: env.MAX_ACTIVE_BOOKINGS_PER_CONTACT,
};
const envFile = join(stateDir, "dev.env");
writeFileSync(
  envFile,
  Object.entries(vars)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join("\n") + "\n",
  { mode: 0o600 },
);

const wranglerEnv = {
  ...env,
  // Offline and quiet: no usage metrics, no update check (the banner's), no download
  // of the Request.cf object from workers.cloudflare.com (a placeholder is used).
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

let entry: string[] = [];
if (env.WORKER_WATCH === "0") {
  const outdir = join(stateDir, "build");
  const built = spawnSync(process.execPath, [WRANGLER, "deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    env: wranglerEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  // An explicit --config: with a script argument wrangler would look for one beside it.
  entry = ["--config", join(ROOT, "wrangler.toml"), "--no-bundle", join(outdir, "worker.js")];
}

const host = env.HOST || "127.0.0.1";
const args = [
  WRANGLER,
  "dev",
  ...entry,
  "--local",
  "--ip",
  host,
  "--port",
  env.PORT || "8787",
  // Any free inspector port: two dev Workers (or a test run beside one) must not collide.
  "--inspector-port",
  "0",
  "--persist-to",
  stateDir,
  "--env-file",
  envFile,
  "--show-interactive-dev-session=false",
];
const child = spawn(process.execPath, args, {
  cwd: ROOT,
  stdio: ["ignore", "pipe", "inherit"],
  env: wranglerEnv,
});

let announced = false;
child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
  process.stdout.write(chunk);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips wrangler's ANSI colour codes (ESC [ … m)
  const ready = /Ready on (http:\/\/\S+)/.exec(chunk.replace(/\x1b\[[0-9;]*m/g, ""));
  if (ready && !announced) {
    announced = true;
    console.log(
      JSON.stringify({
        level: "info",
        msg: "listening",
        url: ready[1],
        runtime: "workerd",
        stateDir,
        frozenNow: env.SCHEDULER_NOW ?? null,
      }),
    );
  }
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
