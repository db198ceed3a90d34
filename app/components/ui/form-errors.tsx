import { useEffect, useRef } from "react";
import { useTranslation } from "~/utils/i18n-react";

/**
 * Why a form without fields (a single button: withdraw, retry, confirm) was refused. It takes focus
 * when it appears, as the error summary does, so that the reason is read and seen even when the
 * message sits away from the button.
 */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = (errors ?? []).join("\n");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!errors?.length) return null;
  return (
    <div
      ref={ref}
      id={id}
      role="alert"
      tabIndex={-1}
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 focus:outline focus:outline-4 focus:outline-amber-400"
    >
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}
