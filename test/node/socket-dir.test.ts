import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { privateSocketDir, releaseSocketDir } from "../../src/node/socket-dir.js";
import { listenForVerbs } from "../../src/node/verb-socket.js";
import { listenForWrites, verbSocketPath, writerSocketPath } from "../../src/node/writer.js";

// Whoever can connect to the writer's sockets acts as any caller (the verb call carries
// the caller's role), so they live in a directory of this user's alone (node/socket-dir.ts),
// and the sockets themselves are 0600 whatever the umask.

const DB = "/srv/pitlane/data/scheduler.db";
let parent: string;
let savedTmp: string | undefined;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), "pitlane-sockdir-"));
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = parent; // os.tmpdir() reads it on every call
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(parent, { recursive: true, force: true });
});

const uid = process.getuid!();
const expected = () => privateSocketDir(DB); // creates it

describe("the writer's socket directory", () => {
  it("is made mode 0700 for this user, one per database file, and found again on the next start", () => {
    const dir = expected();
    const st = statSync(dir);
    expect(st.isDirectory()).toBe(true);
    expect(st.uid).toBe(uid);
    expect(st.mode & 0o777).toBe(0o700);
    expect(privateSocketDir(DB)).toBe(dir);
    expect(privateSocketDir("/srv/other/scheduler.db")).not.toBe(dir);
    expect(writerSocketPath(DB)).toBe(join(dir, "writer.sock"));
    expect(verbSocketPath(writerSocketPath(DB))).toBe(join(dir, "verbs.sock"));
  });

  it("is refused when it is open to others (a umask or another hand made it so)", () => {
    const dir = expected();
    chmodSync(dir, 0o770);
    expect(() => privateSocketDir(DB)).toThrow(/refusing to put the writer's sockets in .*mode 0700.*TMPDIR/);
  });

  it("is checked by every process that uses it: a worker refuses to connect into a directory open to others", () => {
    chmodSync(expected(), 0o770);
    expect(() => writerSocketPath(DB)).toThrow(/refusing/);
  });

  it.each([
    ["refused under a parent others may write to that is not sticky", 0o777, true],
    ["accepted under a sticky parent such as /tmp", 0o1777, false],
    ["accepted under a parent of ours alone", 0o700, false],
  ])("is %s", (_what, mode, refused) => {
    chmodSync(parent, mode);
    if (refused) expect(() => privateSocketDir(DB)).toThrow(/not sticky; set TMPDIR/);
    else expect(privateSocketDir(DB)).toContain(parent);
  });

  it("is refused when its name is a symlink, even to a directory of ours", () => {
    const dir = expected();
    rmSync(dir, { recursive: true });
    const elsewhere = join(parent, "elsewhere");
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, dir);
    expect(() => privateSocketDir(DB)).toThrow(/refusing/);
  });

  it("goes when the writer stops, unless a killed writer's socket is still in it", () => {
    const dir = expected();
    writeFileSync(join(dir, "writer.sock"), "");
    releaseSocketDir(dir);
    expect(existsSync(dir)).toBe(true); // the next start replaces that socket
    rmSync(join(dir, "writer.sock"));
    releaseSocketDir(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it.skipIf(uid !== 0)("is refused when another user made it first", () => {
    const dir = expected();
    chownSync(dir, 4242, 4242);
    expect(() => privateSocketDir(DB)).toThrow(/must be a directory of user 0/);
  });
});

describe("the writer's sockets", () => {
  it.each([
    ["writes (HTTP)", (path: string) => listenForWrites(path, () => new Response("ok"))],
    ["verb calls", (path: string) => listenForVerbs(path, async () => ({}))],
  ])("for %s are this user's only (0600), whatever the umask", async (_what, listen) => {
    const dir = expected();
    const old = process.umask(0o002);
    try {
      const path = join(dir, "s.sock");
      const server = await listen(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      server.close();
    } finally {
      process.umask(old);
    }
  });
});
