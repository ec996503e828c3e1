import { useRef, useState } from "preact/hooks";
import { board } from "./api.js";
import { isSignedOut, refusalOf } from "./refusal.js";
import { Field } from "./fields.js";
import { t } from "./i18n.js";
import type { Session } from "./types.js";

// The key is read from the field, sent once, and the field is cleared: it is never put
// in localStorage, sessionStorage, a cookie the page can read, or the URL. A 401 here is
// the server's one answer for a wrong key, another dealer's key and an unknown dealer
// ("This key does not open this dealer's board"): said so, naming the dealer typed, not
// as the staff routes' "You are not signed in, or the key is not valid".
export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [dealerId, setDealerId] = useState(new URLSearchParams(location.search).get("dealer") ?? "");
  const [key, setKey] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const running = useRef(false); // a second Enter lands before the render that says busy
  const submit = async (e: Event) => {
    e.preventDefault();
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError("");
    try {
      const s = await board.signIn(dealerId.trim(), key);
      setKey("");
      onSignedIn(s);
    } catch (err) {
      setKey("");
      const dealer = dealerId.trim();
      setError(isSignedOut(err) ? t("signInRefused", { dealer }) : refusalOf(err).sentence);
      // Back to the key to type it again (the alert reads the sentence). The button stays
      // enabled meanwhile (aria-disabled): a disabled button drops the focus to <body>.
      form.current?.querySelector<HTMLInputElement>('input[name="key"]')?.focus();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return (
    <main class="signin-wrap">
      <form class="signin" ref={form} onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title" tabIndex={-1}>
          {t("signInTitle")}
        </h1>
        <p class="muted">{t("signInHelp")}</p>
        <Field
          label={t("dealer")}
          name="dealer"
          autoComplete="organization"
          required
          value={dealerId}
          onValue={setDealerId}
        />
        <Field
          label={t("apiKey")}
          name="key"
          type="password"
          autoComplete="off"
          required
          value={key}
          onValue={setKey}
        />
        <p role="alert" class="error">
          {error}
        </p>
        <button class="primary" type="submit" aria-disabled={busy}>
          {t("signIn")}
        </button>
      </form>
    </main>
  );
}
