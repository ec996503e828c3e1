// The advisors' page's words (i18n.ts composes this area with the others): the page
// around the day. Signing in, the header, loading the day, live updates, and the words
// every part says (Close, Done). English and Italian, same keys.

const en = {
  title: "Advisors' day",
  signInTitle: "Sign in to the advisors' day",
  signInHelp:
    "Use your dealer's API key (advisor or admin). The key is exchanged for a session and is not kept in this page.",
  dealer: "Dealer",
  apiKey: "API key",
  signIn: "Sign in",
  signInRefused: "This key does not open the board of the dealer “{dealer}”: check the dealer and the key.",
  signOut: "Sign out",
  signedInAs: "{dealer} · {role}",
  advisor: "advisor",
  admin: "admin",
  prevDay: "Previous day",
  nextDay: "Next day",
  today: "Today",
  goToDay: "Day",
  showDay: "Show the day",
  closedDay: "The dealer is closed on this day.",
  loadFailed: "The day could not be loaded: {why} It is tried again by itself, at growing intervals.",
  retry: "Try again now",
  live: "Live",
  offline: "Live updates paused: refreshing every 10 s",
  close: "Close",
  done: "Done.",
} as const;

const it: Record<keyof typeof en, string> = {
  title: "Giornata dei consulenti",
  signInTitle: "Accedi alla giornata dei consulenti",
  signInHelp:
    "Usa la chiave API della concessionaria (consulente o amministratore). La chiave viene scambiata con una sessione e non resta in questa pagina.",
  dealer: "Concessionaria",
  apiKey: "Chiave API",
  signIn: "Accedi",
  signInRefused:
    "Questa chiave non apre la giornata della concessionaria «{dealer}»: controlla la concessionaria e la chiave.",
  signOut: "Esci",
  signedInAs: "{dealer} · {role}",
  advisor: "consulente",
  admin: "amministratore",
  prevDay: "Giorno precedente",
  nextDay: "Giorno successivo",
  today: "Oggi",
  goToDay: "Giorno",
  showDay: "Mostra il giorno",
  closedDay: "La concessionaria è chiusa in questo giorno.",
  loadFailed: "Non è stato possibile caricare la giornata: {why} La pagina riprova da sola, a intervalli crescenti.",
  retry: "Riprova ora",
  live: "In tempo reale",
  offline: "Aggiornamenti in tempo reale sospesi: aggiorno ogni 10 s",
  close: "Chiudi",
  done: "Fatto.",
};

export const PAGE = { en, it };
