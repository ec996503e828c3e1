import type { Refusal } from "./api.js";

// A refusal in words: the sentence, then each broken rule.
export function RefusalView({ refusal }: { refusal: Refusal }) {
  return (
    <div role="alert" class="refusal">
      <p class="error">{refusal.sentence}</p>
      {refusal.rules.length > 0 && (
        <ul>
          {refusal.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
