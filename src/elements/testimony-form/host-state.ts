import type { ReactiveControllerHost } from 'lit';

/**
 * Makes a controller's fields state of its host, like the element's own `state: true` properties: assigning a
 * different value asks the host to render again. Called at the end of the controller's constructor.
 */
export function hostState<T extends object>(owner: T, host: ReactiveControllerHost, ...keys: (keyof T & string)[]): void {
  for (const key of keys) {
    let value = owner[key];
    Object.defineProperty(owner, key, {
      get: () => value,
      set: (next: T[typeof key]) => {
        if (next === value) return;
        value = next;
        host.requestUpdate();
      },
    });
  }
}
