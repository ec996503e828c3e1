// A form's buttons, one markup on both customer pages: the submit first, then the way
// back (a secondary button that does not submit). `busy` disables the submit while its
// call runs.
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
      <button type="submit" disabled={busy}>
        {submit}
      </button>
      {back && onBack && (
        <button type="button" class="pl-secondary" onClick={onBack}>
          {back}
        </button>
      )}
    </div>
  );
}
