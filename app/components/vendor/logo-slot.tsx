import { initials } from "~/lib/initials";

/**
 * The fixed square where a vendor's logo goes on a directory card, holding its initials: the same
 * size with or without a logo, so that cards do not jump.
 */
export function VendorLogoSlot({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="flex h-12 w-12 shrink-0 items-center justify-center rounded-md border border-slate-200 bg-brand-50 text-base font-semibold text-brand-800"
    >
      {initials(name)}
    </span>
  );
}
