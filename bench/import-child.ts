/**
 * The importing process of the bench's import section (bench/import.ts): loads the structures, then times the
 * experiences import. Prints one JSON line: timing, counts, and this process's peak memory.
 */
import { performance } from 'node:perf_hooks';
import { importOpenData } from '../server/import/importer.js';
import { prepareDatabase } from '../server/prepare.js';
import { openDatabase } from '../server/store/database.js';

const [dataDir, structuresFile, experiencesFile] = process.argv.slice(2) as [string, string, string];
const store = await openDatabase({ dataDir });
try {
  await prepareDatabase(store, { seed: false });
  const structures = await importOpenData(store.db, [structuresFile]);
  if (structures.totals.rejected) throw new Error(`structures rejected: ${JSON.stringify(structures.files[0]?.rejections.slice(0, 3))}`);
  globalThis.gc?.();
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await importOpenData(store.db, [experiencesFile]);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const file = report.files[0]!;
  if (file.error) throw new Error(file.error);
  if (file.rejections.length) process.stderr.write(`first rejections: ${JSON.stringify(file.rejections.slice(0, 3))}\n`);
  console.log(
    JSON.stringify({
      seconds,
      rowsPerSecond: file.read / seconds,
      // CPU time of this process (user + system): what the import costs when the machine is shared.
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      inserted: file.inserted,
      rejected: file.rejected,
      // maxRSS is in kilobytes.
      peakRss: process.resourceUsage().maxRSS * 1024,
      baselineRss,
    }),
  );
} finally {
  await store.close();
}
