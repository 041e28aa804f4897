import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../store/database.js';
import { prepareDatabase } from '../prepare.js';
import { ImportUsageError, importOpenData, type FileReport, type ImportReport } from '../import/importer.js';
import { progressBar } from '../import/progress-bar.js';

const USAGE = `Usage: npm run import -- <file or folder>... [options]

Loads Services Publics+ open-data exports (structures, indicator catalogue, results, published
experiences; CSV with ";" or Opendatasoft JSON) into the database of DATA_DIR or DATABASE_URL.
A folder gives its .csv and .json files. See docs/import.md for the accepted columns.

Options:
  --batch-size N   rows per transaction (default 10000)
  --restart        ignore where an interrupted import stopped and read every file again
  --defer-indexes  SQLite: build the experience indexes once at the end, whatever the
                   files' size (by default only for big experience files)
  --json           print the report as JSON
  --all            list every rejection (default: the first 50 of each file)
  -h, --help       this help

Exit status: 0 imported (rejected rows are listed in the report), 2 a file could not be imported
at all, 1 an error stopped the import (rerun the same command to resume it).`;

const display = (file: string) => relative(process.cwd(), file) || file;

function printReport(report: ImportReport, location: string, all: boolean): void {
  const out: string[] = [`Imported into ${location}`, ''];
  const counts = (r: Pick<FileReport, 'read' | 'inserted' | 'updated' | 'unchanged' | 'rejected'>) =>
    `read ${r.read}, inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}`;
  for (const file of report.files) {
    const what = file.dataset ? `${file.dataset}, ${file.format.toUpperCase()}${file.encoding === 'utf-8' ? '' : `, ${file.encoding}`}` : 'not imported';
    out.push(`${display(file.file)} (${what})`);
    if (file.dataset) out.push(`  ${counts(file)}`);
    if (file.resumedFromLine) out.push(`  resumed after line ${file.resumedFromLine} (${file.skipped} rows were already committed)`);
    if (file.unknownColumns.length) out.push(`  columns ignored: ${file.unknownColumns.join(', ')}`);
    if (file.error) out.push(`  error: ${file.error}`);
  }
  out.push('', `Total: ${counts(report.totals)}`);
  const rejected = report.files.filter((f) => f.rejections.length);
  if (rejected.length) {
    out.push('', 'Rejected rows (file:line column: reason):');
    for (const file of rejected) {
      const shown = all ? file.rejections : file.rejections.slice(0, 50);
      for (const r of shown) out.push(`  ${display(r.file)}:${r.line} ${r.column || '(row)'}: ${r.reason}`);
      const more = file.rejections.length - shown.length + file.moreRejections;
      if (more > 0) out.push(`  ... and ${more} more in ${display(file.file)}${all ? '' : ' (--all or --json to see them)'}`);
    }
  }
  console.log(out.join('\n'));
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        'batch-size': { type: 'string' },
        restart: { type: 'boolean' },
        'defer-indexes': { type: 'boolean' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.positionals.length) {
    console.error(`Give a file or a folder to import.\n\n${USAGE}`);
    return 1;
  }
  const batchSize = args.values['batch-size'] === undefined ? undefined : Number(args.values['batch-size']);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    console.error('--batch-size must be a whole number of rows, e.g. --batch-size 1000');
    return 1;
  }

  const store = await openDatabase({ dataDir: process.env.DATA_DIR, databaseUrl: process.env.DATABASE_URL });
  const bar = progressBar(process.stderr);
  try {
    // Migrated like `npm start` does (safely beside a starting server), but never seeded: demo rows stay out of
    // a database meant for real data.
    await prepareDatabase(store, { seed: false });
    const report = await importOpenData(store.db, args.positionals, {
      batchSize,
      restart: args.values.restart,
      deferIndexes: args.values['defer-indexes'] || undefined,
      onProgress: (p) => bar.update(p),
    });
    bar.done();
    if (args.values.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report, `${store.dialect} ${store.location}`, !!args.values.all);
    return report.files.some((f) => f.error) ? 2 : 0;
  } catch (error) {
    bar.done();
    if (error instanceof ImportUsageError) {
      console.error(error.message);
      return 1;
    }
    console.error(`Import stopped: ${error instanceof Error ? error.message : error}`);
    console.error('Every committed batch is kept; run the same command again to resume where it stopped.');
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
