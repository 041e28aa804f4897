import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectPii, findOwnEmail, findPersonalData, ibanIsValid, maskPersonalData } from '../../src/contract/pii-detect.js';
import { firstNames } from '../../src/contract/data/first-names.js';

/** What the detector reports for `text`, as `kind: matched text` pairs. */
const found = (text: string) => findPersonalData(text).map((m) => `${m.kind}: ${m.text}`);

describe('personal data detection: what must be found', () => {
  const cases: [string, string, string[]][] = [
    ['an e-mail address', 'Écrivez-moi à jean.dupont+caf@exemple-mail.fr svp', ['email: jean.dupont+caf@exemple-mail.fr']],
    ['an e-mail with accents in the name', 'contact : éloïse.martin@laposte.net.', ['email: éloïse.martin@laposte.net']],
    ['a mobile number with spaces', 'appelez le 06 12 34 56 78 le matin', ['phone: 06 12 34 56 78']],
    ['a landline with dots', 'Tél. 01.23.45.67.89', ['phone: 01.23.45.67.89']],
    ['a number with dashes', 'au 04-72-61-60-61 merci', ['phone: 04-72-61-60-61']],
    ['a number without separators', 'mon portable 0712345678.', ['phone: 0712345678']],
    ['a number with mixed separators', 'joignable au 06 12 34 56.78', ['phone: 06 12 34 56.78']],
    ['+33 with spaces', 'depuis l’étranger : +33 6 12 34 56 78', ['phone: +33 6 12 34 56 78']],
    ['+33 with (0)', '+33 (0)1 23 45 67 89 le soir', ['phone: +33 (0)1 23 45 67 89']],
    ['+33 without separators', '(+33612345678)', ['phone: +33612345678']],
    ['0033', 'au 0033 6 12 34 56 78', ['phone: 0033 6 12 34 56 78']],
    ['a number with non-breaking spaces', 'au 06\u00a012\u00a034\u00a056\u00a078', ['phone: 06\u00a012\u00a034\u00a056\u00a078']],
    ['a NIR with spaces', 'Mon numéro de sécu est 1 85 05 78 006 084 91.', ['nir: 1 85 05 78 006 084 91']],
    ['a NIR written in one block', 'NIR 293027512345668', ['nir: 293027512345668']],
    ['a Corsican NIR (2A)', 'né à Ajaccio : 2 85 02 2A 012 345 78', ['nir: 2 85 02 2A 012 345 78']],
    ['a French IBAN with spaces', 'virement sur FR76 3000 6000 0112 3456 7890 189 et rien reçu', ['iban: FR76 3000 6000 0112 3456 7890 189']],
    ['an IBAN without spaces, lower case', 'rib fr7630006000011234567890189', ['iban: fr7630006000011234567890189']],
    ['a German IBAN', 'IBAN DE89 3704 0044 0532 0130 00.', ['iban: DE89 3704 0044 0532 0130 00']],
    ['an IBAN with letters in the account', 'GB82 WEST 1234 5698 7654 32', ['iban: GB82 WEST 1234 5698 7654 32']],
    ['an allocataire number', 'mon numéro d’allocataire CAF : 1234567', ['file_number: 1234567']],
    ['a file number after "dossier"', 'le dossier 2023-AB-45891 est bloqué', ['file_number: 2023-AB-45891']],
    ['"n°" touching the code', 'mon dossier n°20231145 est en attente', ['file_number: 20231145']],
    ['a reference with letters', 'Réf. : AB123456, toujours rien', ['file_number: AB123456']],
    ['an English case number', 'my case number is 98765432', ['file_number: 98765432']],
    ['"matricule"', 'matricule 7801234X', ['file_number: 7801234X']],
  ];
  for (const [what, text, expected] of cases) {
    it(`finds ${what}`, () => assert.deepEqual(found(text), expected));
  }

  it('finds several kinds in one text, in order, with exact positions', () => {
    const text = 'Tél 06 12 34 56 78, mail a.b@c.fr, allocataire 1234567.';
    const matches = findPersonalData(text);
    assert.deepEqual(
      matches.map((m) => m.kind),
      ['phone', 'email', 'file_number'],
    );
    for (const m of matches) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('reports an IBAN once, not also as a phone or file number inside it', () => {
    assert.deepEqual(found('mon IBAN : FR76 3000 6000 0112 3456 7890 189'), ['iban: FR76 3000 6000 0112 3456 7890 189']);
  });

  it('reports the e-mail, not a "file number" inside it', () => {
    assert.deepEqual(found('référence dossier123456@exemple.fr'), ['email: dossier123456@exemple.fr']);
  });

  it('counts positions in UTF-16 units, so emoji before the data do not shift them', () => {
    const text = '😡😡 appelez le 06 12 34 56 78';
    const [m] = findPersonalData(text);
    assert.equal(text.slice(m!.start, m!.end), '06 12 34 56 78');
  });
});

describe('personal data detection: what must not be flagged', () => {
  const clean: [string, string][] = [
    ['dates', 'Le 12/03/2024, puis le 01.02.2023 10h30 et le 2024-03-12, j’ai appelé.'],
    ['a date with dashes after "dossier"', 'dossier déposé le 12-03-2024, dossier du 2024-03-12'],
    ['a date written in words', 'dossier déposé le 12 mars 2024'],
    ['amounts', 'On m’a réclamé 1 250,50 €, puis 150000 euros, soit 0,50 € par jour.'],
    ['an amount after a keyword', 'un dossier de 150000 € de travaux'],
    ['postcodes', 'Je suis passé au guichet de 75011 Paris puis à 69003 Lyon.'],
    ['a postcode after "numéro"', 'numéro 75011'],
    ['years and counts', 'En 2023, j’ai attendu 45 minutes, le dossier fait 1500 pages.'],
    ['short service numbers', 'J’ai appelé le 32 30 puis le 36 46 et le 3939.'],
    ['a NIR-shaped number with a wrong key', 'numéro 1 85 05 78 006 084 92 ?'],
    ['an IBAN-shaped string with a wrong check', 'FR76 3000 6000 0112 3456 7890 188'],
    ['a 9-digit number starting with 0', 'le code 012345678 ne marche pas'],
    ['an ordinary sentence with keywords', 'Mon dossier a été traité par le numéro vert, référence à la loi.'],
    ['a short "n°"', 'le guichet n°3 était fermé, bureau n° 12'],
    ['times', 'ouvert de 08 30 à 12 00'],
    ['an "@" that is not an address', 'rendez-vous @ la mairie, @CAF_69 sur les réseaux'],
  ];
  for (const [what, text] of clean) {
    it(`does not flag ${what}`, () => assert.deepEqual(found(text), []));
  }

  it('finds nothing in an empty text', () => assert.deepEqual(findPersonalData(''), []));
});

describe('IBAN check digits', () => {
  it('accepts valid IBANs of several countries and refuses altered ones', () => {
    assert.ok(ibanIsValid('FR7630006000011234567890189'));
    assert.ok(ibanIsValid('DE89 3704 0044 0532 0130 00'));
    assert.ok(!ibanIsValid('FR7630006000011234567890188'));
    assert.ok(!ibanIsValid('FR76'), 'too short');
  });
});

describe('findings and masking', () => {
  it('gives the server positions per field, never the text', () => {
    const flags = detectPii({ title: 'Appel au 06 12 34 56 78', body: 'Écrivez à a@b.fr pour le dossier 2023-AB-45891 svp.' });
    assert.deepEqual(flags, [
      { field: 'title', kind: 'phone', start: 9, end: 23 },
      { field: 'body', kind: 'email', start: 10, end: 16 },
      { field: 'body', kind: 'file_number', start: 33, end: 46 },
    ]);
    assert.ok(!JSON.stringify(flags).includes('a@b.fr'));
  });

  it('masks every finding and leaves the rest exactly as typed', () => {
    const text = 'Tél 06 12 34 56 78 ou a.b@c.fr — merci !';
    assert.equal(maskPersonalData(text, '[masqué]'), 'Tél [masqué] ou [masqué] — merci !');
    assert.deepEqual(findPersonalData(maskPersonalData(text, '[masqué]')), []);
  });

  it('masks only the findings it is given', () => {
    const text = 'a.b@c.fr et 06 12 34 56 78';
    const [email] = findPersonalData(text);
    assert.equal(maskPersonalData(text, '[hidden]', [email!]), '[hidden] et 06 12 34 56 78');
  });
});

describe('personal data written to slip through', () => {
  const names = { firstNames: firstNames() };
  const disguised: [string, string, string][] = [
    ['a zero-width space inside an e-mail', 'écrivez à jean.du\u200bpont@exemple.fr merci', 'email: jean.du\u200bpont@exemple.fr'],
    ['zero-width spaces inside a phone number', 'au 06\u200b12\u200b34\u200b56\u200b78 svp', 'phone: 06\u200b12\u200b34\u200b56\u200b78'],
    ['full-width digits', 'appelez le ０６ １２ ３４ ５６ ７８', 'phone: ０６ １２ ３４ ５６ ７８'],
    ['slashes between pairs', 'au 06/12/34/56/78', 'phone: 06/12/34/56/78'],
    ['"(at)" and "(dot)"', 'mail : paul (at) exemple (dot) fr', 'email: paul (at) exemple (dot) fr'],
    ['"arobase" and "point"', 'mail : marc arobase orange point fr', 'email: marc arobase orange point fr'],
    ['a soft hyphen in an e-mail', 'sarah.k\u00ad@exemple.fr', 'email: sarah.k\u00ad@exemple.fr'],
    ['a name after a civility', 'reçue par Mme Martin hier', 'name: Martin'],
    ['a first name and a surname', 'Jean Dupont m’a aidé', 'name: Jean Dupont'],
    ['a postal address', 'J’habite au 12 rue de la Paix, 75002 Paris depuis 2019.', 'address: 12 rue de la Paix, 75002 Paris'],
    ['a birth date', 'je suis née le 12/03/1985 à Lyon', 'birth_date: 12/03/1985'],
    ['a number plate', 'ma voiture AB-123-CD a été enlevée', 'plate: AB-123-CD'],
  ];
  for (const [what, text, expected] of disguised) {
    it(`finds ${what}, reporting the text as typed`, () => assert.deepEqual(findPersonalData(text, names).map((m) => `${m.kind}: ${m.text}`), [expected]));
  }

  it('masks the disguised text whole, invisible characters included', () => {
    const text = 'Tél 06\u200b12\u200b34\u200b56\u200b78 ou a.b\u200b@c.fr.';
    assert.equal(maskPersonalData(text, '[masqué]'), 'Tél [masqué] ou [masqué].');
  });

  it('does not flag a place named after someone, a role, or a lone first name', () => {
    assert.deepEqual(found('Le lycée Victor Hugo, M. le Maire, Madame la Directrice et Kevin à l’accueil'), []);
    assert.deepEqual(findPersonalData('Le lycée Victor Hugo et la rue Jean Jaurès', names), []);
  });

  it('finds the author’s own address however it is written', () => {
    const text = 'Écrivez à J E A N . D U P O N T @ exemple . fr, ou Jean.Dupont(at)Exemple(dot)FR, ou jean.dupont\u200b@exemple.fr';
    const own = findOwnEmail(text, 'jean.dupont@exemple.fr');
    assert.deepEqual(
      own.map((m) => m.text),
      ['J E A N . D U P O N T @ exemple . fr', 'Jean.Dupont(at)Exemple(dot)FR', 'jean.dupont\u200b@exemple.fr'],
    );
    assert.deepEqual(findOwnEmail('écrivez à paul@exemple.fr', 'jean.dupont@exemple.fr'), []);
  });
});
