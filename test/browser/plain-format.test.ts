import { expect } from '@open-wc/testing';
import { pluralForm } from '../../src/contract/count.js';
import { LOCALE } from '../../src/contract/locale.js';
import { TESTIMONIES_EN } from '../../src/elements/testimonies/testimonies.strings.en.js';
import { TESTIMONIES_FR } from '../../src/elements/testimonies/testimonies.strings.js';
import { formatDay, formatDecimal, formatPercent, formatQuantity } from '../../src/internal/plain-format.js';

// What the lists write without `Intl` must be, character for character, what `Intl` writes in this browser.

const LANGS = ['fr', 'en'] as const;
const HOUR = 3_600_000;
const longDate = (lang: 'fr' | 'en') => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'Europe/Paris', dateStyle: 'long' });

/** A repeatable sequence of numbers in [0, 1) (a test that fails must fail again the same way). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('formatting without Intl', () => {
  it('writes the Paris day of a timestamp as Intl does, hour by hour across the clock changes of 2025 to 2027', () => {
    for (const lang of LANGS) {
      const intl = longDate(lang);
      for (let time = Date.UTC(2025, 0, 1); time < Date.UTC(2028, 0, 1); time += HOUR) {
        const iso = new Date(time).toISOString();
        expect(formatDay(iso, lang), `${iso} in ${lang}`).to.equal(intl.format(time));
      }
    }
  });

  it('writes the Paris day as Intl does around midnight and at the clock changes of every year from 1996 to 2099', () => {
    const next = random(21);
    for (const lang of LANGS) {
      const intl = longDate(lang);
      for (let year = 1996; year <= 2099; year++) {
        // The minutes around 22:00 and 23:00 UTC (midnight in Paris) and 01:00 UTC (the clock change), each month.
        for (let month = 0; month < 12; month++) {
          const day = 1 + Math.floor(next() * 31);
          for (const hour of [0, 1, 21, 22, 23]) {
            for (const minute of [0, 59]) {
              const time = Date.UTC(year, month, day, hour, minute, 59, 999);
              const iso = new Date(time).toISOString();
              expect(formatDay(iso, lang), `${iso} in ${lang}`).to.equal(intl.format(time));
            }
          }
        }
      }
    }
  });

  it('writes a YYYY-MM-DD day, an offset timestamp and text that is not a date as the Intl-based formatDate does', () => {
    for (const lang of LANGS) {
      const intl = longDate(lang);
      for (const day of ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31', '2024-02-29']) {
        expect(formatDay(day, lang)).to.equal(intl.format(new Date(`${day}T12:00:00Z`)));
      }
      expect(formatDay('2026-11-26T00:30:00+01:00', lang)).to.equal(lang === 'fr' ? '26 novembre 2026' : '26 November 2026');
      expect(formatDay('2026-11-25T23:30:00Z', lang)).to.equal(lang === 'fr' ? '26 novembre 2026' : '26 November 2026');
      expect(formatDay('pas une date', lang)).to.equal('pas une date');
    }
  });

  it('rounds and writes decimals as Intl does, halves included (1.15 is "1,2", not toFixed’s "1.1"), with a real minus sign', () => {
    const next = random(7);
    const samples = [0, 1, 1.05, 1.15, 1.25, 2.45, 2.675, 0.35, 9.95, 99.95, 999.95, 1234.56, 1_000_000.05, 0.049, 0.05];
    for (let i = 0; i < 2000; i++) samples.push(Math.round(next() * 10 ** (1 + (i % 6))) / 10 ** (i % 4));
    for (const lang of LANGS) {
      for (const [max, min] of [[1, 0], [1, 1], [2, 0], [0, 0]] as const) {
        const intl = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: max, minimumFractionDigits: min });
        const negative = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: max, minimumFractionDigits: min, signDisplay: 'exceptZero' });
        for (const n of samples) {
          expect(formatDecimal(n, lang, max, min), `${n} (${min}–${max}) in ${lang}`).to.equal(intl.format(n));
          // Intl writes a hyphen where French typography wants a minus sign (U+2212).
          expect(formatDecimal(-n, lang, max, min), `−${n} in ${lang}`).to.equal(negative.format(-n).replace('-', '\u2212'));
        }
      }
      // A negative number that rounds to 0 is "0" (Intl would write "-0"); what String writes with an exponent too.
      expect(formatDecimal(-0.01, lang, 1)).to.equal('0');
      expect(formatDecimal(1e-7, lang, 2)).to.equal('0');
      // Beyond any widget's figures, and what is not a number: Intl's text, never an exception.
      for (const n of [1e21, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatDecimal(n, lang, 1)).to.equal(new Intl.NumberFormat(LOCALE[lang]).format(n));
    }
  });

  it('writes a ratio as a percentage with one decimal as Intl does, from the ratio’s own digits (0.1235 is "12,4 %")', () => {
    const next = random(3);
    const samples = [0, 1, 0.75, 0.1235, 0.0005, 0.00049, 0.999, 0.9995, 0.145];
    for (let i = 0; i < 2000; i++) samples.push(Math.round(next() * 10 ** (2 + (i % 4))) / 10 ** (2 + (i % 4)));
    for (const lang of LANGS) {
      const intl = new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
      for (const n of samples) expect(formatPercent(n, lang), `${n} in ${lang}`).to.equal(intl.format(n));
    }
  });

  it('writes a number of days with its unit in the right plural as Intl’s long units do, with the testimonies’ own patterns', () => {
    const forms = { fr: [TESTIMONIES_FR.days_one, TESTIMONIES_FR.days_other], en: [TESTIMONIES_EN.days_one, TESTIMONIES_EN.days_other] } as const;
    const samples = [0, 0.5, 1, 1.04, 1.05, 1.5, 1.95, 2, 2.25, 10, 1000.5, 1999.99];
    for (let n = 0; n < 40; n += 0.05) samples.push(n);
    for (const lang of LANGS) {
      const intl = new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 });
      for (const n of samples) expect(formatQuantity(n, lang, ...forms[lang]), `${n} days in ${lang}`).to.equal(intl.format(n));
    }
  });

  it('picks the plural form our strings have as Intl.PluralRules does (its "many" of French millions reads as "other")', () => {
    const samples = [0, 1, 1.5, 1.99, 2, 1_000_000, 2_000_000, 1_000_001, -1, -1.5, -2];
    for (let n = 0; n < 3000; n += n < 10 ? 0.05 : 1) samples.push(Math.round(n * 100) / 100);
    for (const lang of LANGS) {
      const intl = new Intl.PluralRules(LOCALE[lang]);
      for (const n of samples) expect(pluralForm(n, lang), `${n} in ${lang}`).to.equal(intl.select(n) === 'one' ? 'one' : 'other');
    }
  });
});
