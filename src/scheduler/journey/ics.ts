// iCalendar (RFC 5545) for the customer's appointment. Pure: events in, text out.
// CRLF line endings, content lines folded at 75 octets (UTF-8, never inside a
// character), TEXT values escaped, instants in UTC "Z" form.

export interface IcsEvent {
  uid: string;
  sequence: number;
  /** Epoch ms. */
  start: number;
  end: number;
  summary: string;
  /** Absent where the customer does not go to the dealer (a car brought back to them). */
  location?: string;
  description: string;
  status: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
}

const encoder = new TextEncoder();

/** 20261124T091500Z */
export function icsUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Splits a content line into ≤75-octet lines; continuation lines start with one space. */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = "";
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + n > limit) {
      out.push(cur);
      cur = "";
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

/** An invitation by email (iTIP, RFC 5546): REQUEST or CANCEL, with organizer and attendee. */
export interface Invitation {
  method: "REQUEST" | "CANCEL";
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

const person = (p: { name: string; email: string }) => `CN="${p.name.replace(/["\r\n]/g, "")}":mailto:${p.email}`;

export function buildCalendar(events: IcsEvent[], dtstamp: number, name: string, invite?: Invitation): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Pitlane//Service appointments//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${invite?.method ?? "PUBLISH"}`,
    `X-WR-CALNAME:${icsText(name)}`,
  ];
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${icsUtc(dtstamp)}`,
      `DTSTART:${icsUtc(e.start)}`,
      `DTEND:${icsUtc(e.end)}`,
      `SUMMARY:${icsText(e.summary)}`,
      ...(e.location === undefined ? [] : [`LOCATION:${icsText(e.location)}`]),
      `DESCRIPTION:${icsText(e.description)}`,
      `STATUS:${e.status}`,
      ...(invite
        ? [`ORGANIZER;${person(invite.organizer)}`, `ATTENDEE;ROLE=REQ-PARTICIPANT;${person(invite.attendee)}`]
        : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
