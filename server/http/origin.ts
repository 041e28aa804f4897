import type { FastifyRequest } from 'fastify';

/**
 * Where this server is reached, as the links and scripts it writes must name it (tracking links, the kit's QR
 * codes, the form fragment's link, the widgets' script a fragment brings): `PUBLIC_URL` behind a proxy or a CDN,
 * its trailing slashes dropped (`https://avis.example.fr/` is a common way to write it, and `…fr//suivi/…` a broken
 * link on some servers); else the origin the request came to (`Host`, and the scheme `trustProxy` allows).
 */
export function publicOrigin(request: FastifyRequest, publicUrl?: string): string {
  return publicUrl?.replace(/\/+$/, '') || `${request.protocol}://${request.host}`;
}
