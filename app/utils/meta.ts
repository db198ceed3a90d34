import type { MetaArgs } from "@remix-run/node";
import { isLang, translator, DEFAULT_LANG } from "./i18n";

/** A translated page title; the language comes from the root loader's data. */
export function title({ matches }: Pick<MetaArgs, "matches">, key: string, values?: Record<string, string>) {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: string } | undefined;
  const t = translator(isLang(root?.lang) ? root.lang : DEFAULT_LANG);
  return [{ title: `${t(key, values)} · Kết Nối Số` }];
}
