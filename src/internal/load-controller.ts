import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The one load lifecycle of every element that fetches: it runs `task` on the first update and again whenever
 * `args` changes (the attributes the request depends on), aborts the request in flight when a newer one starts or
 * the element leaves the page, asks again when it comes back, and drops any answer that is not the latest, so a
 * stale answer is never shown. `run()` is the retry button.
 *
 * Ours rather than `@lit/task` 1.0: that one neither aborts on disconnect nor runs again on reconnect (it has no
 * `hostDisconnected`), and its 1 KB gzip would take `<spp-results>` over its 18 KB budget.
 */
export class LoadController<T> implements ReactiveController {
  /** The latest answer (kept while a newer request is pending, undefined before the first). */
  value: T | undefined;
  /** Why the latest request failed; undefined once a new one starts. */
  error: unknown;
  pending = false;
  #args: readonly unknown[] | undefined;
  #request: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly task: (signal: AbortSignal) => Promise<T>,
    private readonly args: () => readonly unknown[],
    private readonly onError?: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.args();
    if (!this.#args || args.some((arg, i) => arg !== this.#args![i])) {
      this.#args = args;
      void this.run();
    }
  }

  hostConnected(): void {
    // Back in the page after a move: the request cut by the disconnection is made again.
    if (this.#request?.signal.aborted) void this.run();
  }

  hostDisconnected(): void {
    if (this.pending) this.#request!.abort();
  }

  async run(): Promise<void> {
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    this.pending = true;
    this.error = undefined;
    this.host.requestUpdate();
    // Every request but the latest is aborted (by the next `run()` or by a disconnection): its answer is dropped.
    try {
      const value = await this.task(request.signal);
      if (request.signal.aborted) return;
      this.value = value;
    } catch (error) {
      if (request.signal.aborted) return;
      this.error = error;
      this.onError?.(error);
    }
    this.pending = false;
    this.host.requestUpdate();
  }
}
