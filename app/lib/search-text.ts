/**
 * Text normalised for search (docs/product.md §14): lower case, Vietnamese diacritics removed, đ/Đ → d,
 * so that "dong tam" finds "Đồng Tâm".
 */
export function searchText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * An FTS5 query from what a user typed: every word, folded, must appear as a word prefix
 * ("ke toa" finds "Kế toán doanh nghiệp"), and no character can be read as FTS5 syntax.
 * Null when nothing searchable was typed.
 */
export function ftsQuery(input: string): string | null {
  const words = searchText(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}
