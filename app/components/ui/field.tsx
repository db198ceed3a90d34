import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";

const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

/** Validation messages are locale keys (see app/utils/validation.ts); shown next to the field. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  );
}

function Label({ htmlFor, children, required }: { htmlFor: string; children: ReactNode; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-slate-800">
      {children}
      {required ? null : <span className="ml-1 font-normal text-slate-600">({t("form.optional")})</span>}
    </label>
  );
}

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
    <div>
      <Label htmlFor={meta.id} required={meta.required}>
        {label}
      </Label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input {...props} {...inputProps} className={INPUT} key={props.key} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  options,
  placeholder,
  hint,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
}) {
  const props = getSelectProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div>
      <Label htmlFor={meta.id} required={meta.required}>
        {label}
      </Label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <select {...props} key={props.key} className={INPUT}>
        <option value="">{placeholder ?? "—"}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}
