/**
 * Reading one cookie from a Cookie header without trusting the rest of it. A value that is not
 * valid percent-encoding (`lang=%E0%A4%A`) or a garbage pair elsewhere in the header is ignored:
 * a malformed cookie must never turn a page into a 500.
 */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}
