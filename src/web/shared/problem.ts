// The API's errors as the pages see them: application/problem+json (RFC 9457) with a
// stable `code`. Pages turn a code into a sentence in the reader's language; they never
// show the code itself.

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  // biome-ignore lint/suspicious/noExplicitAny: extension members differ per code
  [extension: string]: any;
}

export function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && typeof (body as Problem).code === "string";
}
