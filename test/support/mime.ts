// A small MIME reader for the tests (RFC 2045/2046): headers, multipart bodies and the
// base64 / quoted-printable transfer encodings, enough to check what nodemailer sent
// without trusting nodemailer to read it back.

export interface MimePart {
  headers: Record<string, string>;
  /** The decoded body of a leaf part (utf-8). */
  body: string;
  parts: MimePart[];
}

function splitHead(raw: string): [string, string] {
  const i = raw.search(/\r?\n\r?\n/);
  if (i < 0) return [raw, ""];
  const sep = raw.slice(i).match(/^\r?\n\r?\n/)![0];
  return [raw.slice(0, i), raw.slice(i + sep.length)];
}

function headersOf(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const c = line.indexOf(":");
    if (c > 0) out[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return out;
}

const param = (value: string, name: string) => value.match(new RegExp(`${name}="?([^";]+)"?`, "i"))?.[1];

function decode(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "7bit").toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

export function parseMime(raw: string): MimePart {
  const [head, body] = splitHead(raw);
  const headers = headersOf(head);
  const type = headers["content-type"] ?? "text/plain";
  const boundary = type.toLowerCase().startsWith("multipart/") ? param(type, "boundary") : undefined;
  if (!boundary) return { headers, body: decode(body, headers["content-transfer-encoding"]), parts: [] };
  const chunks = body.split(`--${boundary}`).slice(1);
  const parts = chunks.filter((c) => !c.startsWith("--")).map((c) => parseMime(c.replace(/^\r?\n/, "")));
  return { headers, body: "", parts };
}

/** Every leaf part, depth first. */
export function leaves(p: MimePart): MimePart[] {
  return p.parts.length ? p.parts.flatMap(leaves) : [p];
}

/**
 * A header's text with its RFC 2047 encoded words decoded ("=?UTF-8?Q?mercoled=C3=AC?=",
 * "=?UTF-8?B?…?="): how a mail client shows a subject that is not plain ASCII.
 */
export function headerText(value: string | undefined): string {
  return (value ?? "")
    .replace(/\?=\s+=\?/g, "?==?") // whitespace between two encoded words is not text
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decode(data.replace(/_/g, " "), "quoted-printable"),
    );
}
