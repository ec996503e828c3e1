import { useRef, useState } from "preact/hooks";

// The text of a live region that is heard again when the same sentence comes twice (a
// second "Not moved", a second "no answer"): the region is emptied first and the sentence
// set on the next frame, so it changes each time. A later sentence (or an emptying) wins
// over one still waiting for its frame.

export function useSaidAgain(): [string, (sentence: string) => void] {
  const [text, setText] = useState("");
  const latest = useRef(0);
  const say = (sentence: string) => {
    const n = ++latest.current;
    setText("");
    if (sentence) requestAnimationFrame(() => n === latest.current && setText(sentence));
  };
  return [text, say];
}
