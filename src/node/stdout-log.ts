import type { LogFn } from "../api/deps.js";

// The Node server's log sink: still one JSON line per call, but the lines of one event-loop
// turn leave in ONE stdout write. Under load a turn serves many requests, and console.log
// per access-log line cost a write(2) each plus console's formatting and colour checks
// (~10 % of the server's CPU per availability search, see bench/JOURNAL.md).
//
// What is NOT deferred:
//  - error and fatal lines flush at once, with everything queued before them, so the
//    lines just before a crash are on disk;
//  - process exit (process.exit, end of the loop) flushes in the 'exit' handler: stdout
//    writes to files and pipes are synchronous on Linux, so nothing is lost on a clean or
//    fatal exit. Only SIGKILL can lose the current turn's lines (a few ms of access log).
// Order: an access-log line now reaches stdout just AFTER its response is written (the
// flush runs in setImmediate), not just before. Tests and tools that read stdout must not
// expect the line before the response arrives (they read after the server stops).

export interface StdoutLog {
  log: LogFn;
  /** Writes whatever is queued now (synchronously for files and pipes on Linux). */
  flush(): void;
}

/**
 * worker: this process is that cluster worker, and other processes write the same stdout.
 * Each line then names the worker (an operator reading one request's line, or a test,
 * knows which process answered: connections move between them, node/handoff.ts). A pipe
 * keeps a write whole only up to PIPE_BUF (4096 bytes), so a turn's lines then leave in
 * writes of whole lines of at most that size: two workers' lines never splice into each other.
 */
export function stdoutLog(out: NodeJS.WriteStream = process.stdout, worker?: number): StdoutLog {
  const shared = worker !== undefined;
  const tag = shared ? `,"worker":${worker}}\n` : "}\n";
  let pending = "";
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const text = pending;
    pending = "";
    try {
      if (shared && text.length > PIPE_BUF / 4) for (const part of wholeLines(text)) out.write(part);
      else out.write(text);
    } catch {
      // Like console.log: a log reader that went away (EPIPE) must not take the server down.
    }
  };
  // Asynchronous write errors (EPIPE on a pipe) arrive as 'error' events; console.log
  // swallows them too. Without a listener they would crash the process.
  out.on("error", () => {});
  process.on("exit", flush);

  const log: LogFn = (line) => {
    const text = JSON.stringify(line);
    // Lines that name their worker already ("worker listening") keep theirs.
    pending += shared && !("worker" in line) && text.endsWith("}") ? text.slice(0, -1) + tag : text + "\n";
    const level = (line as { level?: unknown }).level;
    if (level === "error" || level === "fatal") flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { log, flush };
}

const PIPE_BUF = 4096;

/** The text as buffers of whole lines, each at most PIPE_BUF bytes (unless one line is longer). */
function wholeLines(text: string): Buffer[] {
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  let start = 0;
  while (bytes.length - start > PIPE_BUF) {
    const cut = bytes.lastIndexOf(10, start + PIPE_BUF - 1);
    const end = cut >= start ? cut + 1 : bytes.indexOf(10, start) + 1 || bytes.length;
    parts.push(bytes.subarray(start, end));
    start = end;
  }
  if (start < bytes.length) parts.push(bytes.subarray(start));
  return parts;
}
