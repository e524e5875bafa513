import { Field } from '../Form';

/** The 6-digit code from the authenticator app. */
export function OtpField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Field
      label="Authenticator code"
      name="otp"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      value={value}
      onChange={onChange}
    />
  );
}
