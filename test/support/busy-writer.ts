import { listenForWrites } from "../../src/node/writer.js";

// A writer process for test/node/writer-keep-alive.test.ts: the real Unix-socket server of
// node/writer.ts around a stand-in app. POST /busy holds the process's loop for the given
// milliseconds, as a long synchronous write does (a commit's fsync on a loaded disk); every
// other request answers at once with its own path. Run with `node --import tsx`.

const [path, busyMs] = [process.argv[2], Number(process.argv[3])];
await listenForWrites(path, async (req: Request) => {
  const { pathname } = new URL(req.url);
  if (pathname === "/busy") {
    const until = Date.now() + busyMs;
    while (Date.now() < until) {} // deliberately synchronous: nothing else runs meanwhile
  }
  return new Response(pathname, { status: 200 });
});
process.send?.("listening");
