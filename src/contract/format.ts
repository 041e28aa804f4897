/**
 * The one `{name}` filler of every strings table, the server's and the browser's (the contract imports nothing of
 * ours, so it lives here and `server/i18n.ts` and `src/internal/i18n.ts` take it from here). An unknown name stays
 * as written; values are inserted as they are, never read again for placeholders.
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
