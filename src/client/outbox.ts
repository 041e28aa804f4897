import type { Problem } from '../contract/problem.js';
import { ApiError, backoffDelay, isTransient, requestJson, type RequestOptions } from './http.js';
import { localStore, newIdempotencyKey, outboxKeys, readJson, writeJson, type KeyValueStorage, type LocalStore } from './local-store.js';

export { newIdempotencyKey };

/**
 * The offline outbox: a write the server has not acknowledged yet waits in `localStorage` until it is, and
 * survives a reload, a crash or a closed tab. Each entry is sent with its own `Idempotency-Key` (its id), the
 * same on every try, so a request that reached the server but whose answer was lost is answered again instead
 * of being stored twice. Entries go out when the browser comes back online, on the next page load that uses
 * the outbox, and on a backoff timer while the page stays open.
 *
 * One delivery at a time per entry, across tabs: the Web Locks API where the page has it (secure contexts),
 * otherwise a short lease in `localStorage`. The server's idempotency is the last line of defence either way.
 */

export interface OutboxEntry {
  /** Also the `Idempotency-Key`. */
  id: string;
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  /** What the page needs to tell the citizen about it later (a title, a draft to clear). */
  meta: Record<string, string>;
  createdAt: number;
  attempts: number;
  /** The server refused it for good (4xx): kept so nothing typed is lost, never resent as is. */
  failure?: { status: number; problem?: Problem };
}

export interface OutboxReceipt<T> {
  id: string;
  meta: Record<string, string>;
  response: T;
  deliveredAt: number;
  /** The citizen saw the confirmation (it was on screen when the answer came, or was dismissed since). */
  seen: boolean;
}

export type Delivery<T> =
  | { kind: 'delivered'; receipt: OutboxReceipt<T> }
  /** Not sent yet (offline, server down, rate limited): still in the outbox, will be retried. */
  | { kind: 'queued'; error: ApiError }
  /** Refused by the server (4xx other than 408/429): still stored, marked as failed. */
  | { kind: 'refused'; error: ApiError };

export type DeliverOptions = Pick<RequestOptions, 'retries' | 'backoffMs' | 'onRetry' | 'timeoutMs'>;

const LEASE_MS = 10_000;

