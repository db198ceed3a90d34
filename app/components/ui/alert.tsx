import type { ReactNode } from "react";

const TONES = {
  info: "border-brand-200 bg-brand-50 text-brand-900",
  success: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-800",
} as const;

export function Alert({
  tone = "info",
  children,
  role,
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  role?: "alert" | "status";
}) {
  return (
    <div role={role} className={`rounded-md border p-3 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
