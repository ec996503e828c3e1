import { useEffect, useRef, useState } from "preact/hooks";
import { board } from "./api.js";
import { isSignedOut } from "./refusal.js";
import { DayPage } from "./day-page.js";
import { t } from "./i18n.js";
import { SignIn } from "./sign-in.js";
import type { Session } from "./types.js";

// Signed in (a live session cookie) → the day; otherwise the sign-in form. Any 401 later
// (expired, revoked, signed out elsewhere) comes back here.
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    document.title = `Pitlane · ${t("title")}`;
    board.session().then(
      (s) => setSession(s ?? null),
      () => setSession(null),
    );
  }, []);
  // Signing in or out replaces the whole page, and the focused control with it: focus
  // goes to the new page's heading instead of <body> (not on first load: the page's own).
  const before = useRef<Session | null | undefined>(undefined);
  useEffect(() => {
    if (before.current !== undefined) document.querySelector<HTMLElement>("h1")?.focus();
    before.current = session;
  }, [session]);
  if (session === undefined) return <p class="loading">Pitlane…</p>;
  if (session === null) return <SignIn onSignedIn={setSession} />;
  const signOut = async () => {
    await board.signOut().catch(() => undefined);
    setSession(null);
  };
  const lost = (err: unknown) => {
    if (isSignedOut(err)) setSession(null);
  };
  return <DayPage session={session} onSignOut={signOut} onSessionLost={lost} />;
}
