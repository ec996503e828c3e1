import nodemailer from "nodemailer";
import { MailError, type MailTransport } from "../scheduler/journey/transports.js";

// The SMTP transport for the outbox (nodemailer: Node only, so it lives here and is
// injected through AppDeps.messaging). SMTP_URL is smtp://host:port or
// smtps://user:pass@host:465. One pooled-less transport: each message opens its own
// connection, so a server that was down is simply tried again on the next attempt.

export function smtpTransport(url: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(url);
  return {
    from,
    async send(m) {
      try {
        await transport.sendMail({
          from: m.from,
          replyTo: m.replyTo,
          to: { name: m.to.name, address: m.to.address },
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: m.messageId,
          headers: m.headers,
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        });
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; message?: string };
        // 5xx: the server refused this message for good (bad address, policy); 421: it
        // takes no mail now (a rate limit, a restart), so the message waits without using
        // an attempt; anything else (connection refused, timeout, 4xx) is worth another try.
        const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
        throw new MailError(
          e.responseCode ? `${e.responseCode} ${e.code ?? ""}`.trim() : (e.code ?? "connection failed"),
          permanent,
          e.responseCode === 421,
        );
      }
    },
  };
}
