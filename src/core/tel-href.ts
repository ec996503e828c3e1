// The tel: link of a number as a dealer writes it (DealerConfig.phone): digits and a leading
// "+" only ("00" written for "+" counts as "+"). Trap: the "(0)" many countries write after
// their calling code ("+44 (0)20 7946 0000") is the trunk prefix, dialled only from inside
// the country; kept, the link would dial +44 0 20 …, a wrong number. But Italy, San Marino
// and the Vatican have no trunk prefix: their leading 0 is part of the number, dialled from
// abroad too ("+39 (0)6 …" is +39 06 …). Pure, no dependencies: the pages import it.

const TRUNK = /\(\s*0\s*\)/g;
const ZERO_KEPT = /^\+(?:39|378|379)/;
const dialled = (s: string) => s.replace(/[^\d+]/g, "");

export function telHref(phone: string): string {
  const written = phone.trim().replace(/^00/, "+");
  const drop = written[0] === "+" && !ZERO_KEPT.test(dialled(written));
  return `tel:${dialled(drop ? written.replace(TRUNK, "") : written)}`;
}
