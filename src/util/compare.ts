/** Code-unit order of strings, independent of the machine's locale: what every sorted output uses. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
