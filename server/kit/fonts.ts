import { createRequire } from 'node:module';

/**
 * The kit's files use Source Sans Pro (Adobe, SIL Open Font License), shipped by the `source-sans-pro` npm
 * package: Marianne is reserved to State sites and may not be redistributed, and no file may depend on the
 * fonts of the machine that renders it. The PDFs embed subsets of these files; the PNGs are drawn with them.
 */
const require = createRequire(import.meta.url);
const ttf = (name: string) => require.resolve(`source-sans-pro/TTF/SourceSansPro-${name}.ttf`);

export const FONT_FAMILY = 'Source Sans Pro';
export const FONTS = {
  regular: ttf('Regular'),
  italic: ttf('It'),
  semibold: ttf('Semibold'),
  bold: ttf('Bold'),
} as const;
