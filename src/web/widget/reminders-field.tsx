import type { Contact } from "./contact.js";
import { CheckField } from "./fields.js";
import type { StepProps } from "./step-props.js";

// The reminders on the details step (contact-step.tsx): the customer's consent, and once
// given, the channel they come by. A channel goes to the API only with consent, and it
// needs its address: the step checks that before it books (contact.ts).

interface Props {
  t: StepProps["t"];
  consent: boolean;
  channel: Contact["channel"];
  onChange: (patch: Partial<Pick<Contact, "consent" | "channel">>) => void;
}

export function RemindersField({ t, consent, channel, onChange }: Props) {
  return (
    <>
      <CheckField label={t("reminders")} checked={consent} onChecked={(consent) => onChange({ consent })} />
      {consent && (
        <div class="pl-field">
          <label for="pl-channel">{t("channel")}</label>
          <select
            id="pl-channel"
            value={channel}
            onChange={(e) => onChange({ channel: (e.currentTarget as HTMLSelectElement).value as Contact["channel"] })}
          >
            <option value="email">{t("byEmail")}</option>
            <option value="sms">{t("bySms")}</option>
            <option value="phone">{t("byPhone")}</option>
          </select>
        </div>
      )}
    </>
  );
}
