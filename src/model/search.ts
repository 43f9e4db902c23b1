/** Case- and accent-insensitive matching, so "sakerhet" finds "Säkerhet". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function matchesSearch(query: string, ...fields: (string | undefined)[]): boolean {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = normalizeForSearch(fields.filter(Boolean).join(' '));
  return words.every((w) => haystack.includes(w));
}
