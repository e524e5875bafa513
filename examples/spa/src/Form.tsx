import type { FormEvent, InputHTMLAttributes, ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  /** Also the input's data-testid. */
  name: string;
  value: string;
  onChange: (value: string) => void;
}

export function Field({ label, name, value, onChange, required = true, ...rest }: FieldProps) {
  return (
    <label>
      {label}
      <input
        {...rest}
        name={name}
        data-testid={name}
        value={value}
        required={required}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

export function ErrorMessage({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error" data-testid="error">
      {error}
    </p>
  ) : null;
}

interface FormProps {
  /** The form's data-testid; its button is `<testId>-submit`. */
  testId: string;
  title: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  onSubmit: () => void;
  children: ReactNode;
}

/** A form whose button is disabled while its request is pending, with the failure shown above the button. */
export function Form({ testId, title, submitLabel, pendingLabel, pending, error, onSubmit, children }: FormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <form data-testid={testId} onSubmit={submit} aria-busy={pending}>
      <h2>{title}</h2>
      {children}
      <ErrorMessage error={error} />
      <button type="submit" data-testid={`${testId}-submit`} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
