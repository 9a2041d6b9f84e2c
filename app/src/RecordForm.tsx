/**
 * A form built from an input type of the schema: each field with its Vietnamese label, catalogues as
 * selects with the Vietnamese term of each value, units as a select of the caller's units, and the
 * server's message under the field it names (the error contract's `extensions.problems[].field` or
 * `extensions.field`, e.g. `input.topic`). Nothing is checked here that the server does not check: the
 * server's message is the one shown.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { FormErrors, TextAreaField } from './Fields';
import { catalogue, formFields, type FormField } from './schema';
import { UnitPicker, type UnitOption } from './UnitPicker';

export type Values = Record<string, string | boolean | string[]>;
export type { UnitOption };

const LONG_TEXT = /note|summary|findings|body|results|shortcomings|proposals|answer|actions|followUp|help|comment/i;
const isUnitField = (f: FormField) => f.type === 'ID' && !f.list && (f.name === 'unitId' || /UnitId$/.test(f.name) || f.name === 'communeId');
const today = () => new Date().toISOString().slice(0, 10);

/** The value a form starts with for a field: the record's own, or today for a required date, or the first unit. */
function initial(f: FormField, record: Record<string, unknown> | undefined, units: UnitOption[]): string | boolean | string[] {
  const v = record?.[f.name];
  if (record) {
    if (f.name === 'unitId' && record.unit) return (record.unit as { id: string }).id;
    if (Array.isArray(v)) return v.map(String);
    if (typeof v === 'boolean') return v;
    return v === null || v === undefined ? '' : String(v);
  }
  if (f.list) return [];
  if (f.type === 'Boolean') return f.required ? false : '';
  if (f.type === 'Date' && f.required) return today();
  if (isUnitField(f) && f.required) return units[0]?.id ?? '';
  return '';
}

/** The GraphQL value of what was typed; undefined leaves the field out (optional and empty). */
function toValue(f: FormField, v: string | boolean | string[]): unknown {
  if (Array.isArray(v)) return v;
  if (typeof v === 'boolean') return v;
  if (v === '') return f.required && (f.type === 'String' || f.type === 'ID') ? '' : undefined;
  if (f.list)
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (f.type === 'Int') return Number(v);
  if (f.type === 'Boolean') return v === 'true';
  return v;
}

export interface FormProps {
  token: string;
  inputType: string;
  /** The argument holding the input (`input`, `changes`): the server names problems under it. */
  argument: string;
  /** A correction: the record's current values; only what changed is sent, with a reason. */
  record?: Record<string, unknown>;
  reasonRequired?: boolean;
  units: UnitOption[];
  submitLabel: string;
  /** Sends the values; returns the server's problems by field path and those naming no field. */
  onSubmit: (input: Record<string, unknown>, reason: string | null) => Promise<{ fields: Record<string, string>; general: string[] } | null>;
  onCancel?: () => void;
  testId?: string;
}

