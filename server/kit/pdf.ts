import PDFDocument from 'pdfkit';
import type { KitData } from './data.js';
import { commitmentsOf } from './data.js';
import { FONTS } from './fonts.js';
import { formatDate, KIT, localeOf } from './format.js';
import { qrModules, qrRuns } from './qr.js';

/**
 * The kit's printable posters, drawn with PDFKit (pure JavaScript, no browser on the server): text stays text
 * (Source Sans Pro subsets embedded, Unicode mapped, so it can be selected, searched and read aloud), the
 * document is tagged (headings, paragraphs, a QR code figure with its alternative text, decoration marked as
 * artifacts) and declares its language and title. Each poster is one page: the body's font size is chosen so
 * that the content fits between the header and the footer.
 */

export type PaperSize = 'A4' | 'A3';

const BLUE = '#000091';
const RED = '#e1000f';
const TEXT = '#161616';
const GREY = '#3a3a3a';
const LIGHT = '#f5f5fe';
const CARD = '#f6f6f6';
const GREEN = '#18753c';
const ORANGE = '#b34000';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

function newDocument(size: PaperSize, title: string, lang: 'fr' | 'en'): { doc: Doc; root: Struct; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size,
    margin: 0,
    autoFirstPage: true,
    tagged: true,
    lang: localeOf(lang),
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: 'Services Publics +', Subject: title, Creator: 'Services Publics+ widgets' },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('italic', FONTS.italic);
  doc.registerFont('semibold', FONTS.semibold);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root, done };
}

/** Decoration (shapes, rules) that a screen reader must skip. */
function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

/** "Services Publics +", the red plus apart. Returns its height. */
function drawMark(doc: Doc, root: Struct, x: number, y: number, size: number): number {
  doc.font('bold').fontSize(size).fillColor(BLUE);
  const width = doc.widthOfString('Services Publics ');
  root.add(
    doc.struct('P', {}, () => {
      doc.text('Services Publics ', x, y, { lineBreak: false, continued: true }).fillColor(RED).text('+', { lineBreak: false });
    }),
  );
  artifact(doc, () => {
    doc.rect(x, y + size * 1.35, width + size * 0.6, size * 0.12).fill(BLUE);
  });
  return size * 1.6;
}

function drawQr(doc: Doc, root: Struct, text: string, alt: string, x: number, y: number, side: number): void {
  const qr = qrModules(text);
  const quiet = 2;
  const unit = side / (qr.size + quiet * 2);
  root.add(
    doc.struct('Figure', { alt }, () => {
      doc.rect(x, y, side, side).fill('#ffffff');
      for (const run of qrRuns(qr)) {
        doc.rect(x + (run.col + quiet) * unit, y + (run.row + quiet) * unit, run.length * unit + 0.01, unit + 0.01);
      }
      doc.fill('#000000');
    }),
  );
}

function text(doc: Doc, root: Struct, type: string, value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): number {
  root.add(doc.struct(type, {}, () => { doc.text(value, x, y, options); }));
  return doc.y;
}

/** The header shared by the posters: the mark, the structure's name, its network and city. Returns its bottom. */
function drawHeader(doc: Doc, root: Struct, data: KitData, k: number, title: string): number {
  const m = 40 * k;
  const width = doc.page.width - 2 * m;
  artifact(doc, () => doc.rect(0, 0, doc.page.width, 8 * k).fill(BLUE));
  let y = 26 * k;
  y += drawMark(doc, root, m, y, 15 * k);
  doc.font('bold').fontSize(24 * k).fillColor(TEXT);
  y = text(doc, root, 'H1', data.structure.name, m, y + 4 * k, { width, lineGap: 0 });
  const place = [data.structure.network.name, data.structure.city].filter(Boolean).join(' · ');
  doc.font('regular').fontSize(12 * k).fillColor(GREY);
  y = text(doc, root, 'P', place, m, y + 2 * k, { width });
  doc.font('bold').fontSize(19 * k).fillColor(BLUE);
  y = text(doc, root, 'H2', title, m, y + 12 * k, { width });
  return y + 8 * k;
}

