import { WEEKDAYS } from "./dealer-config/hours.js";
import type { Dealer } from "./dealer.js";
import { skillLabel } from "./intervention-labels.js";
import type { RuleCode, RuleSubject } from "./types.js";
import { returnReachDays } from "./return-slot.js";

// The rules in Italian, with the same facts as the English of rule-messages.ts (which rule,
// which advisor at what time, the limit): the advisors' Italian page used to say only "too
// many receptions in the same hour for this advisor", and an English sentence for the
// rules it had no words for. A time reads "il 2026-11-24 alle 09:45", as the messages do.

const at = (dealer: Dealer, m: number) => {
  const s = dealer.format(m);
  return `${s.slice(0, 10)} alle ${s.slice(11, 16)}`;
};
const hoursIt = (minutes: number) => (minutes / 60).toFixed(1).replace(".", ",");
const BUFFER = "limite di carico dell'accettazione";

export function describeViolationIt(dealer: Dealer, code: RuleCode, x: RuleSubject, readyAt: number | null): string {
  const rules = dealer.config.receptionRules;
  const when = dealer.format(x.start);
  const hm = when.slice(11, 16);
  const date = when.slice(0, 10);
  const who = dealer.advisors[x.advisor]?.name ?? "il consulente";
  const day = dealer.day(dealer.dayOf(x.start));
  switch (code) {
    case "invalid_length":
      return `un'accettazione dura 15 o 30 minuti, non ${x.minutes}`;
    case "invalid_return_length":
      return `una riconsegna dura da 10 a 15 minuti, non ${x.minutes}`;
    case "in_the_past":
      return x.now === undefined
        ? `il ${at(dealer, x.start)} è già passato`
        : `il ${at(dealer, x.start)} è prima del primo orario prenotabile, il ${at(dealer, x.now + (x.notice ?? rules.minNoticeMinutes))}`;
    case "beyond_horizon":
      return readyAt === null
        ? `si prenota al massimo ${rules.maxHorizonDays} giorni prima`
        : `la riconsegna è al massimo ${returnReachDays(dealer.config)} giorni dopo che l'auto è pronta (il ${at(dealer, readyAt)})`;
    case "off_grid":
      return readyAt === null
        ? `le accettazioni iniziano ai quarti d'ora, non alle ${hm}`
        : `le riconsegne iniziano ogni 5 minuti, non alle ${hm}`;
    case "closed":
      return `la concessionaria è chiusa il ${date}`;
    case "outside_opening_hours": {
      const hours = dealer.config.openingHours[WEEKDAYS[day.weekday]].map(([a, b]) => `${a}-${b}`).join(", ");
      return `le ${hm} per ${x.minutes} minuti sono fuori dall'orario di apertura del ${date} (${hours || "chiuso"})`;
    }
    case "unknown_advisor":
      return "questo consulente non esiste in questa concessionaria";
    case "advisor_off_duty":
      return `${who} non lavora alle ${hm} del ${date}`;
    case "advisor_absent":
      return `${who} è assente alle ${hm} del ${date}`;
    case "advisor_busy":
      return `${who} ha già un appuntamento alle ${hm} del ${date}`;
    case "hourly_cap":
      return `troppe accettazioni nella stessa ora: ${who} ne avrebbe più di ${rules.maxPerHour} (${BUFFER})`;
    case "two_hour_cap":
      return `troppi minuti di accettazione in due ore: ${who} ne avrebbe più di ${rules.maxMinutesPer2h} (${BUFFER})`;
    case "workshop_full": {
      const need = (x.job?.labour ?? [])
        .map((l) => `${hoursIt(l.minutes)} h di ${skillLabel(dealer.skills[l.skill], "it")}`)
        .join(" e ");
      return `l'officina non ha posto per ${need || "questo lavoro"} dal ${date}`;
    }
    case "express_reserve":
      return `quest'orario è riservato ai veicoli prioritari fino al ${at(dealer, day.releaseAt)}`;
    case "mobility_not_offered":
      return "questa concessionaria non offre quella soluzione di mobilità";
    case "mobility_unavailable":
      return "la soluzione di mobilità scelta è al completo per questa permanenza";
    case "return_before_ready":
      return `l'auto è pronta ${readyAt === null ? "più tardi" : `il ${at(dealer, readyAt)}`}: la riconsegna non può iniziare prima`;
  }
}
