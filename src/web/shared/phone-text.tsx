import { telHref } from "../../core/tel-href.js";

// A sentence that names the dealer's number ("Please call the workshop on +39 06 1234
// 5678.", problem-sentence.ts withPhone), with the number as a tel: link: on a phone, one
// tap calls the desk. Any other sentence is plain text, as before.

export function PhoneText({ text, phone }: { text: string; phone?: string }) {
  const [before, ...after] = phone ? text.split(phone) : [text];
  return after.length === 0 ? (
    <>{text}</>
  ) : (
    <>
      {before}
      <a href={telHref(phone!)}>{phone}</a>
      {after.join(phone)}
    </>
  );
}
