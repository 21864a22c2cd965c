/** Known ids close to what was typed: same after normalising, edit distance <= 2, or same prefix and number. */
export function closeMatches(typed: string, known: readonly string[], limit = 5): string[] {
  const norm = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const wanted = norm(typed);
  const number = typed.match(/\d+/)?.[0];
  const scored = known
    .map((id) => {
      const candidate = norm(id);
      let score = distance(wanted, candidate);
      if (number !== undefined && Number(id.match(/\d+/)?.[0]) === Number(number)) score -= 1;
      if (candidate.startsWith(wanted.replace(/\d+$/, '')) && wanted.replace(/\d+$/, '') !== '') score -= 1;
      return { id, score };
    })
    .filter((s) => s.score <= 2)
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.id);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
