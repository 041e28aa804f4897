/** Types of `api.mjs` for the TypeScript tests that use it. */
export function typeOf(schema: unknown): string;
export function constraints(schema: unknown): string;
export function apiReference(doc: Record<string, unknown>): string;
export function openApiProblems(doc: Record<string, unknown>): string[];
