import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldShell, INPUT, SelectOptions } from "./field-shell";

/** A field of a form checked on the server only (`useServerForm`'s `field(name)`). */
export type ServerFieldMeta = {
  id: string;
  name: string;
  errorId: string;
  errors?: string[];
  defaultValue?: string;
};

/** The control's own attributes, as Conform's `getInputProps` gives them. */
function controlProps(meta: ServerFieldMeta, required: boolean, hint: ReactNode) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return {
    id: meta.id,
    name: meta.name,
    defaultValue: meta.defaultValue,
    required: required || undefined,
    "aria-invalid": meta.errors ? true : undefined,
    "aria-describedby": meta.errors ? [meta.errorId, hintId].filter(Boolean).join(" ") : hintId,
  };
}

type Common = { meta: ServerFieldMeta; label: ReactNode; hint?: ReactNode; required?: boolean };

/** A text box: `Field`'s look and markup, for `useServerForm`. */
export function ServerField({
  meta,
  label,
  hint,
  required = true,
  type = "text",
  inputProps,
}: Common & { type?: "text" | "number" | "email" | "password"; inputProps?: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <FieldShell meta={{ ...meta, required }} label={label} hint={hint}>
      <input type={type} {...controlProps(meta, required, hint)} {...inputProps} className={INPUT} />
    </FieldShell>
  );
}

/** A select: `SelectField`'s look and markup, for `useServerForm`. */
export function ServerSelectField({
  meta,
  label,
  hint,
  required = true,
  options,
}: Common & { options: { value: string; label: string }[] }) {
  return (
    <FieldShell meta={{ ...meta, required }} label={label} hint={hint}>
      <select {...controlProps(meta, required, hint)} className={INPUT}>
        <SelectOptions options={options} />
      </select>
    </FieldShell>
  );
}

/** A text area: `TextareaField`'s look and markup, for `useServerForm`. */
export function ServerTextareaField({
  meta,
  label,
  hint,
  required = true,
  rows = 5,
  maxLength,
}: Common & { rows?: number; maxLength?: number }) {
  return (
    <FieldShell meta={{ ...meta, required }} label={label} hint={hint}>
      <textarea {...controlProps(meta, required, hint)} maxLength={maxLength} rows={rows} className={INPUT} />
    </FieldShell>
  );
}
