/**
 * The pieces every form of the pages shares: a text area with its label and the server's message
 * under it (tied to it by aria-describedby, so a screen reader reads the message with the field), and
 * the list of the server's messages that name no field. One markup, so that the browser tests' hooks
 * (`data-field`, `data-error-for`) and the accessibility attributes are the same on every form.
 */
import type { ReactNode } from 'react';
import { periodName } from './format';

export interface TextAreaFieldProps {
  /** The element's id; the message under it is `${id}-error`. */
  id: string;
  /** The field the server names in its problem (`reason`, `comment`): the hooks carry it. */
  field: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field, if it refused it. */
  error?: string | undefined;
  /** Marks the label with an asterisk (the server still decides). */
  required?: boolean;
  /** The form control's name, when the form is read by name. */
  name?: string;
  rows?: number;
}

export function TextAreaField({ id, field, label, value, onChange, error, required, name, rows = 2 }: TextAreaFieldProps) {
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={field}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} data-error-for={field}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The server's messages that name no field of the form, announced as they appear. */
export function FormErrors({ messages }: { messages: readonly string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <div role="alert" className="form-error">
      {messages.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}

/** A labelled select of reporting periods by id, each named in Vietnamese (`periodName`). */
export function PeriodSelect({
  periods,
  value,
  onChange,
  testId,
  className,
}: {
  periods: readonly string[];
  value: string;
  onChange: (period: string) => void;
  testId: string;
  className?: string;
}) {
  return (
    <label className={className}>
      Kỳ báo cáo
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {periods.map((p) => (
          <option key={p} value={p}>
            {periodName(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
