/** Text folded for search: no diacritics, đ → d, lower case ("Sở Tư pháp" → "so tu phap"). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
