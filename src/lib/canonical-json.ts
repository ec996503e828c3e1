// Deterministic JSON: object keys sorted at every depth, no whitespace. Two requests
// that differ only in key order or formatting must hash the same for idempotency, while
// any change of value must not. Array order is meaningful and kept.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === "object") {
    // toJSON first (Date etc.), as JSON.stringify would.
    const v = value as { toJSON?: () => unknown };
    if (typeof v.toJSON === "function") return sortDeep(v.toJSON());
    // Null prototype: a "__proto__" key from JSON.parse is data and must stay an own key
    // (on a plain {} the assignment would set the prototype and drop it from the hash).
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortDeep(item);
    }
    return out;
  }
  return value;
}
