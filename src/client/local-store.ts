/**
 * `localStorage` that never throws: the browser may refuse it (storage disabled, some private modes, quota).
 * Callers learn whether writes persist and tell the citizen when they do not.
 */

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

class MemoryStorage implements KeyValueStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export interface LocalStore {
  storage: KeyValueStorage;
  /** False when only a memory stand-in is available: nothing survives a reload. */
  persistent: boolean;
}

let shared: LocalStore | undefined;

/** `localStorage`, or a memory stand-in when the browser refuses it. One per page. */
export function localStore(): LocalStore {
  if (shared) return shared;
  try {
    const probe = '__spp_probe__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    shared = { storage: localStorage, persistent: true };
  } catch {
    shared = { storage: new MemoryStorage(), persistent: false };
  }
  return shared;
}

export function readJson<T>(storage: KeyValueStorage, key: string, fallback: T): T {
  try {
    const raw = storage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

/** False when the write failed (quota): the caller tells the citizen rather than pretend it was kept. */
export function writeJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** A random key usable as `Idempotency-Key`; `getRandomValues` works on plain-http pages too. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `spp-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Where an outbox named `name` keeps its entries and its receipts (see `outbox.ts`). */
export const outboxKeys = (name: string) => ({ queue: `${name}:outbox`, receipts: `${name}:receipts` });
