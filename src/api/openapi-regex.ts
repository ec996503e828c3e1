// zod-to-openapi writes a regex that has flags as "source/flags" (e.g. the core's Id is
// /^[a-z0-9]...$/i and comes out as "^[a-z0-9]...$/i"), a JSON Schema pattern that matches
// nothing. JSON Schema patterns have no flags, so we rewrite such patterns into a
// flag-free equivalent: "i" becomes explicit letter cases, other flags are dropped.

const FLAGGED = /^(.*)\/([dgimsuvy]+)$/s;

export function fixFlaggedPatterns<T>(doc: T): T {
  walk(doc);
  return doc;
}

function walk(node: unknown): void {
  if (Array.isArray(node)) node.forEach(walk);
  else if (node && typeof node === "object") {
    const obj = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (k === "pattern" && typeof v === "string") obj[k] = unflag(v);
      else walk(v);
    }
  }
}

export function unflag(pattern: string): string {
  const m = FLAGGED.exec(pattern);
  if (!m) return pattern;
  return m[2].includes("i") ? caseFold(m[1]) : m[1];
}

/** Makes letters match both cases: x -> [xX] outside classes, a-z -> a-zA-Z inside. */
function caseFold(src: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") {
      out += ch + (src[++i] ?? "");
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      const range = /^([a-zA-Z])-([a-zA-Z])/.exec(src.slice(i));
      if (range) {
        out += range[0] + swapCase(range[1]) + "-" + swapCase(range[2]);
        i += 2;
      } else out += /[a-zA-Z]/.test(ch) ? ch + swapCase(ch) : ch;
      continue;
    }
    if (ch === "[") inClass = true;
    // A letter right after "{" cannot occur in a valid quantifier, so no special case.
    out += /[a-zA-Z]/.test(ch) ? `[${ch}${swapCase(ch)}]` : ch;
  }
  return out;
}

const swapCase = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
