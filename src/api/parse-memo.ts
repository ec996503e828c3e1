import type { z } from "@hono/zod-openapi";

// Remembered JSON bodies: for a route whose body schema is marked here, a body TEXT seen
// before is not parsed again (JSON.parse, then zod): its validated value is reused.
//
// Why: the availability search is asked the same few questions again and again (a
// campaign's link, the widget's first search per job), and once its answer is remembered
// (scheduler/answer-memo.ts) parsing the body is the largest piece of the route's own
// work left.
//
// Safe only because: the schema is deterministic (no refinement reads the clock or the
// request), only successes are remembered (a bad body is parsed and answered every time),
// the route has no hook of its own (the app's hook does nothing on success), and the
// value is deep-frozen before it is shared between requests: a handler that wrote to it
// would throw (strict mode) rather than change another request's input. Mark a schema
// only when the route's code never writes to its body.
// Trap: the mark is on the schema OBJECT, not the route: any other route that takes the
// same schema as its body is remembered too (derive a new schema, e.g. .omit/.extend,
// for a route that must not be).

type Schema = z.ZodType;

const marked = new WeakSet<Schema>();

/** Marks a body schema whose validated values may be shared between requests (see above). */
export function rememberParses<S extends Schema>(schema: S): S {
  marked.add(schema);
  return schema;
}

export const parsesRemembered = (schema: Schema): boolean => marked.has(schema);

/** Bodies are at most 32 KB (body-limit.ts): 2 M characters of keys, then start over. */
const MAX_CHARS = 2_000_000;

export class ParseMemo {
  private values = new Map<string, unknown>();
  private chars = 0;

  get(text: string): unknown {
    return this.values.get(text);
  }

  remember(text: string, value: unknown): unknown {
    if (this.chars + text.length > MAX_CHARS) {
      this.values = new Map();
      this.chars = 0;
    }
    const frozen = deepFreeze(value);
    this.values.set(text, frozen);
    this.chars += text.length;
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
