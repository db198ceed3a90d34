/** Words of a company's legal form, left out of its initials ("Công ty TNHH …"). */
const LEGAL_FORM = new Set([
  "công",
  "ty",
  "tnhh",
  "cổ",
  "phần",
  "cp",
  "jsc",
  "co.",
  "ltd",
  "ltd.",
  "company",
  "mtv",
  "dntn",
]);

/**
 * Two letters standing for an organisation where it has no logo: the first letters of the last two
 * words of its name, leaving out the legal form, since Vietnamese trade names come last
 * ("Công ty TNHH Giải pháp Số Đồng Khởi" → "ĐK").
 */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((w) => w && !LEGAL_FORM.has(w.toLocaleLowerCase("vi")))
    .filter((w) => /^\p{L}|^\p{N}/u.test(w));
  return words
    .slice(-2)
    .map((w) => w[0]!.toLocaleUpperCase("vi"))
    .join("");
}