/** The 9 engagements with the structure's local commitments and a QR code to its testimony form, on one page. */
export function engagementsPdf(data: KitData, size: PaperSize): Promise<Buffer> {
  const say = KIT.in(data.lang);
  const { doc, root, done } = newDocument(size, say('posterEngagementsDoc', { name: data.structure.name }), data.lang);
  const k = doc.page.width / 595.28;
  const m = 40 * k;
  const width = doc.page.width - 2 * m;
  const top = drawHeader(doc, root, data, k, say('posterEngagementsTitle'));
  const footerHeight = 128 * k;
  const bottom = doc.page.height - footerHeight - 12 * k;
  const indent = 32 * k;
  const textWidth = width - indent;

  // The body at font size f: pillar titles, engagement texts, commitments. Measured first, then drawn.
  const layout = (f: number, draw: boolean): number => {
    let y = top;
    for (const pillar of data.pillars) {
      doc.font('bold').fontSize(f * 1.15).fillColor(BLUE);
      if (draw) text(doc, root, 'H3', pillar.title, m, y, { width });
      y += doc.heightOfString(pillar.title, { width }) + f * 0.35;
      for (const e of pillar.engagements) {
        if (draw) {
          // A disc centred on the first line of the text, the number in it.
          const r = f * 0.85;
          const cy = y + f * 0.68;
          artifact(doc, () => doc.circle(m + r, cy, r).fill(BLUE));
          doc.font('bold').fontSize(f * 0.95).fillColor('#ffffff');
          doc.markContent('Artifact', { type: 'Layout' });
          doc.text(String(e.number), m, cy - f * 0.62, { width: 2 * r, align: 'center', lineBreak: false });
          doc.endMarkedContent();
        }
        doc.font('regular').fontSize(f).fillColor(TEXT);
        const line = `${e.number}. ${e.text}`;
        // The number is drawn in the circle for the eye; the text keeps it for a screen reader and copy-paste.
        if (draw) {
          root.add(
            doc.struct('P', {}, () => {
              doc.fillColor(TEXT).font('regular').text(`${e.number}. `, m + indent, y, { width: textWidth, continued: true });
              doc.text(e.text, { width: textWidth });
            }),
          );
        }
        y += doc.heightOfString(line, { width: textWidth }) + f * 0.15;
        for (const commitment of commitmentsOf(data, e.number)) {
          const body = `${say('posterHere')} ${commitment}`;
          doc.font('italic').fontSize(f * 0.92);
          const h = doc.heightOfString(body, { width: textWidth - 12 * k });
          if (draw) {
            artifact(doc, () => {
              doc.rect(m + indent, y, textWidth, h + 6 * k).fill(LIGHT);
              doc.rect(m + indent, y, 2.5 * k, h + 6 * k).fill(BLUE);
            });
            doc.font('italic').fontSize(f * 0.92).fillColor(BLUE);
            text(doc, root, 'P', body, m + indent + 8 * k, y + 3 * k, { width: textWidth - 12 * k });
          }
          y += h + 6 * k + f * 0.2;
        }
        y += f * 0.45;
      }
      y += f * 0.4;
    }
    return y;
  };
  let f = 15.5 * k;
  while (f > 6 * k && layout(f, false) > bottom) f -= 0.25 * k;
  layout(f, true);

  // Footer: the QR code to the testimony form, the form's and the results' addresses.
  const fy = doc.page.height - footerHeight;
  artifact(doc, () => doc.rect(m, fy, width, 0.8 * k).fill(BLUE));
  const qr = 96 * k;
  drawQr(doc, root, data.links.form, say('posterQrForm', { url: data.links.form }), m, fy + 12 * k, qr);
  const tx = m + qr + 16 * k;
  const tw = width - qr - 16 * k;
  doc.font('bold').fontSize(15 * k).fillColor(BLUE);
  let y = text(doc, root, 'H2', say('posterOpinion'), tx, fy + 14 * k, { width: tw });
  doc.font('regular').fontSize(11 * k).fillColor(TEXT);
  y = text(doc, root, 'P', say('posterOpinionText', { name: data.structure.name }), tx, y + 2 * k, { width: tw });
  doc.font('semibold').fontSize(11 * k).fillColor(BLUE);
  y = text(doc, root, 'P', data.links.form, tx, y + 1 * k, { width: tw, link: data.links.form });
  if (data.figures.length) {
    doc.font('regular').fontSize(10 * k).fillColor(TEXT);
    text(doc, root, 'P', `${say('posterResultsAt')} ${data.links.results}`, tx, y + 6 * k, { width: tw, link: data.links.results });
  }
  root.end();
  doc.end();
  return done;
}

