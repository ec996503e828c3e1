// A form's buttons, one markup on both customer pages: the submit first, then the way
// back (a secondary button that does not submit). `busy` disables the submit while its
// call runs: aria-disabled, and its click (a mouse's, or the one Enter in a field makes)
// submits nothing, so a double click or a second Enter sends one request. The way back
// waits too: going back while the widget's booking runs would release the hold the
// booking names. Not the `disabled` attribute: the browser would drop a keyboard user's
// focus to <body>.
export function FormActions({
  submit,
  back,
  onBack,
  busy,
}: {
  submit: string;
  back?: string;
  onBack?: () => void;
  busy?: boolean;
}) {
  return (
    <div class="pl-actions">
      <button
        type="submit"
        aria-disabled={busy ? "true" : undefined}
        onClick={(e) => {
          if (busy) e.preventDefault();
        }}
      >
        {submit}
      </button>
      {back && onBack && (
        <button
          type="button"
          class="pl-secondary"
          aria-disabled={busy ? "true" : undefined}
          onClick={() => {
            if (!busy) onBack();
          }}
        >
          {back}
        </button>
      )}
    </div>
  );
}
