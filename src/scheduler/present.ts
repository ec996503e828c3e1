import type { Dealer } from "../core/dealer.js";
import { encodeOptionId } from "../core/option-id.js";
import { type AdvisorSlot, MOBILITY, type Mobility, type Option } from "../core/types.js";
import type { AppointmentRow } from "../db/repos/appointments.js";
import type { AppointmentView, OptionView, SlotView, Status, Vehicle } from "./contracts.js";
import { formatInstant as instant } from "./instants.js";
import { appointmentTitle, parseFile } from "./journey/title.js";

// Integers → the contract's JSON. Instants carry the dealer's UTC offset of that moment.

export function slotView(dealer: Dealer, s: AdvisorSlot): SlotView {
  return {
    start: instant(dealer, s.start),
    end: instant(dealer, s.start + s.minutes),
    advisorId: dealer.advisors[s.advisor].id,
    minutes: s.minutes,
  };
}

export function optionView(dealer: Dealer, o: Option): OptionView {
  const r = o.reception;
  return {
    optionId: encodeOptionId(dealer, {
      reception: r,
      ret: o.ret,
      express: o.express,
      overridesCaps: o.overridesCaps,
      pinned: o.mobilityPinned ? o.mobility : undefined,
    }),
    start: instant(dealer, r.start),
    end: instant(dealer, r.start + r.minutes),
    advisorId: dealer.advisors[r.advisor].id,
    advisorName: dealer.advisors[r.advisor].name,
    receptionMinutes: r.minutes,
    readyAt: instant(dealer, o.readyAt),
    return: o.ret ? slotView(dealer, o.ret) : null,
    quiet: o.quiet,
    express: o.express,
    overridesCaps: o.overridesCaps === true,
    mobility: o.mobility,
  };
}

// optionView's JSON text, remembered per compiled Dealer (as instants.ts remembers
// instants; a configuration change compiles a new Dealer, so no text outlives the advisor
// names or zone rules it used). Searches between two bookings offer the same options
// again and again, and presenting and stringifying them each time was a tenth of a
// search's CPU. The key is everything optionView reads of the option, as two numbers
// (a string key cost as much to build and hash as it saved): the reception, then the
// rest relative to its start.
// ~420 bytes a text: at most ~2 MB per dealer in memory, then start over. Between two
// bookings a dealer's searches offer a few hundred distinct options.
const MAX_OPTION_TEXTS = 4_000;
interface OptionTexts {
  size: number;
  byReception: Map<number, Map<number, string>>;
}
const optionTexts = new WeakMap<Dealer, OptionTexts>();
const MOBILITY_INDEX = Object.fromEntries(MOBILITY.map((m, i) => [m, i])) as Record<Mobility, number>;

export function optionJson(dealer: Dealer, o: Option): string {
  const r = o.reception;
  const t = o.ret;
  const ready = o.readyAt - r.start;
  const back = t ? t.start - r.start + 1 : 0; // 0: no return (a return starts after the reception)
  // Each field within its bits, so both keys are exact in a double (< 2^53); an option
  // outside them (none the rules allow today) is simply not remembered.
  const fits =
    r.advisor < 256 &&
    r.minutes < 256 &&
    ready >= 0 &&
    ready < 2 ** 17 &&
    back < 2 ** 17 &&
    (!t || (back > 0 && t.advisor < 256 && t.minutes < 256));
  if (!fits) return JSON.stringify(optionView(dealer, o));
  // start < 2^26 epoch minutes (until 2097) · advisor · minutes · return advisor: 50 bits.
  const outer = ((r.start * 256 + r.advisor) * 256 + r.minutes) * 256 + (t ? t.advisor : 0);
  // readyAt and return start after the reception's start · return minutes · 3 flags · pinned · mobility: 49 bits.
  const flags = (o.quiet ? 4 : 0) + (o.express ? 2 : 0) + (o.overridesCaps === true ? 1 : 0);
  const m = MOBILITY_INDEX[o.mobility] + (o.mobilityPinned ? 8 : 0);
  const inner = (((ready * 2 ** 17 + back) * 256 + (t ? t.minutes : 0)) * 8 + flags) * 16 + m;

  let memo = optionTexts.get(dealer);
  if (!memo || memo.size >= MAX_OPTION_TEXTS) optionTexts.set(dealer, (memo = { size: 0, byReception: new Map() }));
  let texts = memo.byReception.get(outer);
  if (!texts) memo.byReception.set(outer, (texts = new Map()));
  let text = texts.get(inner);
  if (text === undefined) {
    text = JSON.stringify(optionView(dealer, o));
    texts.set(inner, text);
    memo.size++;
  }
  return text;
}

const BRING = ["registration certificate", "maintenance booklet", "driving licence", "locking wheel-nut key"];

export function appointmentView(dealer: Dealer, row: AppointmentRow, manageToken?: string): AppointmentView {
  const vehicle = JSON.parse(row.vehicleJson) as Vehicle;
  const interventions = JSON.parse(row.interventionsJson) as string[];
  const advisorName = (id: string) => dealer.config.advisors.find((a) => a.id === id)?.name ?? id;
  const fmt = (em: number) => dealer.format(em);
  const start = fmt(row.receptionStart);
  const reason = interventions.map((c) => dealer.config.interventions[c]?.label ?? c).join(", ");
  const file = parseFile(row.fileJson);
  const view: AppointmentView = {
    id: row.id,
    dealerId: row.dealerId,
    status: row.status as Status,
    version: row.version,
    reception: {
      start,
      end: fmt(row.receptionStart + row.receptionMinutes),
      advisorId: row.advisorId,
      minutes: row.receptionMinutes,
    },
    return:
      row.returnStart !== null && row.returnMinutes !== null && row.returnAdvisorId !== null
        ? {
            start: fmt(row.returnStart),
            end: fmt(row.returnStart + row.returnMinutes),
            advisorId: row.returnAdvisorId,
            minutes: row.returnMinutes,
          }
        : null,
    readyAt: fmt(row.readyAt),
    express: row.express,
    forced: row.forced,
    mobility: row.mobility as AppointmentView["mobility"],
    interventions,
    vehicle,
    channel: row.channel,
    request: row.requestText,
    recap: {
      date: start.slice(0, 10),
      time: start.slice(11, 16),
      reason,
      greeter: advisorName(row.advisorId),
      parking: dealer.config.parking,
      address: dealer.config.address,
      bring: vehicle.electrified ? [...BRING, "charging cable"] : BRING,
      mobility: row.mobility as AppointmentView["mobility"],
    },
    title: appointmentTitle(reason, vehicle, file),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (file) view.file = file;
  if (row.priority !== null) view.priority = row.priority;
  // No links built from the token here: idempotency records store this body, and only
  // the manageToken field is sealed there (seal.ts). Clients know /v1/manage/{token}/calendar.ics.
  if (manageToken) view.manageToken = manageToken;
  return view;
}
