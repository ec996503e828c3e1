// Length-aware SMS text: GSM-7 texts fit 160 characters in one segment (153 per segment
// when split), anything else (UCS-2) 70 (67). We keep a text within two segments; when
// the full sentence does not fit, the subject alone goes, and the manage link is never
// cut. Pure.

const GSM7 = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/;

export function segments(text: string): number {
  const gsm = GSM7.test(text);
  // ^ { } \ [ ~ ] | € take two septets in GSM-7.
  const len = gsm ? [...text].reduce((n, ch) => n + ("^{}\\[~]|€".includes(ch) ? 2 : 1), 0) : [...text].length;
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  return len <= single ? 1 : Math.ceil(len / multi);
}

const MAX_SEGMENTS = 2;

/** `dealer: text link`, else `dealer: subject link`, else the subject cut with "…". */
export function smsText(dealer: string, subject: string, text: string, link: string | null): string {
  const tail = link ? ` ${link}` : "";
  for (const body of [text, subject]) {
    const s = `${dealer}: ${body}${tail}`;
    if (segments(s) <= MAX_SEGMENTS) return s;
  }
  let cut = subject;
  while (cut.length > 1 && segments(`${dealer}: ${cut}…${tail}`) > MAX_SEGMENTS) cut = cut.slice(0, -1);
  return `${dealer}: ${cut}…${tail}`;
}
