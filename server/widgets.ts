import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const YEAR = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300, stale-while-revalidate=3600';

/** `/widgets/manifest.json`: what the configurator and webmasters need to pin a release. */
export interface WidgetsManifest {
  version: string;
  /** Stable URL: always the newest release, short cache. */
  script: string;
  /** This release's URL: never changes, cached for a year. */
  versionedScript: string;
  /** Subresource Integrity of the entry script (`integrity="..."`, with `crossorigin="anonymous"`). */
  integrity: string;
  /** Every element the entry can load, and the custom-elements manifest describing them (when built). */
  elements: string[];
  customElements: string | null;
}

/** The widgets' script, the address every snippet and fragment names (after the server's origin): always the newest release. */
export const WIDGETS_SCRIPT = '/widgets/spp-widgets.js';

/**
 * Serves the built widgets twice:
 * - `/widgets/...` (the URL in every pasted snippet): the entry revalidates after 5 minutes, hashed chunks are
 *   immutable;
 * - `/widgets/v{version}/...`: the same files, all immutable, for webmasters who pin a release and check it
 *   with Subresource Integrity. Only the running release is served: another version is a 404.
 * Everything answers `Access-Control-Allow-Origin: *`, which `crossorigin` + `integrity` require.
 */
export async function registerWidgets(app: FastifyInstance, options: { distDir: string; version: string }): Promise<void> {
  const { distDir, version } = options;
  if (!existsSync(distDir)) return;
  const versioned = `/widgets/v${version}/`;

  let cached: { mtimeMs: number; manifest: WidgetsManifest } | undefined;
  const manifest = (): WidgetsManifest | undefined => {
    const entry = join(distDir, 'spp-widgets.js');
    if (!existsSync(entry)) return undefined;
    const { mtimeMs } = statSync(entry);
    // Rebuilt while running (`npm run build` in another terminal): hash the new file.
    if (cached?.mtimeMs !== mtimeMs) {
      const source = readFileSync(entry);
      const elements = [...new Set([...source.toString('utf8').matchAll(/["'](spp-[a-z0-9-]+)["']\s*:/g)].map((m) => m[1]!))].sort();
      cached = {
        mtimeMs,
        manifest: {
          version,
          script: WIDGETS_SCRIPT,
          versionedScript: `${versioned}spp-widgets.js`,
          integrity: `sha384-${createHash('sha384').update(source).digest('base64')}`,
          elements,
          customElements: existsSync(join(distDir, 'custom-elements.json')) ? `${versioned}custom-elements.json` : null,
        },
      };
    }
    return cached.manifest;
  };

  app.get('/widgets/manifest.json', async (_request, reply) => {
    const body = manifest();
    if (!body) return reply.code(404).header('Cache-Control', 'no-store').send({ error: 'widgets not built' });
    return reply.header('Cache-Control', 'public, max-age=60').header('Access-Control-Allow-Origin', '*').send(body);
  });

  await app.register(fastifyStatic, {
    root: distDir,
    prefix: versioned,
    decorateReply: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      reply.header('Cache-Control', YEAR);
    },
  });
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/widgets/',
    decorateReply: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path: string) => {
      reply.header('Access-Control-Allow-Origin', '*');
      // Hashed files never change; the entry and the manifest keep a stable URL and a short cache.
      reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? YEAR : SHORT);
    },
  });
}
