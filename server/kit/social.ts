import PDFDocument from 'pdfkit';
import { Resvg } from '@resvg/resvg-js';
import type { KitData } from './data.js';
import { commitmentsOf } from './data.js';
import { FONT_FAMILY, FONTS } from './fonts.js';
import { escapeHtml } from '../http/html.js';
import { kitText } from './format.js';

/**
 * 1200 × 630 images for posts (the size link previews and networks crop to), drawn as SVG and rasterised by
 * resvg (a Rust renderer shipped as a prebuilt npm package: no browser, no system font). Images 1 to 9 show an
 * engagement with the structure's commitment; images 10 and up show one result each, with its period.
 */

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;
/** Images of results start at this number (10 = the first indicator). */
export const FIRST_RESULT_IMAGE = 10;

export interface SocialImage {
  n: number;
  /** The alternative text to post with the image: everything the image says. */
  alt: string;
}

// PDFKit measures text with the same font files resvg draws with, so the wrapping matches the drawing.
let measurer: PDFKit.PDFDocument | undefined;
function measure(font: keyof typeof FONTS, size: number, text: string): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    for (const [name, file] of Object.entries(FONTS)) measurer.registerFont(name, file);
  }
  return measurer.font(font).fontSize(size).widthOfString(text);
}

/** Greedy line wrapping; the last line gets an ellipsis when the text needs more than `maxLines`. */
function wrap(text: string, font: keyof typeof FONTS, size: number, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (measure(font, size, next) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && measure(font, size, `${last}…`) > width) last = last.replace(/\s*\S+$/, '');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

const WEIGHTS: Record<keyof typeof FONTS, string> = { regular: 'font-weight="400"', italic: 'font-weight="400" font-style="italic"', semibold: 'font-weight="600"', bold: 'font-weight="700"' };

function textLines(lines: string[], x: number, y: number, size: number, lineHeight: number, font: keyof typeof FONTS, fill: string): string {
  return lines
    .map((line, i) => `<text x="${x}" y="${y + i * lineHeight}" font-family="${FONT_FAMILY}" font-size="${size}" ${WEIGHTS[font]} fill="${fill}">${escapeHtml(line)}</text>`)
    .join('');
}

/** The images this structure's kit offers, with their alternative text. */
export function socialImages(data: KitData): SocialImage[] {
  const name = data.structure.name;
  const images: SocialImage[] = data.engagements.map((e) => {
    const commitment = commitmentsOf(data, e.number)[0];
    const here = commitment ? ` ${kitText(data.lang, 'imageHere', { commitment })}` : '';
    return { n: e.number, alt: kitText(data.lang, 'imageEngagementAlt', { name, n: e.number, text: e.text, here }) };
  });
  data.figures.forEach((f, i) => {
    const target = f.target ? kitText(data.lang, 'imageAltTarget', { target: f.target }) : '';
    images.push({
      n: FIRST_RESULT_IMAGE + i,
      alt: kitText(data.lang, 'imageFigureAlt', { name, label: f.label, value: f.value, period: f.period, target }),
    });
  });
  return images;
}

function frame(data: KitData, body: string): string {
  const name = wrap(data.structure.name, 'semibold', 30, 1000, 1)[0]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_WIDTH}" height="${SOCIAL_HEIGHT}" viewBox="0 0 ${SOCIAL_WIDTH} ${SOCIAL_HEIGHT}">
<rect width="1200" height="630" fill="#ffffff"/>
<rect width="1200" height="16" fill="#000091"/>
<rect x="0" y="16" width="24" height="614" fill="#f5f5fe"/>
<text x="80" y="92" font-family="${FONT_FAMILY}" font-size="38" font-weight="700" fill="#000091">Services Publics <tspan fill="#e1000f">+</tspan></text>
<rect x="80" y="108" width="322" height="5" fill="#000091"/>
${body}
<rect x="80" y="528" width="1040" height="2" fill="#dddddd"/>
${textLines([name], 80, 578, 30, 36, 'semibold', '#161616')}
</svg>`;
}

/** The PNG of image `n`, or `undefined` when this structure has no such image. */
export function socialPng(data: KitData, n: number): Buffer | undefined {
  let body: string;
  if (n >= 1 && n <= 9) {
    const e = data.engagements.find((x) => x.number === n);
    if (!e) return undefined;
    const commitment = commitmentsOf(data, n)[0];
    const heading = textLines([`Engagement ${n}`], 80, 190, 34, 40, 'bold', '#e1000f');
    const size = e.text.length > 110 ? 40 : 48;
    const lines = wrap(e.text, 'bold', size, 1040, commitment ? 3 : 4);
    let y = 250;
    body = heading + textLines(lines, 80, y, size, size * 1.2, 'bold', '#000091');
    y += lines.length * size * 1.2 + 14;
    if (commitment) {
      const here = wrap(kitText(data.lang, 'imageHere', { commitment }), 'italic', 30, 1000, Math.max(1, Math.floor((500 - y) / 38) + 1));
      body += `<rect x="80" y="${y - 30}" width="6" height="${here.length * 38}" fill="#000091"/>`;
      body += textLines(here, 104, y, 30, 38, 'italic', '#161616');
    }
  } else {
    const f = data.figures[n - FIRST_RESULT_IMAGE];
    if (!f) return undefined;
    const label = wrap(f.label, 'semibold', 40, 1040, 2);
    body = textLines(label, 80, 200, 40, 48, 'semibold', '#161616');
    const vy = 200 + label.length * 48 + 100;
    body += textLines([f.value], 80, vy, 120, 120, 'bold', '#000091');
    const status = f.target ? ` · ${kitText(data.lang, 'imageTarget', { target: f.target })}` : '';
    body += textLines([`${f.period}${status}`], 80, vy + 60, 32, 38, 'regular', '#3a3a3a');
  }
  const svg = frame(data, body);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: Object.values(FONTS), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
