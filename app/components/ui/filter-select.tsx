import type { ReactNode } from "react";

const SELECT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

/** One labelled select of a list page's GET filter form (its value lives in the URL). */
export function FilterSelect({
  name,
  label,
  value,
  options,
  emptyLabel,
  className,
}: {
  name: string;
  label: ReactNode;
  value: string;
  options: { value: string; label: string }[];
  /** The "any" choice, sent as an empty value; none when the filter always has a value. */
  emptyLabel?: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value} className={SELECT}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
