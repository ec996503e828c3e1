// The tel: link of a number as a dealer writes it (DealerConfig.phone): digits and a leading
// "+" only. Trap: the "(0)" many countries write after their calling code ("+44 (0)20 7946
// 0000", "+39 (0)6 …") is the trunk prefix dialled only from inside the country; kept, the
// link would dial +44 0 20 …, a wrong number. Pure, no dependencies: the pages import it.

export const telHref = (phone: string): string =>
  `tel:${(phone.trim()[0] === "+" ? phone.replace(/\(\s*0\s*\)/g, "") : phone).replace(/[^\d+]/g, "")}`;
