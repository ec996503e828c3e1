import { afterEach, beforeEach } from "vitest";

// One resource per test, written once at the top of a file instead of a `let` plus a
// beforeEach/afterEach pair in every file: `const t = perTest(make, close)` builds a
// fresh one before each test and closes it after (vitest runs after-hooks in reverse,
// so a resource declared later, which may use an earlier one, is closed first).
//
// The handle forwards every read to the current test's resource, so test bodies and
// the file's own helpers keep writing `t.api(...)`. Reading it outside a test (at
// collection time) fails loudly rather than reaching the previous test's resource.

export function perTest<T extends object>(make: () => T | Promise<T>, close: (it: T) => unknown): T {
  let cur: T | undefined;
  beforeEach(async () => {
    cur = await make();
  });
  afterEach(async () => {
    const it = cur;
    cur = undefined;
    if (it !== undefined) await close(it);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (cur === undefined) throw new Error(`per-test resource read outside a test (.${String(key)})`);
      const v = Reflect.get(cur, key, cur);
      // Bound to the resource itself: a method reading `this` sees the real object.
      return typeof v === "function" ? v.bind(cur) : v;
    },
    set(_, key, value) {
      if (cur === undefined) throw new Error(`per-test resource written outside a test (.${String(key)})`);
      return Reflect.set(cur, key, value, cur);
    },
    has: (_, key) => cur !== undefined && key in cur,
  });
}
