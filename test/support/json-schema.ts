// A small JSON Schema (2020-12, as OpenAPI 3.1 uses it) validator for the subset our
// generated document uses: $ref, type (with "null"), properties, required,
// additionalProperties, items, prefixItems, enum, const, anyOf, oneOf, allOf, pattern,
// min/maxLength, minimum/maximum, min/maxItems. Formats are annotations only (as in
// 2020-12 by default). Returns the paths that fail, empty when valid.

type Schema = Record<string, any> | boolean;

export function validate(doc: any, schema: Schema, value: unknown, path = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value allowed`];
  const s = schema as Record<string, any>;
  if (s.$ref) return validate(doc, resolve(doc, s.$ref), value, path);
  const errs: string[] = [];
  if (s.type !== undefined) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => isType(t, value)))
      return [`${path}: expected ${types.join("|")}, got ${value === null ? "null" : typeof value}`];
  }
  if (s.enum && !s.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value)))
    errs.push(`${path}: not one of ${JSON.stringify(s.enum)}`);
  if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(value))
    errs.push(`${path}: not ${JSON.stringify(s.const)}`);
  if (s.allOf) for (const sub of s.allOf) errs.push(...validate(doc, sub, value, path));
  if (s.anyOf && !s.anyOf.some((sub: Schema) => validate(doc, sub, value, path).length === 0))
    errs.push(`${path}: matches none of anyOf`);
  if (s.oneOf && s.oneOf.filter((sub: Schema) => validate(doc, sub, value, path).length === 0).length !== 1)
    errs.push(`${path}: matches not exactly one of oneOf`);
  if (typeof value === "string") {
    if (s.pattern && !new RegExp(s.pattern, "u").test(value)) errs.push(`${path}: does not match ${s.pattern}`);
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) errs.push(`${path}: shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && length > s.maxLength) errs.push(`${path}: longer than ${s.maxLength}`);
  }
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) errs.push(`${path}: below ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errs.push(`${path}: above ${s.maximum}`);
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum)
      errs.push(`${path}: not above ${s.exclusiveMinimum}`);
    if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum)
      errs.push(`${path}: not below ${s.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errs.push(`${path}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) errs.push(`${path}: more than ${s.maxItems} items`);
    const prefix: Schema[] = s.prefixItems ?? [];
    value.forEach((item, i) => {
      const sub = i < prefix.length ? prefix[i] : s.items;
      if (sub !== undefined) errs.push(...validate(doc, sub, item, `${path}[${i}]`));
    });
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in o)) errs.push(`${path}.${key}: required`);
    const props: Record<string, Schema> = s.properties ?? {};
    for (const [key, v] of Object.entries(o)) {
      if (key in props) errs.push(...validate(doc, props[key], v, `${path}.${key}`));
      else if (s.additionalProperties !== undefined)
        errs.push(...validate(doc, s.additionalProperties, v, `${path}.${key}`));
    }
  }
  return errs;
}

function isType(t: string, v: unknown): boolean {
  switch (t) {
    case "null":
      return v === null;
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "array":
      return Array.isArray(v);
    case "object":
      return v !== null && typeof v === "object" && !Array.isArray(v);
    default:
      return typeof v === t;
  }
}

function resolve(doc: any, ref: string): Schema {
  if (!ref.startsWith("#/")) throw new Error(`external $ref ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .reduce((node, part) => node[part.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
}
