/**
 * The audit log in words (docs/product.md §11): an entry's details as sentences rather than raw
 * keys ("kind: vendor" → "Loại tài khoản: Nhà cung cấp"), and addresses as people write them.
 * Pure: the translation function is passed in.
 */
import { formatMoney, type Lang } from "./format";
import { formatDecimalInput, formatPercentInput } from "./setting-input";
import { THRESHOLD_KINDS, type ThresholdKey } from "./threshold-groups";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** An IPv4 address as such: "::ffff:127.0.0.1" (IPv4-mapped IPv6, as Node reports it) → "127.0.0.1". */
export function displayIp(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip.trim());
  return mapped ? mapped[1]! : ip.trim();
}

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v));

/** A saved setting's value, one line per part. */
function settingLines(key: string | null, value: unknown, t: Translate, lang: Lang): string[] {
  if (!value || typeof value !== "object") return [t("audit.detail.value", { value: str(value) })];
  const entries = Object.entries(value as Record<string, unknown>);
  if (key === "risk_thresholds") {
    return entries.map(([k, v]) => {
      const kind = THRESHOLD_KINDS[k as ThresholdKey];
      const shown =
        typeof v !== "number" || !kind
          ? str(v)
          : kind === "percent"
            ? formatPercentInput(v, lang)
            : formatDecimalInput(v, lang);
      return `${t(`adminSettings.thresholds.keys.${k}`, { defaultValue: k })}: ${shown}`;
    });
  }
  if (key === "support_rates") {
    return entries.flatMap(([size, kinds]) =>
      Object.entries((kinds ?? {}) as Record<string, { rate?: number; cap?: number }>).map(
        ([kind, v]) =>
          `${t(`sizeClasses.${size}`)} · ${t(`support.kinds.${kind}`)}: ` +
          t("audit.detail.rateCap", {
            rate: formatPercentInput(v.rate ?? 0, lang),
            cap: formatMoney(v.cap ?? 0, lang),
          }),
      ),
    );
  }
  return entries.map(([k, v]) => `${k}: ${str(v)}`);
}

/**
 * An entry's JSON details as lines of words. Known keys get a sentence with their values
 * translated (roles, organisations, statuses); an unknown key keeps its name, so nothing is lost.
 */
export function auditDetailLines(
  details: string | null,
  subject: { type: string | null; id: string | null },
  t: Translate,
  lang: Lang,
): string[] {
  if (!details) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return [details];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [str(parsed)];
  const d = parsed as Record<string, unknown>;
  const lines: string[] = [];
  for (const [key, v] of Object.entries(d)) {
    switch (key) {
      case "kind":
      case "role":
      case "was":
        lines.push(t(`audit.detail.${key}`, { role: t(`roles.${str(v)}`, { defaultValue: str(v) }) }));
        break;
      case "organisation":
        lines.push(t("audit.detail.organisation", { organisation: t(`staffOrganisations.${str(v)}`) }));
        break;
      case "assignee":
        lines.push(t("audit.detail.assignee", { name: typeof d.assigneeName === "string" ? d.assigneeName : str(v) }));
        break;
      case "assigneeName":
        if (d.assignee === undefined) lines.push(t("audit.detail.assignee", { name: str(v) }));
        break;
      case "from":
        lines.push(
          t("audit.detail.from", {
            status: t(`delivery.incidents.statuses.${str(v)}`, { defaultValue: str(v) }),
          }),
        );
        break;
      case "onResolve":
        if (v === true) lines.push(t("audit.detail.onResolve"));
        break;
      case "rating":
        lines.push(t("audit.detail.rating", { rating: str(v) }));
        break;
      case "value":
        lines.push(...settingLines(subject.type === "setting" ? subject.id : null, v, t, lang));
        break;
      case "reason":
      case "note":
      case "resolution":
      case "to":
      case "attempts":
      case "via":
      case "ranBy":
        lines.push(t(`audit.detail.${key}`, { value: str(v) }));
        break;
      default:
        lines.push(`${key}: ${str(v)}`);
    }
  }
  return lines;
}
