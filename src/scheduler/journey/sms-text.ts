// Length-aware SMS text: GSM-7 texts fit 160 characters in one segment (153 per segment
// when split), anything else (UCS-2) 70 (67). We keep a text within two segments; when
// the full sentence does not fit, the subject alone goes, and the manage link is never
// cut. Pure.

/** GSM-7's basic set and extension table, as a character class. */
const GSM7_CHARS = `A-Za-z0-9 \\r\\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\\\[~\\]|€`;
const GSM7 = new RegExp(`^[${GSM7_CHARS}]*$`);

/** Every character in GSM-7 (its basic set and extension table): 160 characters a segment, not 70. */
export const isGsm7 = (text: string): boolean => GSM7.test(text);

export function segments(text: string): number {
  const gsm = isGsm7(text);
  // ^ { } \ [ ~ ] | € take two septets in GSM-7; UCS-2 counts 16-bit units, so an emoji
  // (a surrogate pair) takes two, as JavaScript's length counts it.
  const len = gsm ? [...text].reduce((n, ch) => n + ("^{}\\[~]|€".includes(ch) ? 2 : 1), 0) : text.length;
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  return len <= single ? 1 : Math.ceil(len / multi);
}

const MAX_SEGMENTS = 2;

// Characters outside GSM-7 that dealers' texts (and Italian) use all the time, each with
// its usual plain form in a text message: one of them alone made the whole message UCS-2
// (67 characters a segment instead of 153), so a dealer's own template typed with "l’auto"
// or "È" fell back to its subject. Capital grave vowels are written with an apostrophe,
// as Italian texts do ("E' pronta"); è, é, à, ì, ò, ù and É are GSM-7 already.
const PLAIN: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2026": "...",
  "\u2013": "-",
  "\u2014": "-",
  "\u00A0": " ",
  "\u202F": " ",
  "\u00AB": '"',
  "\u00BB": '"',
  À: "A'",
  È: "E'",
  Ì: "I'",
  Ò: "O'",
  Ù: "U'",
  // "1° tagliando": the ordinal signs, as Italian texts type them without the symbol.
  "\u00B0": "o",
  "\u00BA": "o",
  "\u00AA": "a",
  œ: "oe",
  Œ: "OE",
  // Letters of European names with no accent to strip (NFD leaves them whole): one of them
  // in a customer's name made the text UCS-2, and the greeting fell back to the subject.
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Þ: "Th",
  þ: "th",
  ð: "d",
  ĸ: "k",
};
const NOT_GSM = new RegExp(`[^${GSM7_CHARS}]`, "g");
const MARKS = /[\u0300-\u036f]/g;

/**
 * One character outside GSM-7 in its plain form: the table above, else the letter without
 * its accent when that is GSM-7 (ë, ê, á, ç, š in a name or a model: "Citroën" → "Citroen"),
 * else as it is (Ł, a name in another script, an emoji: the text then goes as UCS-2).
 */
function plainOf(ch: string): string {
  const mapped = PLAIN[ch];
  if (mapped !== undefined) return mapped;
  const bare = ch.normalize("NFD").replace(MARKS, "");
  // Trap: a lone combining mark strips to "", which GSM7 (a `*` pattern) accepts.
  return bare !== "" && bare !== ch && GSM7.test(bare) ? bare : ch;
}

/**
 * The text with the characters above in their GSM-7 forms; anything else stays. Composed
 * first (NFC): a name typed as "e" + U+0301 is "é", GSM-7 already, not a mark to drop.
 */
export const plainForSms = (text: string): string => text.normalize("NFC").replace(NOT_GSM, plainOf);

// Trap: the cut's mark is "..." and not "…" (U+2026): that one is not GSM-7, and it alone
// made the whole text UCS-2 (67 characters a segment), so a long dealer name's subject
// went out in four segments.
const CUT = "...";
const fits = (s: string) => segments(s) <= MAX_SEGMENTS;

/**
 * `dealer: text link`, else `dealer: subject link`, else the subject cut with "...", else
 * (a dealer's name so long, up to 120 characters, that no subject fits beside it and the
 * link) the name cut too. The link is never cut.
 */
export function smsText(dealerName: string, subjectLine: string, body: string, link: string | null): string {
  const dealer = plainForSms(dealerName);
  const subject = plainForSms(subjectLine);
  const text = plainForSms(body);
  const tail = link ? ` ${link}` : "";
  for (const said of [text, subject]) {
    const s = `${dealer}: ${said}${tail}`;
    if (fits(s)) return s;
  }
  let cut = subject;
  while (cut.length > 1 && !fits(`${dealer}: ${cut}${CUT}${tail}`)) cut = cut.slice(0, -1);
  let name = dealer;
  while (name.length > 1 && !fits(`${name}${CUT}: ${cut}${CUT}${tail}`)) name = name.slice(0, -1);
  return name === dealer ? `${dealer}: ${cut}${CUT}${tail}` : `${name}${CUT}: ${cut}${CUT}${tail}`;
}
