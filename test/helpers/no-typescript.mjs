// `node --import ./test/helpers/no-typescript.mjs`: importing `typescript` fails, as on a production server where
// dev dependencies are not installed (the built server renders fragments from dist-ssr/, without it).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' || specifier.startsWith('typescript/')) throw new Error('typescript imported by the server (a dev dependency)');
  return next(specifier, context);
}`),
);