/** Runs `task` while holding `name` in every tab of this origin; waits for the holder otherwise. */
async function withLock<T>(storage: KeyValueStorage, name: string, owner: string, task: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) return locks.request(name, task);
  // Lease fallback: write, read back after a beat; the last writer holds it. A dead tab's lease expires.
  const key = `spp-lease:${name}`;
  for (;;) {
    const lease = readJson<{ owner: string; until: number } | null>(storage, key, null);
    if (!lease || lease.until < Date.now() || lease.owner === owner) {
      writeJson(storage, key, { owner, until: Date.now() + LEASE_MS });
      await new Promise((r) => setTimeout(r, 30));
      if (readJson<{ owner: string } | null>(storage, key, null)?.owner === owner) break;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const renew = setInterval(() => writeJson(storage, key, { owner, until: Date.now() + LEASE_MS }), LEASE_MS / 3);
  try {
    return await task();
  } finally {
    clearInterval(renew);
    if (readJson<{ owner: string } | null>(storage, key, null)?.owner === owner) storage.removeItem(key);
  }
}

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 5 * 60_000;
const RECEIPT_TTL_MS = 30 * 24 * 3600_000;
const SEEN_RECEIPT_TTL_MS = 24 * 3600_000;

export class Outbox<T> {
  readonly persistent: boolean;
  /** Called once per delivered entry, in the tab that delivered it. */
  onDelivered?: (receipt: OutboxReceipt<T>) => void;
  private readonly storage: KeyValueStorage;
  private readonly listeners = new Set<() => void>();
  private readonly deliveries = new Map<string, Promise<Delivery<T>>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private started = false;
  /** Holder name for the lease fallback: one per outbox, so one per tab in practice. */
  private readonly owner = newIdempotencyKey();

  constructor(
    readonly name: string,
    private readonly parse: (data: unknown) => T,
    store: LocalStore = localStore(),
  ) {
    this.storage = store.storage;
    this.persistent = store.persistent;
  }

  private get queueKey(): string {
    return outboxKeys(this.name).queue;
  }
  private get receiptsKey(): string {
    return outboxKeys(this.name).receipts;
  }

  /** Sends what is waiting now and whenever the browser comes back online; follows other tabs' changes. */
  start(): void {
    if (this.started) return;
    this.started = true;
    addEventListener('online', () => {
      this.failures = 0;
      void this.flush();
    });
    addEventListener('storage', (event) => {
      if (event.key === this.queueKey || event.key === this.receiptsKey) this.notify();
    });
    // A receipt holds the private tracking link: kept until the citizen has seen it (a day more, for other
    // tabs to notice), and no longer than 30 days even unseen.
    const now = Date.now();
    const receipts = this.receipts();
    const kept = receipts.filter((r) => r.deliveredAt >= now - (r.seen ? SEEN_RECEIPT_TTL_MS : RECEIPT_TTL_MS));
    if (kept.length !== receipts.length) this.writeReceipts(kept);
    if (this.pending().length) void this.flush();
  }

  /** Called on any change, from this tab or another. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  list(): OutboxEntry[] {
    const entries = readJson<unknown>(this.storage, this.queueKey, []);
    return Array.isArray(entries) ? (entries as OutboxEntry[]).filter((e) => e && typeof e.id === 'string') : [];
  }

  /** Entries waiting to be sent (not refused). */
  pending(): OutboxEntry[] {
    return this.list().filter((e) => !e.failure);
  }

  get(id: string): OutboxEntry | undefined {
    return this.list().find((e) => e.id === id);
  }

  /** Adds or replaces the entry with this id (a replaced entry loses its failure: it is a new try). */
  put(entry: Omit<OutboxEntry, 'createdAt' | 'attempts'> & Partial<Pick<OutboxEntry, 'createdAt' | 'attempts'>>): boolean {
    const others = this.list().filter((e) => e.id !== entry.id);
    const previous = this.get(entry.id);
    const stored: OutboxEntry = {
      createdAt: previous?.createdAt ?? Date.now(),
      attempts: previous?.attempts ?? 0,
      ...entry,
    };
    delete stored.failure;
    const ok = writeJson(this.storage, this.queueKey, [...others, stored]);
    this.notify();
    return ok;
  }

  remove(id: string): void {
    writeJson(
      this.storage,
      this.queueKey,
      this.list().filter((e) => e.id !== id),
    );
    this.notify();
  }

  receipts(): OutboxReceipt<T>[] {
    const receipts = readJson<unknown>(this.storage, this.receiptsKey, []);
    return Array.isArray(receipts) ? (receipts as OutboxReceipt<T>[]) : [];
  }

  receipt(id: string): OutboxReceipt<T> | undefined {
    return this.receipts().find((r) => r.id === id);
  }

  markSeen(id: string): void {
    this.writeReceipts(this.receipts().map((r) => (r.id === id ? { ...r, seen: true } : r)));
    this.notify();
  }

  private writeReceipts(receipts: OutboxReceipt<T>[]): void {
    writeJson(this.storage, this.receiptsKey, receipts);
  }

  /**
   * Sends one entry (retrying transient failures as asked), at most once at a time across tabs: a second
   * call, from a double click or another tab, waits for the first and gets its outcome.
   */
  deliver(id: string, options: DeliverOptions = {}): Promise<Delivery<T>> {
    let delivery = this.deliveries.get(id);
    if (!delivery) {
      delivery = withLock(this.storage, `${this.name}:${id}`, this.owner, () => this.send(id, options)).finally(() => this.deliveries.delete(id));
      this.deliveries.set(id, delivery);
    }
    return delivery;
  }

  private async send(id: string, options: DeliverOptions): Promise<Delivery<T>> {
    const entry = this.get(id);
    if (!entry) {
      // Another tab delivered it while we waited for the lock.
      const receipt = this.receipt(id);
      return receipt ? { kind: 'delivered', receipt } : { kind: 'refused', error: new ApiError('aborted', 'no such entry') };
    }
    if (entry.failure) return { kind: 'refused', error: new ApiError('http', 'refused', entry.failure.status, entry.failure.problem) };
    try {
      const { data } = await requestJson(entry.url, this.parse, {
        method: 'POST',
        body: entry.body,
        headers: { ...entry.headers, 'Idempotency-Key': entry.id },
        timeoutMs: options.timeoutMs ?? 15_000,
        retries: options.retries ?? 0,
        backoffMs: options.backoffMs ?? 1000,
        onRetry: options.onRetry,
      });
      const receipt: OutboxReceipt<T> = { id, meta: entry.meta, response: data, deliveredAt: Date.now(), seen: false };
      // Receipt first: a crash between the two writes means one more (replayed) send, never a lost answer.
      this.writeReceipts([...this.receipts().filter((r) => r.id !== id), receipt]);
      writeJson(
        this.storage,
        this.queueKey,
        this.list().filter((e) => e.id !== id),
      );
      this.failures = 0;
      this.onDelivered?.(receipt);
      this.notify();
      return { kind: 'delivered', receipt };
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError('network', String(caught));
      const current = this.get(id);
      // A malformed answer may still mean "stored": keep the entry and ask again (the answer is replayed).
      if (isTransient(error) || error.kind === 'malformed') {
        if (current) this.update({ ...current, attempts: current.attempts + 1 });
        this.schedule(error);
        return { kind: 'queued', error };
      }
      if (current) this.update({ ...current, attempts: current.attempts + 1, failure: { status: error.status ?? 0, problem: error.problem } });
      return { kind: 'refused', error };
    }
  }

  private update(entry: OutboxEntry): void {
    writeJson(this.storage, this.queueKey, [...this.list().filter((e) => e.id !== entry.id), entry]);
    this.notify();
  }

  /** Tries every waiting entry once. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const entry of this.pending()) {
      const outcome = await this.deliver(entry.id);
      if (outcome.kind === 'queued' && outcome.error.kind === 'network') break; // still offline: stop here
    }
  }

  /** Tries again later while the page is open, backing off (or waiting as long as the server asked). */
  private schedule(error: ApiError): void {
    if (this.timer !== undefined) return;
    const delay = Math.min(RETRY_MAX_MS, error.retryAfterMs ?? backoffDelay(this.failures++, RETRY_FIRST_MS, error));
    this.timer = setTimeout(() => void this.flush(), delay);
  }
}
