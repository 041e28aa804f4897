import type { DataVersion } from '../store/data-version.js';

/**
 * The final representation of public GETs, kept in memory so a repeated request costs neither queries nor
 * serialising, hashing or compressing. An entry is served only while both hold:
 * - the store's `DataVersion` is the one it was computed under: any write by this process (publishing results,
 *   moderating, replying, improvement actions, imports run in-process) makes every entry stale at once, so an agent
 *   sees their change on the next GET of the same instance;
 * - it is younger than `ttlMs`: writes by another process (a second instance, the admin CLI, the importer) are
 *   invisible to this one, so entries expire after a few seconds. The public GETs already allow shared caches 60 s
 *   (`max-age`) plus 600 s (`stale-while-revalidate`), so this adds nothing a CDN could not already serve.
 */

export interface CachedRepresentation {
  body: Buffer;
  etag: string;
  contentType: string;
  vary: string;
  /** Compressed copies, made on first demand. */
  encoded: { br?: Buffer; gzip?: Buffer };
  version: number;
  storedAt: number;
}

/** Default entry lifetime: the bound on staleness after another process writes. */
export const DEFAULT_RESPONSE_CACHE_TTL_MS = 5000;
/** Entries kept (the oldest stored goes first): every structure's pages in both languages; bodies are a few KB. */
const MAX_ENTRIES = 2000;

export class ResponseCache {
  readonly #entries = new Map<string, CachedRepresentation>();

  constructor(
    readonly version: DataVersion,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): CachedRepresentation | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== this.version.current || this.now() - entry.storedAt >= this.ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Stores a representation computed from data read under `version` (ignored if the data moved since). */
  set(key: string, version: number, entry: Omit<CachedRepresentation, 'version' | 'storedAt' | 'encoded'>): void {
    if (!this.enabled || version !== this.version.current) return;
    this.#entries.delete(key);
    this.#entries.set(key, { ...entry, encoded: {}, version, storedAt: this.now() });
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

/** `RESPONSE_CACHE_TTL_MS` (milliseconds; `0` turns the cache off), else the default. */
export function responseCacheTtlFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RESPONSE_CACHE_TTL_MS;
  if (raw === undefined || raw === '') return DEFAULT_RESPONSE_CACHE_TTL_MS;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`RESPONSE_CACHE_TTL_MS must be a number of milliseconds (0 turns the cache off), not "${raw}"`);
  return value;
}
