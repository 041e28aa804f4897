/**
 * Which proxies in front of the instances may tell us the client's address (`X-Forwarded-For`). It matters for
 * the per-address rate limit: without it every citizen behind the load balancer shares one address (one limit
 * for everyone); trusting too much lets anyone pick their address by sending the header themselves.
 *
 * `TRUST_PROXY`:
 * - unset or `0`: no proxy; the socket's address is the client's;
 * - addresses, CIDRs or `loopback` / `linklocal` / `uniquelocal` (private ranges), comma-separated: the load
 *   balancers' (and CDN edges') own addresses. The client is the first address, from the right of the header,
 *   that is not one of them: what the outermost trusted proxy saw, which a client cannot forge;
 * - `1` or `true`: believe the whole header. Only when the proxy overwrites it and nothing reaches the instances
 *   directly.
 */
export type TrustProxy = boolean | string;

export function trustProxyFromEnv(value: string | undefined = process.env.TRUST_PROXY): TrustProxy {
  const raw = (value ?? '').trim();
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  return raw;
}
