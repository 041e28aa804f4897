import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { count, mb, progress, table, verdict } from './report.js';

/**
 * Import: `npm run import` on a generated experiences export in the real format (Opendatasoft field ids, `;`,
 * BOM, structures named by typology and title, tags as feelings, French dates in three forms, replies on 3 in 4,
 * some descriptions over several lines), into a fresh SQLite database that already holds the structures. The
 * import runs in a child process so its peak memory (max RSS) is its own. Budget (DESIGN.md): >= 20,000 rows/s
 * and < 200 MB for 500,000 rows.
 */
export interface ImportOptions {
  rows: number;
  structures: number;
}

export interface ImportResult {
  /** Node flags of `npm run import` the child ran with. */
  memoryFlags: string[];
  rows: number;
  structures: number;
  fileBytes: number;
  generatedSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  cpuSeconds: number;
  inserted: number;
  rejected: number;
  /** Peak resident memory of the importing process, bytes. */
  peakRss: number;
  /** Resident memory of that process just before the timed import (runtime, compiled command, database open). */
  baselineRss: number;
}

const ROOT = resolve(import.meta.dirname, '..');
export const IMPORT_BUDGET = { rowsPerSecond: 20_000, peakRssBytes: 200 * 1024 * 1024 };

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const FEELINGS = ['Positif', 'Neutre', 'Négatif', ''];
const WORDS = 'accueil dossier rendez-vous téléphone attente agent réponse délai formulaire pièce justificatif guichet courrier aide démarche explication'.split(' ');

/** A tiny deterministic generator: the same file on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function generate(dir: string, options: ImportOptions): Promise<{ structuresFile: string; experiencesFile: string }> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const structuresFile = join(dir, 'export-structures.csv');
  const names: [string, string][] = [];
  const structureLines = ['\ufeffcode_sp_de_la_structure;reseau;intitule_de_la_typologie;intitule_de_la_structure;code_sp_structure_parent'];
  for (let i = 0; i < options.structures; i++) {
    const [network, typology] = pick([
      ['Préfectures', 'Préfecture'],
      ["Caisses d'allocations familiales", "Caisse d'allocations familiales"],
      ['France Services', 'France Services'],
      ['Services des impôts des particuliers', 'Service des impôts des particuliers'],
    ] as const);
    const title = `${typology} n° ${i + 1}`;
    names.push([typology, title]);
    structureLines.push(`BENCH-${i + 1};${network};${typology};${title};`);
  }
  writeFileSync(structuresFile, structureLines.join('\r\n') + '\r\n');

  const experiencesFile = join(dir, 'export-experiences.csv');
  const out = createWriteStream(experiencesFile);
  const header =
    'id_experience;etat_experience;ecrit_le;date_de_publication;titre;description;poste_comme;ressenti_usager;intitule_typologie_1;intitule_structure_1;reponse_structure_1;intitule_typologie_2;intitule_structure_2;reponse_structure_2;reactivite;relation;information_explication;accessibilite;simplicite_complexite;pays;code_postal_usager;date_de_premiere_reponse';
  let buffer = `\ufeff${header}\r\n`;
  for (let i = 0; i < options.rows; i++) {
    const day = 1 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const year = 2021 + Math.floor(rnd() * 4);
    const form = i % 3;
    const written =
      form === 0
        ? `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`
        : form === 1
          ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`
          : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const published = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 1)).padStart(2, '0')}`;
    const replied = rnd() < 0.75;
    const two = rnd() < 0.1;
    const words = Array.from({ length: 25 + Math.floor(rnd() * 40) }, () => pick(WORDS)).join(' ');
    const description = i % 10 === 0 ? `"${words}.\nMerci ; à bientôt."` : `${words}.`;
    const index = Math.floor(rnd() * names.length);
    const [typology, title] = names[index]!;
    const [typology2, title2] = two ? names[(index + 1) % names.length]! : ['', ''];
    const row = [
      String(100000 + i),
      replied ? 'Traitée' : 'En attente de réponse',
      written,
      published,
      `Expérience ${i}: ${pick(WORDS)} et ${pick(WORDS)}`,
      description,
      rnd() < 0.9 ? 'Usager' : 'Aidant',
      pick(FEELINGS.slice(0, 3)),
      typology,
      title,
      replied ? 'Merci pour votre message, nous le transmettons au service concerné.' : '',
      typology2,
      title2,
      two && replied ? 'Merci, nous en prenons note.' : '',
      pick(FEELINGS),
      pick(FEELINGS),
      pick(FEELINGS),
      pick(FEELINGS),
      pick(FEELINGS),
      'France',
      String(10000 + Math.floor(rnd() * 85000)),
      replied ? published : '',
    ];
    buffer += `${row.join(';')}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return { structuresFile, experiencesFile };
}

export async function runImportSection(options: ImportOptions): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'spp-bench-import-'));
  try {
    progress(`import: generating ${count(options.rows)} experiences in the real format`);
    const generatedAt = performance.now();
    const { structuresFile, experiencesFile } = await generate(dir, options);
    const generatedSeconds = (performance.now() - generatedAt) / 1000;
    progress(`import: importing them (SQLite, child process)`);
    // The memory flags of `npm run import` (package.json), so the figure is the command's.
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import!;
    const memoryFlags = script.split(' ').filter((arg) => arg.startsWith('--max-'));
    // Compiled first, as `npm run import` runs its command (server/cli/compiled.mjs): the timing starts after that.
    const child = spawnSync(process.execPath, [...memoryFlags, join(ROOT, 'server/cli/compiled.mjs'), join(ROOT, 'bench/import-child.ts'), join(dir, 'data'), structuresFile, experiencesFile], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`the import failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
    const measured = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<ImportResult, 'memoryFlags' | 'rows' | 'structures' | 'fileBytes' | 'generatedSeconds'>;
    return { memoryFlags, rows: options.rows, structures: options.structures, fileBytes: statSync(experiencesFile).size, generatedSeconds, ...measured };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatImport(result: ImportResult): string {
  const rate = result.rowsPerSecond;
  return [
    `  node ${result.memoryFlags.join(' ')} (the flags of npm run import): V8 otherwise grows its heap lazily far past what a streaming import holds`,
    `  ${count(result.rows)} experiences (${mb(result.fileBytes)} CSV, generated in ${result.generatedSeconds.toFixed(1)} s) naming ${count(result.structures)} structures by title`,
    table([
      ['measure', 'value', 'budget', ''],
      ['rows/s (SQLite)', count(Math.round(rate)), `>= ${count(IMPORT_BUDGET.rowsPerSecond)}`, verdict(rate >= IMPORT_BUDGET.rowsPerSecond)],
      ['import time (wall clock)', `${result.seconds.toFixed(1)} s`, '', ''],
      ['rows per CPU second (user + system: the rate with a core to itself, I/O waits aside)', count(Math.round(result.rows / result.cpuSeconds)), '', ''],
      ['peak memory (max RSS of the importing process, npm run import\'s heap flags)', mb(result.peakRss), `< ${mb(IMPORT_BUDGET.peakRssBytes)}`, verdict(result.peakRss < IMPORT_BUDGET.peakRssBytes)],
      ['  of which before the import (Node, the compiled command, database)', mb(result.baselineRss), '', ''],
      ['rows inserted / rejected', `${count(result.inserted)} / ${count(result.rejected)}`, '', ''],
    ]),
  ].join('\n');
}
