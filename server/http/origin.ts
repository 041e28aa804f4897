import type { FastifyRequest } from 'fastify';

/**
 * `PUBLIC_URL` as operators write it, made an origin to put paths after: trailing slashes dropped
 * (`https://avis.example.fr/` is a common way to write it, and `…fr//suivi/…` a broken link on some servers); empty
 * (as a compose file or a systemd unit leaves it) counts as unset. Read once by `buildApp` and once by the mail worker.
 */
export function configuredPublicUrl(value: string | undefined): string | undefined {
  return value?.replace(/\/+$/, '') || undefined;
}

/**
 * Where this server is reached, as the links and scripts it writes must name it (tracking links, the kit's QR
 * codes, the form fragment's link, the widgets' script a fragment brings): `PUBLIC_URL` behind a proxy or a CDN,
 * else the origin the request came to (`Host`, and the scheme `trustProxy` allows). `publicUrl` as `buildApp` passes
 * it to the routes: read once by `configuredPublicUrl`.
 */
export function publicOrigin(request: FastifyRequest, publicUrl?: string): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
