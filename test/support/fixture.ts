import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

// A resource written once at the top of a file instead of a `let` plus a before/after
// pair in every file: `const t = perTest(make, close)` builds a fresh one before each
// test and closes it after; `perFile` builds one before the file's (or the enclosing
// describe's) first test and closes it after its last. Vitest runs after-hooks in
// reverse, so a resource declared later, which may use an earlier one, is closed first.
//
// The handle forwards every read to the current resource, so test bodies and the file's
// own helpers keep writing `t.api(...)`. Reading it outside a test (at collection time)
// fails loudly rather than reaching a stale resource.

export function perTest<T extends object>(make: () => T | Promise<T>, close: (it: T) => unknown): T {
  return scoped(beforeEach, afterEach, make, close);
}

export function perFile<T extends object>(make: () => T | Promise<T>, close: (it: T) => unknown): T {
  return scoped(beforeAll, afterAll, make, close);
}

function scoped<T extends object>(
  before: (f: () => Promise<void>) => void,
  after: (f: () => Promise<void>) => void,
  make: () => T | Promise<T>,
  close: (it: T) => unknown,
): T {
  let cur: T | undefined;
  before(async () => {
    cur = await make();
  });
  after(async () => {
    const it = cur;
    cur = undefined;
    if (it !== undefined) await close(it);
  });
  const current = (key: PropertyKey) => {
    if (cur === undefined) throw new Error(`fixture read outside its tests (.${String(key)})`);
    return cur;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const it = current(key);
      const v = Reflect.get(it, key, it);
      // Bound to the resource itself: a method reading `this` sees the real object.
      return typeof v === "function" ? v.bind(it) : v;
    },
    set: (_, key, value) => Reflect.set(current(key), key, value),
    has: (_, key) => key in current(key),
  });
}
