import { isProblem, type Problem } from "./problem.js";

// One way for the pages to call the API: JSON in and out, never credentials (the widget
// runs on dealer sites: CORS for their listed origins only), and every failure, network
// included, comes back as a Problem the page turns into a sentence (problem-sentence.ts).

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; problem: Problem };

export async function apiCall<T>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      signal,
    });
  } catch {
    // Offline, or (on a dealer site not in widgetOrigins) refused by CORS: the browser
    // does not tell the two apart. Aborted (`signal`) too: the asker no longer wants it.
    return { ok: false, problem: { status: 0, code: "network" } };
  }
  // A body cut short (the line dropped, or `signal` aborted once the headers were in) is a
  // network failure too: never a success without its data.
  let text: string;
  try {
    text = await res.text();
  } catch {
    return { ok: false, problem: { status: 0, code: "network" } };
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  if (isProblem(json)) return { ok: false, problem: { ...json, status: res.status } };
  return { ok: false, problem: { status: res.status, code: res.status === 404 ? "not_found" : "unknown" } };
}

/** A dealer's resources, `dealerPath(id)/holds` and so on. */
export const dealerPath = (dealerId: string) => `/v1/dealers/${encodeURIComponent(dealerId)}`;

/** A fresh Idempotency-Key: a retried click books once. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
