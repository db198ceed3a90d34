/**
 * Cross-site request forgery defence (docs/product.md §14): every request that can change state must
 * carry an Origin header naming this site. Browsers send it on every cross-site and same-site
 * POST; a request without one did not come from our own pages.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string) {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function originAllowed(
  method: string,
  origin: string | null | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (isSafeMethod(method)) return true;
  if (!origin || origin === "null") return false;
  return allowedOrigins.includes(origin);
}
