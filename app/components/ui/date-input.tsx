import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { DATE_PARTS, datePartsInError, type DatePart } from "~/lib/date-input";
import { fieldMessage } from "./field-message";

const BOX = "block rounded-md bg-white px-3 py-2 text-base tabular-nums text-slate-900 shadow-sm";
const BOX_OK = "border border-slate-300 focus:border-brand-600";
const BOX_ERROR = "border-2 border-red-600";
/** Room for two digits (day, month) and four (year), as GOV.UK sizes them. */
const WIDTH: Record<DatePart, string> = { day: "w-16", month: "w-16", year: "w-24" };

type Boxes = Partial<Record<DatePart, string>>;

/**
 * GOV.UK's date input: Ngày / Tháng / Năm as three boxes in a fieldset whose legend names the date,
 * with the hint "Ví dụ: 27 3 2027". The boxes post as `<name>.day`, `<name>.month`, `<name>.year`
 * and the server reads them (app/lib/date-input.ts: `dateInputField` for a form's schema,
 * `parseDateInput` for a query). The day box carries the field's own id, so the error summary's
 * link lands in it. A message marks only the boxes it is about (a missing month marks the month).
 */
export function DateInput({
  meta,
  legend,
  hint,
  optional,
}: {
  meta: FieldMetadata<Boxes | string | undefined>;
  legend: string;
  hint?: ReactNode;
  optional?: boolean;
}) {
  const fieldset = (meta as FieldMetadata<Boxes | undefined>).getFieldset();
  const value = Object.fromEntries(
    DATE_PARTS.map((part) => {
      const initial = fieldset[part].initialValue;
      return [part, typeof initial === "string" ? initial : ""];
    }),
  ) as Boxes;
  return (
    <DateBoxes
      id={meta.id}
      name={meta.name}
      boxKey={meta.key}
      value={value}
      errors={meta.errors}
      errorId={meta.errorId}
      legend={legend}
      hint={hint}
      optional={optional}
    />
  );
}

/** The boxes outside a Conform form (a GET filter): ids `<id>`, `<id>-month`, `<id>-year`. */
export function DateBoxes({
  id,
  name,
  boxKey,
  value,
  errors = [],
  errorId = `${id}-error`,
  legend,
  hint,
  optional = false,
}: {
  id: string;
  name: string;
  /** Changes when Conform resets the form, so the boxes take their new default values. */
  boxKey?: string;
  value: Boxes;
  errors?: string[];
  errorId?: string;
  legend: string;
  hint?: ReactNode;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const marked = new Set(datePartsInError(errors[0]));
  const hintId = `${id}-hint`;
  const describedBy = [hintId, errors.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy} className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-slate-800">
        {legend}
        {optional ? <span className="ml-1 font-normal text-slate-600">({t("form.optional")})</span> : null}
      </legend>
      <p id={hintId} className="mb-2 text-sm text-slate-600">
        {hint ? <>{hint} </> : null}
        {t("form.dateExample")}
      </p>
      <div className="flex flex-wrap gap-3">
        {DATE_PARTS.map((part, index) => {
          const boxId = index === 0 ? id : `${id}-${part}`;
          const invalid = errors.length > 0 && marked.has(part);
          return (
            <div key={part}>
              <label htmlFor={boxId} className="mb-1 block text-sm text-slate-800">
                {t(`form.dateParts.${part}`)}
              </label>
              <input
                key={`${boxKey ?? ""}-${part}`}
                id={boxId}
                name={`${name}.${part}`}
                type="text"
                inputMode="numeric"
                maxLength={part === "year" ? 6 : 4}
                defaultValue={value[part] ?? ""}
                aria-invalid={invalid || undefined}
                className={`${BOX} ${WIDTH[part]} ${invalid ? BOX_ERROR : BOX_OK}`}
              />
            </div>
          );
        })}
      </div>
      {errors.length ? (
        <ul id={errorId} className="mt-1 space-y-0.5 text-sm text-red-700">
          {errors.map((e) => (
            <li key={e}>{fieldMessage(t, e, legend).text}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
