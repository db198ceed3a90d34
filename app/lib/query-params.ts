/** Reading list filters from the URL: a value counts only when it is one of the allowed ones. */
export function pickOne<T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
