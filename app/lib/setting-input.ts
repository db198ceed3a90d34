/**
 * Numbers in the admin's settings as they are shown and typed (docs/product.md, settings): money as
 * `20.000.000 ₫`, shares as `50 %`, other numbers with the Vietnamese decimal comma (`1,5`). Each
 * parser accepts what its formatter shows, in either language, and a plain number; null when the
 * text is not such a number. No I/O: the settings page's schema calls them.
 */
import { formatMoney, type Lang } from "./format";

/** Whole đồng: digits with `.`, `,` or spaces between thousands, an optional ₫/đ/VND. */
export function parseMoneyInput(typed: string): number | null {
  const text = typed
    .trim()
    .replace(/(₫|đồng|đ|vnd)$/i, "")
    .trim();
  if (!/^\d{1,3}([.,\s\u00a0]\d{3})+$|^\d+$/.test(text)) return null;
  const value = Number(text.replace(/[.,\s\u00a0]/g, ""));
  return Number.isSafeInteger(value) ? value : null;
}

/** A decimal number written with a comma or a point before its fraction ("0,5", "1.5", "7"). */
export function parseDecimalInput(typed: string): number | null {
  const text = typed.trim();
  if (!/^\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

/** A share typed as a percentage ("50 %", "12,5%", "120"), as a fraction (0.5, 0.125, 1.2). */
export function parsePercentInput(typed: string): number | null {
  const value = parseDecimalInput(typed.trim().replace(/\s*%$/, ""));
  return value === null ? null : Math.round(value * 1_000_000) / 100_000_000;
}

/** A decimal as the settings page shows it: "1,5" in Vietnamese, "1.5" in English. */
export function formatDecimalInput(value: number, lang: Lang): string {
  const text = String(Math.round(value * 10_000) / 10_000);
  return lang === "vi" ? text.replace(".", ",") : text;
}

/** A share as a percentage: "50 %" / "12,5 %" in Vietnamese, "50%" / "12.5%" in English. */
export function formatPercentInput(share: number, lang: Lang): string {
  const percent = formatDecimalInput(Math.round(share * 1_000_000) / 10_000, lang);
  return lang === "vi" ? `${percent} %` : `${percent}%`;
}

/** Money as shown everywhere: "20.000.000 ₫". */
export function formatMoneyInput(amount: number, lang: Lang): string {
  return formatMoney(amount, lang);
}
