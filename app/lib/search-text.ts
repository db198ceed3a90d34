/**
 * Text normalised for search (DESIGN §14): lower case, Vietnamese diacritics removed, đ/Đ → d,
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