/** The latest results (up to 12 indicators, each with its period) on one A4 page, with a QR code to the online results. */
export function resultsPdf(data: KitData): Promise<Buffer> {
  const say = KIT.in(data.lang);
  const { doc, root, done } = newDocument('A4', say('posterResultsDoc', { name: data.structure.name }), data.lang);
  const k = 1;
  const m = 40;
  const width = doc.page.width - 2 * m;
  let top = drawHeader(doc, root, data, k, say('posterResultsTitle'));
  if (data.updatedAt) {
    doc.font('regular').fontSize(11).fillColor(GREY);
    top = text(doc, root, 'P', say('posterPublished', { date: formatDate(data.updatedAt, data.lang) }), m, top - 4, { width }) + 10;
  }
  const footerHeight = 120;
  const gap = 10;
  const columns = 2;
  const rows = Math.max(1, Math.ceil(data.figures.length / columns));
  const cardWidth = (width - gap) / columns;
  const cardHeight = Math.min(150, (doc.page.height - footerHeight - 16 - top - gap * (rows - 1)) / rows);
  const pad = 10;
  const inner = cardWidth - 2 * pad;
  const list = doc.struct('L');
  root.add(list);
  data.figures.forEach((figure, i) => {
    const x = m + (i % columns) * (cardWidth + gap);
    const y = top + Math.floor(i / columns) * (cardHeight + gap);
    artifact(doc, () => {
      doc.rect(x, y, cardWidth, cardHeight).fill(CARD);
      doc.rect(x, y, 3, cardHeight).fill(BLUE);
    });
    // Sizes shrink with the card so that six rows fit; the label may take two lines.
    const s = Math.min(1, cardHeight / 120);
    const item = doc.struct('LI');
    list.add(item);
    doc.font('semibold').fontSize(11.5 * s).fillColor(TEXT);
    let cy = text(doc, item, 'P', figure.label, x + pad, y + pad * s, { width: inner, height: 30 * s, ellipsis: true });
    doc.font('bold').fontSize(28 * s).fillColor(BLUE);
    cy = text(doc, item, 'P', figure.value, x + pad, cy + 2 * s, { width: inner, lineBreak: false });
    doc.font('regular').fontSize(10.5 * s).fillColor(GREY);
    cy = text(doc, item, 'P', figure.period, x + pad, cy + 1, { width: inner, lineBreak: false });
    if (figure.target) {
      const status = say(figure.met ? 'posterMet' : 'posterNotMet');
      doc.font('semibold').fontSize(10.5 * s).fillColor(figure.met ? GREEN : ORANGE);
      text(doc, item, 'P', `${say('posterTarget', { target: figure.target })}${say('posterColon')} ${status}`, x + pad, cy + 2 * s, { width: inner, lineBreak: false });
    }
  });
  list.end();
  const fy = doc.page.height - footerHeight;
  artifact(doc, () => doc.rect(m, fy, width, 0.8).fill(BLUE));
  const qr = 92;
  drawQr(doc, root, data.links.results, say('posterQrResults', { url: data.links.results }), m, fy + 10, qr);
  const tx = m + qr + 16;
  const tw = width - qr - 16;
  doc.font('bold').fontSize(15).fillColor(BLUE);
  let y = text(doc, root, 'H2', say('posterAllResults'), tx, fy + 14, { width: tw });
  doc.font('regular').fontSize(11).fillColor(TEXT);
  y = text(doc, root, 'P', say('posterAllResultsText'), tx, y + 2, { width: tw });
  doc.font('semibold').fontSize(11).fillColor(BLUE);
  y = text(doc, root, 'P', data.links.results, tx, y + 1, { width: tw, link: data.links.results });
  doc.font('regular').fontSize(10).fillColor(TEXT);
  text(doc, root, 'P', `${say('posterTellUs')} ${data.links.form}`, tx, y + 6, { width: tw, link: data.links.form });
  doc.font('regular').fontSize(8.5).fillColor(GREY);
  text(doc, root, 'P', say('posterProgramme'), tx, doc.page.height - 22, { width: tw, lineBreak: false });
  root.end();
  doc.end();
  return done;
}
