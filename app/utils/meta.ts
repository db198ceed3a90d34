import type { MetaArgs } from "@remix-run/node";
import { LANGUAGES, type Lang } from "~/lib/reference";
import { pageTranslator } from "./page-translator";

const isLang = (value: unknown): value is Lang =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** A translated page title; the language comes from the root loader's data. */
export function title({ matches }: Pick<MetaArgs, "matches">, key: string, values?: Record<string, string>) {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: string } | undefined;
  const t = pageTranslator(isLang(root?.lang) ? root.lang : "vi");
  return [{ title: `${t(key, values)} · Kết Nối Số` }];
}
