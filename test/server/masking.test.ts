import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PiiFinding } from '../../src/contract/index.js';
import { findingsAfterEdit, maskFindings, occurrences, readFindings } from '../../server/moderation/masking.js';

const M = '[x]';
const f = (field: 'title' | 'body', start: number, end: number, kind: PiiFinding['kind'] = 'phone'): PiiFinding => ({ field, kind, start, end });

describe('masking personal data', () => {
  const text = { title: 'Dossier 123456', body: 'Tel 0612345678 mail a@b.fr fin' };

  it('masks every finding of both fields when nothing is selected', () => {
    const out = maskFindings(text, [f('title', 8, 14, 'file_number'), f('body', 4, 14), f('body', 20, 26, 'email')], M);
    assert.equal(out.title, 'Dossier [x]');
    assert.equal(out.body, 'Tel [x] mail [x] fin');
    assert.deepEqual(out.remaining, []);
  });

  it('moves the findings left unmasked to their new place', () => {
    const out = maskFindings(text, [f('body', 4, 14), f('body', 20, 26, 'email')], M, new Set([0]));
    assert.equal(out.body, 'Tel [x] mail a@b.fr fin');
    const [left] = out.remaining;
    assert.equal(out.body.slice(left!.start, left!.end), 'a@b.fr');
  });

  it('masks an unselected finding that overlaps a selected one, as one mask', () => {
    const out = maskFindings(text, [f('body', 4, 10), f('body', 8, 14)], M, new Set([0]));
    assert.equal(out.body, 'Tel [x] mail a@b.fr fin');
    assert.deepEqual(out.remaining, []);
  });

  it('ignores stored findings that are malformed or outside the text, and clamps the ones that overflow', () => {
    const json = JSON.stringify([f('body', 4, 14), { field: 'body', kind: 'phone', start: -1, end: 2 }, f('body', 40, 50), f('title', 8, 99), 'junk']);
    assert.deepEqual(readFindings(json, text), [f('body', 4, 14), f('title', 8, 14)]);
    assert.deepEqual(readFindings('not json', text), []);
  });

  it('keeps flagged text flagged after an edit, wherever it reappears, in any case', () => {
    const after = { title: text.title, body: 'Écrire à A@B.FR ou A@B.FR' };
    const found = findingsAfterEdit(text, [f('body', 20, 26, 'email'), f('title', 8, 14, 'file_number')], after);
    assert.deepEqual(found, [f('title', 8, 14, 'file_number'), f('body', 9, 15, 'email'), f('body', 19, 25, 'email')]);
  });

  it('finds the occurrences of a value, ignoring values too short to mean anything', () => {
    assert.deepEqual(occurrences({ title: 'x', body: 'ab ab' }, [{ value: 'ab', kind: 'email' }]), []);
  });
});
