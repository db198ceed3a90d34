import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldErrors } from "./field-errors";
import { FieldShell, INPUT, SelectOptions } from "./field-shell";

export { FieldErrors };

type InputType = "text" | "email" | "password" | "tel" | "number" | "url" | "date" | "datetime-local";

export function Field({
  meta,
  label,
  type = "text",
  hint,
  inputProps,
}: {
  meta: FieldMetadata<string | number | undefined>;
  label: ReactNode;
  type?: InputType;
  hint?: ReactNode;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const props = getInputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <input {...props} {...inputProps} className={INPUT} key={props.key} />
    </FieldShell>
  );
}

export function SelectField({
  meta,
  label,
  options,
  placeholder,
  hint,
}: {
  meta: FieldMetadata<string | number | undefined>;
  label: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
}) {
  const props = getSelectProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <select {...props} key={props.key} className={INPUT}>
        <SelectOptions options={options} placeholder={placeholder} />
      </select>
    </FieldShell>
  );
}

export { FormErrors } from "./form-errors";

export function TextareaField({
  meta,
  label,
  hint,
  rows = 5,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
}) {
  const props = getTextareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <FieldShell meta={meta} label={label} hint={hint}>
      <textarea {...props} key={props.key} rows={rows} className={INPUT} />
    </FieldShell>
  );
}

/** A group of checkboxes for a list field, in a fieldset whose legend names it. */
export function CheckboxGroup({
  meta,
  legend,
  options,
  hint,
  columns = 2,
}: {
  meta: FieldMetadata<string[] | undefined>;
  legend: ReactNode;
  options: { value: string; label: string }[];
  hint?: ReactNode;
  columns?: 1 | 2 | 3;
}) {
  const items = getCollectionProps(meta, { type: "checkbox", options: options.map((o) => o.value) });
  const labels = new Map(options.map((o) => [o.value, o.label]));
  const grid = columns === 3 ? "sm:grid-cols-2 lg:grid-cols-3" : columns === 2 ? "sm:grid-cols-2" : "";
  return (
    <fieldset aria-describedby={meta.errors ? meta.errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="mb-2 text-sm text-slate-600">{hint}</p> : null}
      <div className={`grid gap-1 ${grid}`}>
        {items.map((props) => (
          <label
            key={props.key}
            htmlFor={props.id}
            className="flex min-h-11 items-center gap-2 rounded px-2 hover:bg-slate-50"
          >
            <input {...props} key={props.key} className="h-5 w-5 shrink-0" />
            <span className="text-sm">{labels.get(props.value)}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

/** One choice among a few, as radio buttons in a fieldset whose legend names it (e.g. a 1–5 mark). */
export function RadioGroup({
  meta,
  legend,
  options,
}: {
  meta: FieldMetadata<string | number | undefined>;
  legend: ReactNode;
  options: { value: string; label: string }[];
}) {
  const items = getCollectionProps(meta, { type: "radio", options: options.map((o) => o.value) });
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <fieldset aria-describedby={meta.errors ? meta.errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-3">
        {items.map((props) => (
          <label key={props.key} htmlFor={props.id} className="flex min-h-11 items-center gap-1">
            <input {...props} key={props.key} className="h-5 w-5" />
            {labels.get(props.value)}
          </label>
        ))}
      </div>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

/** A single checkbox whose label says what ticking it means (e.g. "I confirm …"). */
export function CheckboxField({
  meta,
  label,
}: {
  meta: FieldMetadata<string | boolean | undefined>;
  label: ReactNode;
}) {
  const props = getInputProps(meta, { type: "checkbox" });
  return (
    <div>
      <label className="flex items-start gap-2 text-sm" htmlFor={meta.id}>
        <input {...props} key={props.key} className="mt-1 h-5 w-5 shrink-0" />
        {label}
      </label>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A file input: what was chosen cannot be kept after a refused submission, so the hint says what fits. */
export function FileField({
  meta,
  label,
  hint,
  accept,
  multiple,
}: {
  meta: FieldMetadata<unknown>;
  label: ReactNode;
  hint?: ReactNode;
  accept?: string;
  multiple?: boolean;
}) {
  const describedBy = [hint ? `${meta.id}-hint` : null, meta.errors ? meta.errorId : null].filter(Boolean).join(" ");
  return (
    <FieldShell
      meta={{ id: meta.id, errorId: meta.errorId, errors: meta.errors, required: meta.required ?? false }}
      label={label}
      hint={hint}
    >
      <input
        id={meta.id}
        name={meta.name}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-invalid={meta.errors ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="block w-full text-sm"
      />
    </FieldShell>
  );
}
