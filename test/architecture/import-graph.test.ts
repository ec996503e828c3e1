import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The import graph of src/, read with the TypeScript compiler API (every import, export
// … from, import() and import("…") type, type-only ones included: a type loop is still a
// loop for the reader), checked for two things:
//
// 1. No cycles, between any two files.
// 2. Nothing upward. The layers, lowest first:
//
//      lib < core < db < scheduler < api < routes < app < node | worker
//
//    lib/        generic helpers without domain words (digest, sealing, canonical JSON, the
//                log line type): anything may use them, they use nothing of src/.
//    core/       the pure scheduling model.
//    db/         the connection, schema, transactions and the generic repositories.
//    scheduler/  the verbs (and their repositories); journey/ is the messaging part of it.
//    api/        the HTTP layer's shared pieces: deps, auth, errors, middleware, OpenAPI.
//    routes/     one route per file.
//    app.ts      createApp: wires routes to deps.
//    node.ts, node/ and worker.ts, worker/: the two runtime shells, which never import
//                each other.
//    web/        the browser bundles: a world of their own, built for the browser. They
//                import web/ and, for the rules' constants (statuses, cap codes), the
//                pure core/; nothing on the server imports them (they reach the server
//                over HTTP and are served as built assets).
//
// A file may import from its own layer and any layer below it.

const ROOT = resolve(__dirname, "../../src");

const RANK: Record<string, number> = {
  lib: 0,
  core: 1,
  db: 2,
  scheduler: 3,
  api: 4,
  routes: 5,
  app: 6,
  node: 7,
  worker: 7,
};

/** The layer of a file under src/: its top folder, or its name for the top-level files (app.ts, node.ts, worker.ts). */
function layerOf(file: string): string {
  const top = relative(ROOT, file).split(sep)[0];
  return top.replace(/\.tsx?$/, "");
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Every module specifier the file names, with its line for the failure message. */
function specifiers(file: string): Array<{ spec: string; line: number }> {
  const sf = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Array<{ spec: string; line: number }> = [];
  const add = (node: ts.Node, lit: ts.Expression | undefined) => {
    if (lit && ts.isStringLiteralLike(lit))
      out.push({ spec: lit.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) add(n, n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference))
      add(n, n.moduleReference.expression);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) add(n, n.arguments[0]);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n, n.argument.literal);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

interface Edge {
  from: string;
  to: string;
  line: number;
}

/** Relative imports resolved to files (the `.js` of ESM specifiers is the `.ts`/`.tsx` here). */
function readGraph(): { files: string[]; edges: Edge[]; unresolved: string[] } {
  const files = sourceFiles(ROOT);
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const { spec, line } of specifiers(from)) {
      if (!spec.startsWith(".")) continue; // packages, node: and cloudflare: modules
      // Non-code assets (the migrations' SQL and journal, the built web bundles) are bundled
      // by the Worker build, not part of this graph; dist/ may not even exist yet.
      if (/\.(?!(js|ts|tsx)$)[a-z]+$/.test(spec)) continue;
      const base = resolve(dirname(from), spec);
      const stem = base.replace(/\.js$/, "");
      const to = [`${stem}.ts`, `${stem}.tsx`, join(base, "index.ts"), base].find(
        (c) => existsSync(c) && statSync(c).isFile(),
      );
      if (!to) unresolved.push(`${relative(ROOT, from)}:${line} ${spec}`);
      else if (to.startsWith(ROOT + sep)) edges.push({ from, to, line });
    }
  }
  return { files, edges, unresolved };
}

/** Strongly connected components with more than one file (Tarjan), each as one concrete loop. */
function cycles(files: string[], edges: Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)!.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc = new Set<string>();
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.add(w);
    } while (w !== v);
    if (scc.size > 1 || next.get(v)!.includes(v)) found.push(loopThrough(v, scc, next));
  };
  for (const f of files) if (!index.has(f)) connect(f);
  return found;
}

/** One loop from `start` back to itself inside its component (breadth-first: the shortest). */
function loopThrough(start: string, scc: Set<string>, next: Map<string, string[]>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of next.get(v)!) {
      if (!scc.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0])!);
        return [...path, start].map((f) => relative(ROOT, f));
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...scc].map((f) => relative(ROOT, f));
}

/** Why an import from one layer to another is not allowed, or null when it is. */
function refusal(from: string, to: string): string | null {
  if (from === to) return null;
  if (from === "web" && to === "core") return null;
  if (from === "web" || to === "web") return "web/ imports only web/ and core/, and nothing imports web/";
  const a = RANK[from];
  const b = RANK[to];
  if (a === undefined || b === undefined)
    return `unknown layer (add "${a === undefined ? from : to}" to RANK and the README's Layout)`;
  if (a === b) return "node and worker are two runtimes: neither imports the other";
  if (b > a) return `upward: ${from} (${a}) < ${to} (${b})`;
  return null;
}

describe("the import graph of src/", () => {
  const graph = readGraph();

  it("is read from the whole tree", () => {
    // A guard against a reader that silently finds nothing (a changed layout, a new syntax).
    expect(graph.files.length).toBeGreaterThan(200);
    expect(graph.edges.length).toBeGreaterThan(1000);
  });

  it("resolves every relative import to a file", () => {
    expect(graph.unresolved).toEqual([]);
  });

  it("has no cycles (type-only imports included)", () => {
    expect(cycles(graph.files, graph.edges).map((loop) => loop.join(" → "))).toEqual([]);
  });

  it("imports only downward: lib < core < db < scheduler < api < routes < app < node | worker", () => {
    const bad: string[] = [];
    for (const e of graph.edges) {
      const why = refusal(layerOf(e.from), layerOf(e.to));
      if (why) bad.push(`${relative(ROOT, e.from)}:${e.line} → ${relative(ROOT, e.to)} (${why})`);
    }
    expect(bad).toEqual([]);
  });

  it("knows every top-level folder and file of src/", () => {
    const tops = new Set(graph.files.map(layerOf));
    tops.delete("web");
    expect([...tops].filter((t) => RANK[t] === undefined)).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    // The checker itself, on a made-up graph: a two-file type loop and an upward import.
    const a = join(ROOT, "core", "a.ts");
    const b = join(ROOT, "core", "b.ts");
    expect(
      cycles(
        [a, b],
        [
          { from: a, to: b, line: 1 },
          { from: b, to: a, line: 1 },
        ],
      ),
    ).toEqual([["core/a.ts", "core/b.ts", "core/a.ts"]]);
    expect(refusal("scheduler", "api")).toMatch(/upward/);
    expect(refusal("core", "lib")).toBeNull();
    expect(refusal("worker", "node")).toMatch(/two runtimes/);
    expect(refusal("routes", "web")).toMatch(/web/);
    expect(refusal("web", "api")).toMatch(/web/);
    expect(refusal("web", "core")).toBeNull();
  });
});
