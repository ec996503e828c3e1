import { SMTPServer } from "smtp-server";
import { smtpTransport } from "../../src/node/mailer.js";
import { parseMime, type MimePart } from "./mime.js";

// A real SMTP server on 127.0.0.1 (the smtp-server package): records every message it
// accepts, can be taken down and brought back on the same port (SMTP down → retried),
// and can hold a message's final "250" until the test says so (a crash between send
// and record).

export interface Received {
  raw: string;
  mail: MimePart;
  messageId: string;
  to: string[];
}

export async function startSmtp() {
  const received: Received[] = [];
  let hold: ((release: () => void) => void) | null = null;
  let busy = 0;
  let server: SMTPServer | null = null;
  let port = 0;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onMailFrom(_address, _session, callback) {
        if (busy === 0) return callback();
        busy--;
        // What a server at its rate limit answers: 421, "try again later".
        callback(Object.assign(new Error("4.7.0 Too many messages, try again later"), { responseCode: 421 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const mail = parseMime(raw);
          received.push({
            raw,
            mail,
            messageId: mail.headers["message-id"] ?? "",
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          const release = () => callback();
          if (hold) hold(release);
          else release();
        });
      },
    });
    await new Promise<void>((ok, fail) => {
      server!.once("error", fail);
      server!.listen(port, "127.0.0.1", () => ok());
    });
    port = (server!.server.address() as { port: number }).port;
  };
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    /** Connections are refused until up() (same port). */
    async down() {
      await new Promise<void>((ok) => server!.close(() => ok()));
    },
    up: listen,
    /** The next n messages are refused at MAIL FROM with 421 (busy, try later). */
    busyNext(n: number) {
      busy = n;
    },
    /** Calls `f` with each accepted message's release instead of answering 250 at once. */
    holdReplies(f: ((release: () => void) => void) | null) {
      hold = f;
    },
    close() {
      return new Promise<void>((ok) => server!.close(() => ok()));
    },
  };
}
export type SmtpSink = Awaited<ReturnType<typeof startSmtp>>;

/** The app's messaging settings for sending through `smtp` (journeyPerTest's deps). */
export const mailVia = (smtp: SmtpSink) => ({
  messaging: { mail: smtpTransport(smtp.url, "noreply@pitlane.test"), publicUrl: "https://pitlane.test" },
});
