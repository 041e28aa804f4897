import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findPersonalData, type PiiMatch } from '../../src/contract/pii-detect.js';
import { firstNames } from '../../src/contract/data/first-names.js';
import type { PiiKind } from '../../src/contract/pii.js';

/**
 * Precision and recall of the personal-data detector on a labelled corpus written for this test
 * (test/fixtures/pii-corpus.txt: fictional sentences, `{{kind:text}}` marks each piece of personal data).
 * A finding counts when it overlaps a labelled piece of the same kind. The figures are printed.
 */
interface Labelled {
  text: string;
  labels: { kind: PiiKind; start: number; end: number; text: string }[];
}

function readCorpus(file = 'pii-corpus.txt'): Labelled[] {
  const raw = readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const decoded = line.replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      let text = '';
      const labels: Labelled['labels'] = [];
      let cursor = 0;
      for (const m of decoded.matchAll(/\{\{(\w+):(.*?)\}\}(?!\})/g)) {
        text += decoded.slice(cursor, m.index);
        labels.push({ kind: m[1] as PiiKind, start: text.length, end: text.length + m[2]!.length, text: m[2]! });
        text += m[2]!;
        cursor = m.index + m[0].length;
      }
      return { text: text + decoded.slice(cursor), labels };
    });
}

const overlaps = (a: { start: number; end: number; kind: string }, b: { start: number; end: number; kind: string }) =>
  a.kind === b.kind && a.start < b.end && b.start < a.end;

describe('personal data detector: precision and recall on a labelled corpus', () => {
  const corpus = readCorpus();

  it('holds at least 300 sentences, with and without personal data, of every kind', () => {
    assert.ok(corpus.length >= 300, `${corpus.length} sentences`);
    const kinds = new Set(corpus.flatMap((s) => s.labels.map((l) => l.kind)));
    assert.deepEqual([...kinds].sort(), ['address', 'birth_date', 'email', 'file_number', 'iban', 'name', 'nir', 'phone', 'plate']);
    assert.ok(corpus.filter((s) => !s.labels.length).length >= 100, 'at least 100 sentences without personal data');
  });

  it('finds >= 95 % of the personal data with >= 90 % of its findings right (printed)', () => {
    const total = measure('corpus', corpus);
    assert.ok(total.found / total.labels >= 0.95, `recall ${total.found}/${total.labels}`);
    assert.ok(total.right / total.findings >= 0.9, `precision ${total.right}/${total.findings}`);
  });

  it('on sentences written after the tuning and never used for it: figures printed, same targets', () => {
    const total = measure('held-out sentences', readCorpus('pii-corpus-heldout.txt'));
    assert.ok(total.found / total.labels >= 0.95, `recall ${total.found}/${total.labels}`);
    assert.ok(total.right / total.findings >= 0.9, `precision ${total.right}/${total.findings}`);
  });
});

function measure(name: string, corpus: Labelled[]) {
  const options = { firstNames: firstNames() };
  {
    const perKind = new Map<string, { labels: number; found: number; findings: number; right: number }>();
    const row = (kind: string) => perKind.get(kind) ?? (perKind.set(kind, { labels: 0, found: 0, findings: 0, right: 0 }), perKind.get(kind)!);
    const misses: string[] = [];
    const falseAlarms: string[] = [];
    for (const sentence of corpus) {
      const found: PiiMatch[] = findPersonalData(sentence.text, options);
      for (const label of sentence.labels) {
        row(label.kind).labels++;
        if (found.some((f) => overlaps(f, label))) row(label.kind).found++;
        else misses.push(`  missed ${label.kind} «${label.text}» in: ${sentence.text}`);
      }
      for (const f of found) {
        row(f.kind).findings++;
        if (sentence.labels.some((l) => overlaps(f, l))) row(f.kind).right++;
        else falseAlarms.push(`  false ${f.kind} «${f.text}» in: ${sentence.text}`);
      }
    }
    const total = [...perKind.values()].reduce(
      (sum, r) => ({ labels: sum.labels + r.labels, found: sum.found + r.found, findings: sum.findings + r.findings, right: sum.right + r.right }),
      { labels: 0, found: 0, findings: 0, right: 0 },
    );
    const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '–');
    const lines = [
      `personal data detector, ${name}: ${corpus.length} sentences (${total.labels} labelled pieces):`,
      `  recall ${pct(total.found, total.labels)} % (${total.found}/${total.labels}), precision ${pct(total.right, total.findings)} % (${total.right}/${total.findings})`,
      ...[...perKind.entries()].sort().map(([kind, r]) => `  ${kind.padEnd(12)} recall ${pct(r.found, r.labels).padStart(5)} % (${r.found}/${r.labels})  precision ${pct(r.right, r.findings).padStart(5)} % (${r.right}/${r.findings})`),
      ...misses,
      ...falseAlarms,
    ];
    console.log(lines.join('\n'));
    return total;
  }
}