export function RecordForm(props: FormProps) {
  const { token, inputType, argument, record, units } = props;
  const id = useId();
  const [fields, setFields] = useState<FormField[] | null>(null);
  const [options, setOptions] = useState<Record<string, { value: string; label: string }[]>>({});
  const [values, setValues] = useState<Values>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    formFields(token, inputType).then(
      async (fs) => {
        const enums = await Promise.all(fs.filter((f) => f.isEnum).map(async (f) => [f.type, await catalogue(token, f.type)] as const));
        if (!live) return;
        setOptions(Object.fromEntries(enums));
        setFields(fs);
        setValues(Object.fromEntries(fs.map((f) => [f.name, initial(f, record, units)])));
      },
      (e: Error) => live && setLoadError(e.message),
    );
    return () => {
      live = false;
    };
  }, [token, inputType, record, units]);

  if (loadError) return <p role="alert">{loadError}</p>;
  if (!fields) return <p>Đang tải biểu mẫu…</p>;

  const start = Object.fromEntries(fields.map((f) => [f.name, initial(f, record, units)]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, unknown> = {};
    // A required field left empty cannot be sent: GraphQL would refuse the whole input in its own terms
    // (the field's path and type). It is named here, by its label, under the field; the server still
    // checks everything else once it is filled.
    const missing: Record<string, string> = {};
    for (const f of fields) {
      const v = values[f.name]!;
      if (record && JSON.stringify(v) === JSON.stringify(start[f.name])) continue;
      const value = toValue(f, v);
      if (value !== undefined) input[f.name] = value;
      else if (f.required) missing[`${argument}.${f.name}`] = `${f.label} không được để trống.`;
      else if (record) input[f.name] = null;
    }
    if (Object.keys(missing).length) {
      setErrors(missing);
      setGeneral([]);
      return;
    }
    setBusy(true);
    const result = await props.onSubmit(input, props.reasonRequired || record ? reason : null);
    setBusy(false);
    setErrors(result?.fields ?? {});
    setGeneral(result?.general ?? []);
  };
  const errorOf = (name: string) => errors[`${argument}.${name}`] ?? Object.entries(errors).find(([k]) => k.startsWith(`${argument}.${name}[`))?.[1];
  const shown = new Set([...fields.map((f) => `${argument}.${f.name}`), 'reason']);
  const unplaced = Object.entries(errors)
    .filter(([k]) => !shown.has(k) && !fields.some((f) => k.startsWith(`${argument}.${f.name}[`)))
    .map(([, m]) => m);

  const set = (name: string, v: string | boolean | string[]) => setValues((s) => ({ ...s, [name]: v }));
  const described = (name: string) => (errorOf(name) ? `${id}-${name}-error` : undefined);
  // The map a unit is searched on: the record's own day (a unit as it was on that day).
  const dateField = fields.find((f) => f.type === 'Date' && !f.list);
  const day = dateField ? (values[dateField.name] as string | undefined) : undefined;

  return (
    <form className="record-form" onSubmit={submit} noValidate data-testid={props.testId} aria-busy={busy}>
      {fields.map((f) => {
        const error = errorOf(f.name);
        const v = values[f.name];
        const common = {
          id: `${id}-${f.name}`,
          name: f.name,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': described(f.name),
          'aria-required': f.required || undefined,
        };
        let control;
        if (f.isEnum && f.list) {
          const chosen = (v as string[]) ?? [];
          control = (
            <fieldset className="choices" aria-describedby={described(f.name)} data-field={f.name}>
              <legend>
                {f.label}
                {f.required && <span aria-hidden="true"> *</span>}
              </legend>
              {(options[f.type] ?? []).map((o) => (
                <label key={o.value} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(o.value)}
                    onChange={(e) => set(f.name, e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
                  />
                  {o.label}
                </label>
              ))}
            </fieldset>
          );
        } else if (f.isEnum) {
          control = (
            <select {...common} value={v as string} onChange={(e) => set(f.name, e.target.value)}>
              <option value="">— Chọn —</option>
              {(options[f.type] ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          );
        } else if (f.type === 'Boolean') {
          control = (
            <select {...common} value={String(v)} onChange={(e) => set(f.name, e.target.value === '' ? '' : e.target.value === 'true')}>
              {!f.required && <option value="">— Không ghi —</option>}
              <option value="true">Có</option>
              <option value="false">Không</option>
            </select>
          );
        } else if (isUnitField(f) && units.length > 0) {
          const { id: controlId, name, ...aria } = common;
          control = (
            <UnitPicker
              token={token}
              id={controlId}
              name={name}
              value={v as string}
              onChange={(u) => set(f.name, u)}
              units={units}
              empty={f.required ? undefined : '— Không ghi —'}
              on={day}
              aria={aria}
            />
          );
        } else if (f.type === 'String' && LONG_TEXT.test(f.name)) {
          control = <textarea {...common} rows={3} value={v as string} onChange={(e) => set(f.name, e.target.value)} />;
        } else {
          const type = f.type === 'Int' && !f.list ? 'number' : f.type === 'Date' && !f.list ? 'date' : 'text';
          control = (
            <input
              {...common}
              type={type}
              inputMode={type === 'number' ? 'numeric' : undefined}
              value={Array.isArray(v) ? v.join(', ') : (v as string)}
              onChange={(e) => set(f.name, e.target.value)}
            />
          );
        }
        const isFieldset = f.isEnum && f.list;
        return (
          <div className={`field${error ? ' invalid' : ''}`} key={f.name} data-field={f.name}>
            {isFieldset ? (
              control
            ) : (
              <label htmlFor={`${id}-${f.name}`}>
                {f.label}
                {f.required && !record && <span aria-hidden="true"> *</span>}
              </label>
            )}
            {!isFieldset && control}
            {f.list && !f.isEnum && <span className="muted">Nhiều giá trị cách nhau bằng dấu phẩy.</span>}
            {error && (
              <p className="field-error" id={`${id}-${f.name}-error`} data-error-for={f.name}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      {(record || props.reasonRequired !== undefined) && (
        <TextAreaField
          id={`${id}-reason`}
          field="reason"
          name="reason"
          label={record ? 'Lý do đính chính' : 'Lý do ghi nhận (bắt buộc khi kỳ đã có báo cáo được duyệt)'}
          required={!!record}
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
      )}
      <FormErrors messages={[...general, ...unplaced]} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Hủy bỏ
          </button>
        )}
      </div>
    </form>
  );
}
