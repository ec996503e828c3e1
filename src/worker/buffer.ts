import { MAX_BODY_BYTES } from "../api/middleware/body-limit.js";

// Every request's body is read at the edge, whole, before anything answers it. Why, as
// seen under local workerd (wrangler dev) and kept because it is right anywhere:
// - A Durable Object often answers without reading the body (401 before validation, 404,
//   413 by Content-Length); the runtime then fails the still-streaming upload ("Can't
//   read from request stream after response has been sent") and the caller gets a 503
//   instead of a clean refusal (test/acceptance: the staff-endpoint 401s).
// - An upload left unread or cancelled broke the NEXT request on the same connection
//   (503); draining it did not (test/worker/edge.test.ts, the 413 cases).
// The app accepts 32 KB, so buffering costs nothing worth keeping. A longer body is
// drained and replaced by a stand-in one byte over the limit, so the app itself answers
// its usual 413 (src/api/middleware/body-limit.ts decides, not this file); the platform
// caps how much a client can upload at all.

export async function buffered(request: Request): Promise<Request> {
  if (!request.body) return request;
  const declared = request.headers.get("content-length");
  let bytes =
    declared !== null && Number(declared) > MAX_BODY_BYTES ? null : await readAtMost(request.body, MAX_BODY_BYTES);
  if (bytes === null) {
    await drain(request.body);
    bytes = new Uint8Array(MAX_BODY_BYTES + 1);
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length"); // recomputed from the buffered body
  headers.delete("transfer-encoding");
  return new Request(request.url, { method: request.method, headers, body: bytes, redirect: "manual" });
}

/** The stream's bytes, or null once more than `limit` arrived (the rest left unread). */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<void> {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}
