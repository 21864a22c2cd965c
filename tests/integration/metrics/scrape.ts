/** The value of one sample of a Prometheus text exposition (labels in any order), or undefined when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`).sort();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = (match[2] ?? '').split(/,(?=[a-zA-Z_]+=")/).filter((pair) => pair !== '').sort();
    if (found.length === wanted.length && found.every((pair, i) => pair === wanted[i])) return Number(match[3]);
  }
  return undefined;
}
