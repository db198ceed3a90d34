/**
 * `useTranslation()` for components: `{ t, i18n: { language } }`, the shape react-i18next gave, over
 * the app's own translator (app/lib/translate.ts), the same on the server and in the browser.
 *
 * A page's strings come from its `Translations` (app/utils/i18n-strings.ts on the server: all of the
 * language, noting which namespaces the render used; app/utils/i18n-browser.ts in the browser: the
 * namespaces the server sent with the page, then the rest of the language once the browser is
 * idle). When a render in the browser asks for a namespace not there yet, the translator gives the
 * key, asks for the rest, and every component using this hook renders again when it has arrived.
 */
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { TFunction } from "~/lib/translate";

export interface Translations {
  readonly language: string;
  readonly t: TFunction;
  /** Calls `listener` when more strings have arrived; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Changes whenever more strings have arrived. */
  version(): number;
}

const Context = createContext<Translations | null>(null);

export function TranslationProvider({ value, children }: { value: Translations; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useTranslation() {
  const translations = useContext(Context);
  if (!translations)
    throw new Error("useTranslation outside a TranslationProvider (app/entry.server.tsx, entry.client)");
  const version = useSyncExternalStore(translations.subscribe, translations.version, translations.version);
  // A new `t` when more strings arrive, so that memoised values that depend on it are worked out anew.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const t = useMemo<TFunction>(() => (key, options) => translations.t(key, options), [translations, version]);
  return { t, i18n: { language: translations.language } };
}

/** Translations that never change (the server's, tests'). */
export function fixedTranslations(language: string, t: TFunction): Translations {
  return { language, t, subscribe: () => () => {}, version: () => 0 };
}
