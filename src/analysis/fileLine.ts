/** `file:line` of a `file:line:col` site, for messages. */
export function fileLine(site: string): string {
  return site.split(':').slice(0, 2).join(':');
}
