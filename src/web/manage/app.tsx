import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { LiveRegion, useAnnouncer } from "../shared/announcer.js";
import { apiCall, dealerPath } from "../shared/api.js";
import { zoneNote } from "../shared/dates.js";
import { pickLang, translator } from "../shared/i18n.js";
import type { Problem } from "../shared/problem.js";
import { problemSentence } from "../shared/problem-sentence.js";
import { Recap } from "../shared/recap.js";
import type { Appointment, DealerInfo } from "../shared/types.js";
import { isUpcoming } from "../../core/status.js";
import { calendarLink } from "./calendar-link.js";
import { CancelAsk } from "./cancel-ask.js";
import { ChangeTime } from "./change-time.js";
import { STRINGS } from "./strings.js";
import { PhoneText } from "../shared/phone-text.js";

// The customer's own appointment: see it, download the .ics (where that makes sense:
// calendar-link.ts), move it through the day list (change-time.tsx: the appointment's own
// availability, what its move accepts), or cancel it after a confirmation (cancel-ask.tsx).
// Focus goes to the heading of whatever appears; results are announced.

type Mode = "view" | "change" | "cancel";

export function ManageApp({ api, token, lang: asked }: { api: string; token: string; lang: string | null }) {
  const [appt, setAppt] = useState<Appointment | null>(null);
  const [dealer, setDealer] = useState<DealerInfo | null>(null);
  const [fatal, setFatal] = useState<Problem | null>(null);
  const [mode, setMode] = useState<Mode>("view");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [message, announce] = useAnnouncer();
  const lang = pickLang(asked, dealer?.locale);
  const t = useMemo(() => translator(STRINGS, lang), [lang]);
  const heading = useRef<HTMLHeadingElement>(null);
  const sub = useRef<HTMLHeadingElement>(null);
  // "Keep it" goes back to the button that opened the question (WAI-ARIA: focus returns to
  // the invoking control), not to the top of the page, where a keyboard user starts over.
  const changeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Mode | null>(null);
  const path = `/v1/manage/${encodeURIComponent(token)}`;

  useEffect(() => {
    void apiCall<Appointment>(api, "GET", path).then(async (r) => {
      if (!r.ok) return setFatal(r.problem);
      const d = await apiCall<DealerInfo>(api, "GET", dealerPath(r.data.dealerId));
      if (!d.ok) return setFatal(d.problem);
      setDealer(d.data);
      setAppt(r.data);
    });
  }, []);
  useEffect(() => {
    if (mode !== "view") return sub.current?.focus();
    const opener = returnTo.current === "change" ? changeButton : returnTo.current === "cancel" ? cancelButton : null;
    returnTo.current = null;
    opener?.current?.focus();
  }, [mode]);
  useEffect(() => {
    if (lang) document.documentElement.lang = lang;
  }, [lang]);

  if (fatal) {
    return (
      <p class="pl-error" role="alert">
        {fatal.code === "not_found" ? t("notFound") : problemSentence(fatal, lang)}
      </p>
    );
  }
  if (!appt || !dealer) return <p aria-busy="true">{t("loading")}</p>;

  const done = (a: Appointment, said: string) => {
    setAppt(a);
    setMode("view");
    setError(null);
    setNotice(a.status === "cancelled" ? null : said);
    announce(said);
    heading.current?.focus();
  };
  const back = () => {
    returnTo.current = mode;
    setMode("view");
  };
  const zone = zoneNote(dealer.timeZone, lang);
  const active = isUpcoming(appt.status);
  const ics = calendarLink(appt);

  return (
    <div class="pl-root pl-box" lang={lang}>
      <LiveRegion message={message} />
      <h1 ref={heading} tabIndex={-1}>
        {t("title", { dealer: dealer.name })}
      </h1>
      {zone && <p class="pl-note">{t("zone", { zone })}</p>}
      {appt.status === "cancelled" && <p class="pl-note">{t("cancelled")}</p>}
      {notice && <p class="pl-note">{notice}</p>}
      <Recap a={appt} lang={lang} withStatus phone={dealer.phone} dealerLang={dealer.locale} />
      {mode === "view" && (ics || active) && (
        <div class="pl-actions">
          {ics && (
            <a class="pl-button" href={`${api}${path}/calendar.ics`} download="appointment.ics">
              {t(ics)}
            </a>
          )}
          {active && (
            <button
              type="button"
              class="pl-secondary"
              ref={changeButton}
              onClick={() => (setError(null), setMode("change"))}
            >
              {t("change")}
            </button>
          )}
          {active && (
            <button
              type="button"
              class="pl-secondary"
              ref={cancelButton}
              onClick={() => (setError(null), setMode("cancel"))}
            >
              {t("cancel")}
            </button>
          )}
        </div>
      )}
      {error && (
        <p class="pl-error" role="alert">
          <PhoneText text={error} phone={dealer.phone} />
        </p>
      )}
      {mode === "cancel" && (
        <CancelAsk
          api={api}
          path={path}
          when={appt.reception.start}
          phone={dealer.phone}
          lang={lang}
          t={t}
          heading={sub}
          setError={setError}
          onCancelled={(a) => done(a, t("cancelled"))}
          onKeep={back}
        />
      )}
      {mode === "change" && (
        <ChangeTime
          api={api}
          path={path}
          current={appt.reception.start}
          phone={dealer.phone}
          lang={lang}
          t={t}
          announce={announce}
          heading={sub}
          onMoved={done}
          onKeep={back}
        />
      )}
    </div>
  );
}
