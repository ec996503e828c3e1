import { useEffect, useRef, useState } from "preact/hooks";

// Keeps the day fresh: a Server-Sent Events stream (GET /v1/dealers/{d}/events) calls
// `reload` after every change anyone commits; while the stream is down (a proxy that
// buffers, the network) the page polls every 10 s instead and says so.

const POLL_MS = 10_000;

export function useLive(url: string, reload: () => void): boolean {
  const [live, setLive] = useState(false);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    // Bursts (a plan moving ten appointments) become one reload.
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reloadRef.current(), 120);
    };
    const source = new EventSource(url);
    source.addEventListener("ready", () => {
      setLive(true);
      if (poll !== undefined) {
        clearInterval(poll);
        poll = undefined;
        soon(); // what changed while we were polling
      }
    });
    source.addEventListener("change", soon);
    source.onerror = () => {
      setLive(false);
      poll ??= setInterval(() => reloadRef.current(), POLL_MS);
    };
    return () => {
      source.close();
      clearTimeout(timer);
      clearInterval(poll);
    };
  }, [url]);
  return live;
}
