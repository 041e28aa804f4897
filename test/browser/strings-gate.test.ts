import { expect } from '@open-wc/testing';
import { lazyStrings } from '../../src/internal/i18n.js';
import { StringsGate, untilStrings } from '../../src/internal/strings-gate.js';

/*
 * The one wait-for-English gate (src/internal/strings-gate.ts): an element in English waits for its English words,
 * and stays in French, saying so once, when they cannot be downloaded.
 */
const host = (language: 'fr' | 'en') => {
  let updates = 0;
  return { language, requestUpdate: () => void updates++, get updates() { return updates; } };
};

describe('strings gate', () => {
  it('waits for English, then gives it; French needs no wait', async () => {
    const table = lazyStrings({ hello: 'Bonjour' }, () => Promise.resolve({ hello: 'Hello' }));
    const french = new StringsGate(host('fr'), table, () => expect.fail('no failure'));
    expect(french.until()).to.equal(undefined);
    expect(french.strings.hello).to.equal('Bonjour');

    const english = new StringsGate(host('en'), table, () => expect.fail('no failure'));
    const wait = english.until();
    expect(wait).to.be.an.instanceOf(Promise);
    await wait;
    expect(english.until()).to.equal(undefined);
    expect(english.strings.hello).to.equal('Hello');
  });

  it('when English cannot be downloaded: tells it once, then speaks French for good without waiting again', async () => {
    let asked = 0;
    const table = lazyStrings({ hello: 'Bonjour' }, () => {
      asked++;
      return Promise.reject(new Error('chunk failed'));
    });
    const failures: unknown[] = [];
    const gate = new StringsGate(host('en'), table, (error) => failures.push(error));
    await gate.until();
    expect(failures).to.have.length(1);
    expect((failures[0] as Error).message).to.equal('chunk failed');
    expect(gate.strings.hello).to.equal('Bonjour');
    expect(gate.until()).to.equal(undefined);
    expect(asked).to.equal(1);
  });

  it('untilStrings waits for every table still downloading, and a failed one does not hold the update', async () => {
    const ok = lazyStrings({ a: 'A-fr' }, () => Promise.resolve({ a: 'A-en' }));
    const broken = lazyStrings({ b: 'B-fr' }, () => Promise.reject(new Error('offline')));
    const failed: unknown[] = [];
    await untilStrings('en', [ok, broken], (error) => failed.push(error));
    expect(ok('en', host('en'), () => {})?.a).to.equal('A-en');
    expect(failed).to.have.length(1);
    expect(untilStrings('fr', [ok, broken])).to.equal(undefined);
  });
});
