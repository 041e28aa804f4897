/** Every event an element fires: bubbling, composed (crosses shadow roots), `spp-` prefixed. */
export function emit<T>(target: EventTarget, name: `spp-${string}`, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}

/** Detail of `spp-error`: what failed, for host pages that log or report it. */
export interface SppErrorDetail {
  /** `network`, `timeout`, `http`, `malformed`, `aborted`, `config` (the element's configuration: fix the page). */
  kind: string;
  status?: number;
  message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'spp-error': CustomEvent<SppErrorDetail>;
  }
}
