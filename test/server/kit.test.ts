import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultsResponse } from '../../src/contract/index.js';
import { ENGAGEMENTS_EN } from '../../src/data/engagements.en.js';
import { ENGAGEMENTS_FR } from '../../src/data/engagements.fr.js';
import { upsertStructure } from '../../server/store/structures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The communication kit of a structure, through HTTP: the page (FR, EN), the PDFs read back with poppler
 * (`pdfinfo`, `pdftotext`, `pdffonts`), the PNG images' size, the e-mail signature, the 404 and no-results cases.
 */

const STRUCTURE = 'CAF-69';
const NAME = 'CAF du Rhône';
const A4 = /Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/;
const A3 = /Page size:\s+841\.8\d? x 1190\.5\d? pts \(A3\)/;

let folder: string;
let fileCount = 0;
function poppler(tool: 'pdfinfo' | 'pdftotext' | 'pdffonts', pdf: Buffer, args: string[] = []): string {
  const path = join(folder, `file-${++fileCount}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [path, '-'] : [...args, path], { encoding: 'utf8' });
}
/** pdftotext breaks lines where the PDF wraps them: compare texts with all whitespace as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u00a0|\u202f/g, ' ');

function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const decode = (html: string) =>
  html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The figure the kit should print for an indicator: its latest value as the results card writes a percentage. */
function latestPercent(results: ResultsResponse): { label: string; value: string; period: string } {
  const indicator = results.indicators.find((i) => i.unitType === 'percent' && i.points.at(-1)?.value != null && i.family === 'performance')!;
  const point = indicator.points.at(-1)!;
  // One decimal for percentages, as everywhere (docs/wording.md).
  const value = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(point.value! / 100);
  const [year, quarter] = point.period.split('-Q');
  return { label: indicator.label, value, period: `${quarter === '1' ? '1er' : `${quarter}e`} trimestre ${year}` };
}

describe('communication kit: /kit/{code} and its files', () => {
  let server: TestServer;
  let results: ResultsResponse;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'spp-kit-'));
    server = await startTestServer();
    results = (await server.app.inject(`/api/v1/structures/${STRUCTURE}/results`)).json();
    // A structure with no published result, and one whose 9 engagements all carry long local commitments.
    await upsertStructure(server.store.db, { code: 'MAIRIE-TEST', name: 'Mairie de Testville', networkCode: 'COMMUNE', level: 'site', city: 'Testville' }, 'Communes');
    await upsertStructure(server.store.db, { code: 'WORDY-1', name: 'Service départemental à l’intitulé particulièrement long de la Haute-Garonne', networkCode: 'COMMUNE', level: 'site' }, 'Communes');
    await server.store.db
      .insertInto('local_commitments')
      .values(
        Array.from({ length: 9 }, (_, i) => ({
          id: `wordy-${i + 1}`,
          structure_code: 'WORDY-1',
          engagement: i + 1,
          text: `Engagement local numéro ${i + 1} : ${'nous prenons le temps de vous expliquer chaque étape de votre démarche, '.repeat(3)}fin.`,
          since: null,
          position: 0,
        })),
      )
      .execute();
  });
  after(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves the kit page in French under a strict CSP: name, commitments, figures with their period, downloads', async () => {
    const res = await server.app.inject(`/kit/${STRUCTURE}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.ok(!/<script>|style="/.test(res.body), 'no inline script or style');
    const body = decode(res.body);
    assert.match(body, /<html lang="fr">/);
    assert.match(body, /<h1>Kit de communication – CAF du Rhône<\/h1>/);
    assert.ok(body.includes('Notre numéro 32 30 est gratuit depuis le 1er janvier 2021.'), 'local commitment');
    const figure = latestPercent(results);
    assert.ok(flat(body).includes(flat(`${figure.label} : ${figure.value} (${figure.period}`)), `figure with its period: ${figure.label}`);
    for (const path of ['engagements.pdf', 'engagements.pdf?size=A3', 'results.pdf', 'signature.html', 'social/1.png', 'social/10.png']) {
      assert.ok(body.includes(`href="/kit/${STRUCTURE}/${path}"`), `links to ${path}`);
    }
    // Articles editable in place, with copy buttons for text and HTML.
    assert.match(body, /id="long-article" class="editable" contenteditable="true" role="textbox"/);
    assert.match(body, /data-copy="html" data-target="short-article"/);
    assert.doesNotMatch(body, /id="no-results"/);
  });

  it('gives posts within 280 characters, built from its own links and figures', async () => {
    const body = decode((await server.app.inject(`/kit/${STRUCTURE}`)).body);
    const posts = [...body.matchAll(/<textarea id="post-([\w-]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => ({ id: m[1]!, text: m[2]! }));
    assert.ok(posts.length >= 5, `${posts.length} posts`);
    for (const post of posts) assert.ok(post.text.length <= 280, `${post.id}: ${post.text.length} characters`);
    const result = posts.find((p) => p.id === 'result-1')!;
    assert.ok(result.text.includes(`/resultats/${STRUCTURE}`) && /\d/.test(result.text), result.text);
    assert.ok(posts.find((p) => p.id === 'engagement-2')!.text.includes('32 30'));
    assert.ok(posts.find((p) => p.id === 'opinion')!.text.includes(`/form/${STRUCTURE}`));
  });

  it('gives the citizens’ words beside each engagement; engagements 6 and 7 share theirs', async () => {
    const body = decode((await server.app.inject(`/kit/${STRUCTURE}`)).body);
    const shared = ENGAGEMENTS_FR.pillars[2]!.engagements[0]!.quote!;
    assert.equal(body.split(shared).length - 1, 2, 'the shared words appear under engagement 6 and 7');
    for (const pillar of ENGAGEMENTS_FR.pillars) for (const e of pillar.engagements) if (e.quote) assert.ok(body.includes(e.quote), `words of ${e.number}`);
  });

  it('serves the page in English', async () => {
    const res = await server.app.inject(`/kit/${STRUCTURE}?lang=en`);
    assert.equal(res.statusCode, 200);
    const body = decode(res.body);
    assert.match(body, /<html lang="en">/);
    assert.match(body, /<h1>Communication kit – CAF du Rhône<\/h1>/);
    assert.ok(body.includes(ENGAGEMENTS_EN.pillars[0]!.engagements[1]!.text));
    assert.ok(body.includes(`href="/kit/${STRUCTURE}/engagements.pdf?lang=en"`));
    assert.ok(body.includes(`/resultats/${STRUCTURE}?lang=en`));
  });

  it('answers a 404 page for an unknown structure, on the page and on every file, never echoing markup', async () => {
    for (const path of ['', '/engagements.pdf', '/results.pdf', '/signature.html', '/social/1.png']) {
      const res = await server.app.inject(`/kit/NOPE-1${path}`);
      assert.equal(res.statusCode, 404, path);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /Service introuvable/);
    }
    const en = await server.app.inject('/kit/NOPE-1?lang=en');
    assert.match(en.body, /Service not found/);
    const hostile = await server.app.inject('/kit/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.equal(hostile.statusCode, 404);
    assert.ok(!hostile.body.includes('<script>alert'));
    assert.equal((await server.app.inject(`/kit/${STRUCTURE}/social/42.png`)).statusCode, 404);
    const size = await server.app.inject(`/kit/${STRUCTURE}/engagements.pdf?size=A5`);
    assert.equal(size.statusCode, 400);
    assert.equal(size.json().errors[0].field, 'size');
  });

  it('says so when a structure has no results, and leaves results out', async () => {
    const body = decode((await server.app.inject('/kit/MAIRIE-TEST')).body);
    assert.match(body, /id="no-results"/);
    assert.match(body, /Aucun résultat de qualité de service n’est encore publié/);
    assert.ok(!body.includes('/kit/MAIRIE-TEST/results.pdf'), 'no results poster offered');
    assert.ok(!body.includes('/social/10.png'), 'no result image offered');
    assert.ok(!body.includes('Engagement qualité #6]'), 'no result post');
    assert.ok(!/Rendre compte des résultats/.test(body), 'no results paragraph in the long article');
    const pdf = await server.app.inject('/kit/MAIRIE-TEST/results.pdf');
    assert.equal(pdf.statusCode, 404);
    assert.match(pdf.body, /Aucun résultat de qualité de service n’est encore publié/);
    assert.equal((await server.app.inject('/kit/MAIRIE-TEST/social/10.png')).statusCode, 404);
    // The engagements poster does not need results.
    const poster = await server.app.inject('/kit/MAIRIE-TEST/engagements.pdf');
    assert.equal(poster.statusCode, 200);
    assert.ok(!flat(poppler('pdftotext', poster.rawPayload)).includes('Nos résultats de qualité de service :'));
  });

  it('engagements.pdf: one A4 page (and one A3 page), fonts embedded, tagged, with the name, the 9 engagements and the commitments as text', async () => {
    for (const [query, size] of [['', A4], ['?size=A3', A3]] as const) {
      const res = await server.app.inject(`/kit/${STRUCTURE}/engagements.pdf${query}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const info = poppler('pdfinfo', res.rawPayload);
      assert.match(info, /Pages:\s+1\n/);
      assert.match(info, size);
      assert.match(info, /Tagged:\s+yes/);
      const fonts = poppler('pdffonts', res.rawPayload).split('\n').slice(2).filter(Boolean);
      assert.ok(fonts.length > 0 && fonts.every((line) => /SourceSansPro.* yes yes yes /.test(line)), fonts.join('\n'));
      const text = flat(poppler('pdftotext', res.rawPayload));
      assert.ok(text.includes(NAME));
      for (const pillar of ENGAGEMENTS_FR.pillars) for (const e of pillar.engagements) assert.ok(text.includes(flat(e.text)), `engagement ${e.number}`);
      assert.ok(text.includes('Notre numéro 32 30 est gratuit depuis le 1er janvier 2021.'));
      assert.ok(text.includes(`/form/${STRUCTURE}`), 'the testimony form address under the QR code');
      // What a screen reader follows: the name as the title heading, each engagement as a paragraph, the QR code as a figure with its text.
      const tree = poppler('pdfinfo', res.rawPayload, ['-struct-text']);
      assert.match(tree, /H1 \(block\)\n\s+"CAF du Rhône"/);
      assert.match(tree, /P \(block\)\n\s+"2\. Nous sommes joignables/);
      assert.match(tree, /Figure/);
    }
  });

  it('engagements.pdf still fits one page with a long name and nine long commitments', async () => {
    for (const query of ['', '?size=A3']) {
      const res = await server.app.inject(`/kit/WORDY-1/engagements.pdf${query}`);
      assert.match(poppler('pdfinfo', res.rawPayload), /Pages:\s+1\n/);
      const text = flat(poppler('pdftotext', res.rawPayload));
      assert.ok(text.includes('Engagement local numéro 9'), 'the last commitment is printed');
    }
  });

  it('engagements.pdf in English', async () => {
    const res = await server.app.inject(`/kit/${STRUCTURE}/engagements.pdf?lang=en`);
    const text = flat(poppler('pdftotext', res.rawPayload));
    assert.ok(text.includes('Our service engagements'));
    assert.ok(text.includes(flat(ENGAGEMENTS_EN.pillars[1]!.engagements[0]!.text)));
  });

  it('results.pdf: one A4 page with the name, every indicator and its latest value and period', async () => {
    const res = await server.app.inject(`/kit/${STRUCTURE}/results.pdf`);
    assert.equal(res.statusCode, 200);
    const info = poppler('pdfinfo', res.rawPayload);
    assert.match(info, /Pages:\s+1\n/);
    assert.match(info, A4);
    const text = flat(poppler('pdftotext', res.rawPayload));
    assert.ok(text.includes(NAME));
    for (const indicator of results.indicators) assert.ok(text.includes(indicator.label), indicator.label);
    const figure = latestPercent(results);
    assert.ok(text.includes(flat(figure.value)), figure.value);
    assert.ok(text.includes(figure.period), figure.period);
    assert.ok(text.includes(`/resultats/${STRUCTURE}`), 'the online results address under the QR code');
    const en = flat(poppler('pdftotext', (await server.app.inject(`/kit/${STRUCTURE}/results.pdf?lang=en`)).rawPayload));
    assert.ok(en.includes('Our quality-of-service results'));
    assert.match(en, /Q[1-4] \d{4}/);
  });

  it('results.pdf fits twelve indicators on one A4 page, and no more than twelve', async () => {
    const db = server.store.db;
    await upsertStructure(db, { code: 'MANY-1', name: 'Service aux quatorze indicateurs', networkCode: 'COMMUNE', level: 'site' }, 'Communes');
    await db
      .insertInto('indicators')
      .values(
        Array.from({ length: 14 }, (_, i) => ({
          code: `IND-MANY-${String(i + 1).padStart(2, '0')}`,
          network_code: null,
          label: `Indicateur de test numéro ${i + 1} au libellé assez long pour tenir sur deux lignes`,
          original_label: null,
          family: 'performance',
          unit_type: 'percent',
          unit: '%',
          direction: 'higher',
          target: 80,
          methodology: 'Test.',
          sources: null,
          position: 1000 + i,
        })),
      )
      .execute();
    await db
      .insertInto('results')
      .values(
        Array.from({ length: 14 }, (_, i) => ({
          structure_code: 'MANY-1',
          indicator_code: `IND-MANY-${String(i + 1).padStart(2, '0')}`,
          period: '2026-Q2',
          period_start: '2026-04-01',
          period_end: '2026-06-30',
          value: 70 + i,
          sample_size: null,
          network_average: null,
          updated_at: '2026-07-15',
        })),
      )
      .execute();
    const res = await server.app.inject('/kit/MANY-1/results.pdf');
    assert.match(poppler('pdfinfo', res.rawPayload), /Pages:\s+1\n/);
    const text = flat(poppler('pdftotext', res.rawPayload));
    assert.ok(text.includes('numéro 12 au libellé'), 'the twelfth indicator');
    assert.ok(!text.includes('numéro 13 au libellé'), 'not the thirteenth');
    assert.ok(text.includes('81,0 %') && text.includes('2e trimestre 2026'));
  });

  it('social/{n}.png: 1200 × 630 images of each engagement and each result, with their alternative text on the page', async () => {
    const page = decode((await server.app.inject(`/kit/${STRUCTURE}`)).body);
    const count = results.indicators.length;
    for (const n of [1, 2, 9, 10, 9 + count]) {
      const res = await server.app.inject(`/kit/${STRUCTURE}/social/${n}.png`);
      assert.equal(res.statusCode, 200, `image ${n}`);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.deepEqual(pngSize(res.rawPayload), { width: 1200, height: 630 });
      const img = page.match(new RegExp(`<img src="/kit/${STRUCTURE}/social/${n}\\.png" alt="([^"]+)"`));
      assert.ok(img, `image ${n} shown with an alt`);
      assert.ok(img[1]!.includes(NAME), img[1]);
    }
    assert.equal((await server.app.inject(`/kit/${STRUCTURE}/social/${10 + count}.png`)).statusCode, 404);
    assert.match(page, /alt="[^"]*Engagement 2 : Nous sommes joignables[^"]*Notre numéro 32 30/);
  });

  it('signature.html: a table with inline styles only, the SP+ mark and absolute links to the results and the form', async () => {
    const res = await server.app.inject(`/kit/${STRUCTURE}/signature.html`);
    assert.equal(res.statusCode, 200);
    const body = decode(res.body);
    assert.match(body, /<table role="presentation"[^>]*style="[^"]*max-width:600px/);
    assert.match(body, /Services Publics <span style="color:#e1000f;">\+<\/span>/);
    assert.ok(body.includes(NAME));
    const links = [...body.matchAll(/<a href="([^"]+)" style="[^"]+">/g)].map((m) => m[1]);
    assert.deepEqual(links, [`http://localhost:80/resultats/${STRUCTURE}`, `http://localhost:80/form/${STRUCTURE}`]);
    assert.ok(!/<style|<script|class=|<img/.test(body), 'nothing a mail client would drop');
  });

  it('serves the public pages the links and QR codes lead to', async () => {
    const resultsPage = await server.app.inject(`/resultats/${STRUCTURE}`);
    assert.equal(resultsPage.statusCode, 200);
    assert.match(resultsPage.body, /<spp-results structure="CAF-69" results-url="http:\/\/localhost:80\/resultats\/CAF-69"><\/spp-results>/);
    const testimonies = await server.app.inject(`/temoignages/${STRUCTURE}?lang=en`);
    assert.match(testimonies.body, /<spp-testimonies structure="CAF-69" heading-level="2" lang="en"><\/spp-testimonies>/);
    assert.equal((await server.app.inject('/resultats/NOPE-1')).statusCode, 404);
  });
});
