import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { FieldErrors } from "./field-errors";

/** The look of a text box, a select or a text area (Conform's fields and the server-checked ones). */
export const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

function Label({ htmlFor, children, required }: { htmlFor: string; children: ReactNode; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-slate-800">
      {children}
      {required ? null : <span className="ml-1 font-normal text-slate-600">({t("form.optional")})</span>}
    </label>
  );
}

/** Label, hint and errors around one control; the control itself is the child. */
export function FieldShell({
  meta,
  label,
  hint,
  children,
}: {
  meta: { id: string; required?: boolean; errorId: string; errors?: string[] };
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
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
      {children}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A select's options after its empty first one ("—", or what the field asks for). */
export function SelectOptions({
  options,
  placeholder,
}: {
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <>
      <option value="">{placeholder ?? "—"}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
