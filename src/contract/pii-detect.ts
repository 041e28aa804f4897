import type { PiiFinding, PiiKind } from './pii.js';
import { fold, normalizeForDetection, originalSpan, type Normalized } from './pii-normalize.js';

/**
 * Finds personal data in free text: e-mail addresses (also spelled "(at)" / "arobase" / "[dot]"), phone numbers
 * (French and international), social-security numbers (NIR, key checked), IBANs (mod-97 checked), file /
 * allocataire numbers introduced by a keyword, number plates, birth dates, postal addresses, and people's names
 * (after a civility, or a first name from `data/first-names.ts` followed by a surname). Shared by the form (warn
 * and offer to mask before sending) and the server (flag for the moderator), so both see the same thing.
 *
 * It looks at the text once its disguises are removed (`pii-normalize.ts`: zero-width characters, full-width
 * digits, odd spaces and dashes), and reports positions in the text as typed.
 *
 * Tuned against false alarms as much as misses: a citizen warned about a date or an amount stops trusting the
 * warning. Dates (other than a birth date), amounts, postcodes alone, years, short service numbers ("32 30"),
 * a lone first name, a role ("M. le Maire") and places named after people ("lycée Victor Hugo") are not reported;
 * numbers that must carry a check key (NIR, IBAN) are reported only when the key is right. The measured precision
 * and recall are printed by `test/server/pii-corpus.test.ts`.
 */

export interface PiiMatch {
  kind: PiiKind;
  /** UTF-16 offsets in the text as typed, `[start, end)`. */
  start: number;
  end: number;
  /** The matched text, as typed. */
  text: string;
}

export interface DetectOptions {
  /** Folded first names (`data/first-names.ts`); without them, names are found only after a civility. */
  firstNames?: ReadonlySet<string>;
}

/** A finding on the normalised text, before it is mapped back. */
interface Hit {
  kind: PiiKind;
  start: number;
  end: number;
}

// ---------------------------------------------------------------- e-mail

const WORD = String.raw`[\p{L}\p{N}_%+'-]+`;
const AT = String.raw`(?:\s?@\s?|\s*[(\[{<]\s*(?:at|arobase|arobas|@)\s*[)\]}>]\s*|\s+(?:at|arobase|arobas)\s+)`;
const DOT = String.raw`(?:\.|\s*[(\[{<]\s*(?:dot|point|\.)\s*[)\]}>]\s*|\s+(?:dot|point)\s+)`;
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])${WORD}(?:${DOT}${WORD})*${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}(\p{L}{2,})(?![\p{L}\p{N}])`, 'giu');
/** Spelled-out forms with bare words ("jean at free dot fr") are read as an address only with a known ending. */
const SPELLED_BARE = /\s(?:at|arobase|arobas|dot|point)\s/i;
const COMMON_TLDS = new Set(['fr', 'com', 'net', 'org', 'eu', 'be', 'ch', 'ca', 'lu', 'de', 'es', 'it', 'uk', 'io', 'info', 're', 'gp', 'mq', 'nc', 'pf']);

function* emails(text: string): Generator<Hit> {
  for (const m of text.matchAll(EMAIL)) {
    if (SPELLED_BARE.test(m[0]) && !COMMON_TLDS.has(m[1]!.toLowerCase())) continue;
    yield { kind: 'email', start: m.index, end: m.index + m[0].length };
  }
}

/** An address in canonical form: "Jean (at) Free [dot] FR" → "jean@free.fr". */
export function canonicalEmail(text: string): string {
  return normalizeForDetection(text)
    .text.toLowerCase()
    .replace(new RegExp(AT, 'gi'), '@')
    .replace(new RegExp(String.raw`\s*[(\[{<]\s*(?:dot|point|\.)\s*[)\]}>]\s*|\s+(?:dot|point)\s+`, 'gi'), '.')
    .replace(/\s+/g, '');
}

// ---------------------------------------------------------------- phones

const SEP = '[ .\\-/]';
// National format: every pair separated ("06 12 34 56 78", "06/12/34/56/78") or none at all ("0612345678"),
// which keeps "01.02.2023 10h" from reading as a phone number.
const PHONE_NATIONAL = new RegExp(String.raw`(?<![\p{L}\p{N}+])0[1-9](?:(?:${SEP}\d{2}){4}|\d{8})(?![\p{N}]|${SEP}\d)`, 'gu');
// +33 / 0033: the prefix is evidence enough to accept looser spacing and "(0)".
const PHONE_FR_INTL = new RegExp(String.raw`(?<![\p{N}])(?:\+|00)\s?33${SEP}?(?:\(0\)${SEP}?)?[1-9](?:${SEP}?\d{2}){4}(?!\p{N})`, 'gu');
// Other countries: "+" or "00", a country code, then 7 to 12 digits, in groups.
const PHONE_OTHER_INTL = new RegExp(String.raw`(?<![\p{L}\p{N}+])(?:\+|00)(?!33)[1-9]\d{0,2}(?:${SEP}?\(0\))?(?:${SEP}?\d){7,12}(?![\p{N}])`, 'gu');

function* phones(text: string): Generator<Hit> {
  for (const re of [PHONE_FR_INTL, PHONE_OTHER_INTL, PHONE_NATIONAL]) {
    for (const m of text.matchAll(re)) yield { kind: 'phone', start: m.index, end: m.index + m[0].length };
  }
}

// ---------------------------------------------------------------- NIR, IBAN

// sex, year, month, department (2A/2B for Corsica), commune, order, key; spaces, dots or dashes may split the groups.
const NIR = /(?<![\p{L}\p{N}])([1-478])[ .-]?(\d{2})[ .-]?(\d{2})[ .-]?(\d{2}|2[AB])[ .-]?(\d{3})[ .-]?(\d{3})[ .-]?(\d{2})(?![\p{L}\p{N}])/giu;

// Country code, check digits, then groups of up to 4 letters or digits, spaced or not.
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{1,4}){3,8}(?![\p{L}\p{N}])/giu;

/** `97 - (n mod 97)` over the 13 digits, with Corsica's 2A/2B read as 19/18. */
function nirKeyIsValid(digits13: string, key: string): boolean {
  const numeric = digits13.replace(/2A/i, '19').replace(/2B/i, '18');
  if (!/^\d{13}$/.test(numeric)) return false;
  return 97 - Number(BigInt(numeric) % 97n) === Number(key);
}

/** ISO 13616: move the first 4 characters to the end, letters to 10..35, the whole number mod 97 must be 1. */
export function ibanIsValid(candidate: string): boolean {
  const iban = candidate.replace(/[ -]/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34 || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function* nirs(text: string): Generator<Hit> {
  for (const m of text.matchAll(NIR)) {
    const [whole, sex, year, month, dept, commune, order, key] = m as unknown as string[];
    if (nirKeyIsValid(`${sex}${year}${month}${dept}${commune}${order}`, key!)) yield { kind: 'nir', start: m.index!, end: m.index! + whole!.length };
  }
}

/** The longest prefix (in whole groups) that passes the check: "FR76 … 189 et" keeps "FR76 … 189". */
function* ibans(text: string): Generator<Hit> {
  for (const m of text.matchAll(IBAN)) {
    const groups = m[0].split(/(?=[ -])/);
    for (let n = groups.length; n >= 1; n--) {
      const candidate = groups.slice(0, n).join('');
      if (ibanIsValid(candidate)) {
        yield { kind: 'iban', start: m.index, end: m.index + candidate.length };
        break;
      }
    }
  }
}

// ---------------------------------------------------------------- file numbers

// A keyword announcing a file number; symbols ("n°") may touch the code, words must end.
const FILE_KEYWORD =
  /(?<![\p{L}\p{N}])(?:n[°º]|no\.|num\.|r[ée]f\.|(?:num[ée]ro|dossier|allocataire|r[ée]f[ée]rence|r[ée]f|matricule|identifiant|number|case|claim|file|account)(?![\p{L}\p{N}]))/giu;
// One token after the keyword: a word, a code, or a colon / hash.
const TOKEN = /[ ]*([\p{L}\p{N}](?:[\p{L}\p{N}'°]|-(?=[\p{L}\p{N}]))*|[:#°])/uy;
const LINKING_WORD = /^(?:[\p{L}'°]{1,14}|[:#°])$/u;
const CODE = /^[\p{L}\p{N}-]{6,40}$/u;
const DATE_LIKE = /^(?:\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{1,2}-\d{1,2})$/;
const AMOUNT_AFTER = /^[ ]*(?:€|eur\b|euros?\b|k€|\$)/i;

function isFileCode(token: string): boolean {
  return CODE.test(token) && token.replace(/\D/g, '').length >= 4 && token.replace(/-/g, '').length >= 6 && !DATE_LIKE.test(token);
}

/** After a keyword, up to four linking words ("de ma demande", "CAF", ":") may come before the code. */
function* fileNumbers(text: string): Generator<Hit> {
  for (const keyword of text.matchAll(FILE_KEYWORD)) {
    let position = keyword.index + keyword[0].length;
    for (let tokens = 0; tokens < 5; tokens++) {
      TOKEN.lastIndex = position;
      const token = TOKEN.exec(text);
      if (!token) break;
      const value = token[1]!;
      const start = TOKEN.lastIndex - value.length;
      if (isFileCode(value)) {
        if (!AMOUNT_AFTER.test(text.slice(TOKEN.lastIndex))) yield { kind: 'file_number', start, end: TOKEN.lastIndex };
        break;
      }
      if (!LINKING_WORD.test(value)) break;
      position = TOKEN.lastIndex;
    }
  }
}

// ---------------------------------------------------------------- number plates

// SIV (since 2009): AB-123-CD, no I, O or U; in capitals, or in lower case with its dashes.
const PLATE_SIV = /(?<![\p{L}\p{N}-])(?:[A-HJ-NP-TV-Z]{2}[ -]?\d{3}[ -]?[A-HJ-NP-TV-Z]{2}|[a-hj-np-tv-z]{2}-\d{3}-[a-hj-np-tv-z]{2})(?![\p{L}\p{N}])/gu;
// FNI (before 2009): 1234 AB 69, only near a word about a vehicle.
const PLATE_FNI = /(?<![\p{L}\p{N}])\d{1,4}[ -]?[A-Z]{1,3}[ -]?(?:\d{2}|2A|2B|97[1-6])(?![\p{L}\p{N}])/gu;
const VEHICLE = /(?:plaque|immatricul|v[ée]hicule|voiture|auto|moto|scooter|camion|camionnette|plate|car\b|van\b)/iu;

function* plates(text: string): Generator<Hit> {
  for (const m of text.matchAll(PLATE_SIV)) yield { kind: 'plate', start: m.index, end: m.index + m[0].length };
  for (const m of text.matchAll(PLATE_FNI)) {
    if (VEHICLE.test(text.slice(Math.max(0, m.index - 60), m.index))) yield { kind: 'plate', start: m.index, end: m.index + m[0].length };
  }
}

// ---------------------------------------------------------------- birth dates

const MONTHS_FR = 'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c';
const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';
const MONTH_NUMBER: Record<string, number> = {};
for (const [i, names] of [
  ['janvier', 'janv', 'january', 'jan'],
  ['fevrier', 'fevr', 'fev', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['avril', 'avr', 'april', 'apr'],
  ['mai', 'may'],
  ['juin', 'june', 'jun'],
  ['juillet', 'juil', 'july', 'jul'],
  ['aout', 'august', 'aug'],
  ['septembre', 'sept', 'september', 'sep'],
  ['octobre', 'oct', 'october'],
  ['novembre', 'nov', 'november'],
  ['decembre', 'dec', 'december'],
].entries()) {
  for (const name of names) MONTH_NUMBER[name] = i + 1;
}
const DATE_NUMERIC = String.raw`(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4}|\d{2})`;
const DATE_WORDS = String.raw`(\d{1,2})(?:er|st|nd|rd|th)?\s+(${MONTHS_FR}|${MONTHS_EN})\.?,?\s+(\d{4})`;
const DATE_EN = String.raw`(${MONTHS_EN})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`;
const DATE_ISO = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const BIRTH_CONTEXT = String.raw`(?:n[ée]e?s?|n[ée]\(e\))(?:\s+(?:à|a)\s+[\p{L}' -]{2,30}?)?\s+le|date\s+de\s+naissance|naissance|born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?|birthday|anniversaire`;
const BIRTH_DATE = new RegExp(
  String.raw`(?<![\p{L}])(?:${BIRTH_CONTEXT})\s*(?:est\s+(?:le\s+)?|is\s+|:\s*|-\s*|,\s*|\(\s*|le\s+)?(?:${DATE_NUMERIC}|${DATE_WORDS}|${DATE_EN}|${DATE_ISO})(?![\p{N}])`,
  'giud',
);

const realDay = (day: number, month: number, year: number): boolean => {
  const full = year < 100 ? 1900 + year : year;
  const d = new Date(Date.UTC(full, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
};

function* birthDates(text: string): Generator<Hit> {
  for (const m of text.matchAll(BIRTH_DATE)) {
    const g = m.slice(1);
    let day: number, month: number, year: number;
    if (g[0]) [day, month, year] = [Number(g[0]), Number(g[1]), Number(g[2])];
    else if (g[3]) [day, month, year] = [Number(g[3]), MONTH_NUMBER[fold(g[4]!)] ?? 0, Number(g[5])];
    else if (g[6]) [day, month, year] = [Number(g[7]), MONTH_NUMBER[fold(g[6])] ?? 0, Number(g[8])];
    else [day, month, year] = [Number(g[11]), Number(g[10]), Number(g[9])];
    if (!realDay(day, month, year)) continue;
    // The date is the end of the match: it starts at its first group.
    const first = [1, 4, 7, 10].find((n) => m[n] !== undefined)!;
    yield { kind: 'birth_date', start: m.indices![first]![0], end: m.index + m[0].length };
  }
}

// ---------------------------------------------------------------- postal addresses

const STREET_TYPES = String.raw`rue avenue av\.? boulevard bd bld place pl\. all[ée]e impasse imp\. chemin ch\. route rte quai cours square passage faubourg fbg voie sentier lotissement r[ée]sidence hameau cit[ée] villa esplanade promenade parvis rond-point traverse mont[ée]e ruelle clos lieu-dit street road lane drive`;
// Either case for the first letter ("Rue", "rue"); the rest of the address regexes are case-sensitive for names.
const STREET = `(?:${STREET_TYPES.split(' ')
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|')})`;
const CONNECTOR = String.raw`(?:de|du|des|la|le|les|aux|au|et|sur|sous|en|l'|d')`;
const CAP_WORD = String.raw`(?:\p{Lu}[\p{L}'-]*|\d{1,2}(?:er)?)`;
const ANY_WORD = String.raw`[\p{L}][\p{L}'-]*`;
const FUNCTION_WORD = String.raw`(?:et|ou|mais|à|a|je|j'|depuis|pour|avec|puis|car|donc|quand|où|il|elle|on|nous|vous|qui|que|en|dans|chez|le|la|les|un|une|des|du|de|au|aux|par|sur|sans|since|and|for|with)(?![\p{L}])`;
// After the street type: a first word in any case ("rue victor hugo"), up to two more lower-case words that are
// not function words, then capitalised words and connectors.
const STREET_NAME = String.raw`(?:${CONNECTOR}\s*)*${ANY_WORD}(?:\s+(?!${FUNCTION_WORD})\p{Ll}[\p{L}'-]*){0,2}(?:\s+(?:${CONNECTOR}\s*)*${CAP_WORD})*`;
const CITY = String.raw`(?:,?\s+\d{5}(?:\s+\p{Lu}[\p{L}'-]*(?:[\s-]+(?:(?:sur|sous|en|le|la|les|lès|de)[\s-]+)?\p{Lu}[\p{L}'-]*)*)?)?`;
const HOUSE_NUMBER = String.raw`\d{1,4}(?:\s?(?:bis|ter|quater|[a-dA-D])(?![\p{L}]))?`;
const ADDRESS = new RegExp(String.raw`(?<![\p{L}\p{N}])${HOUSE_NUMBER},?\s+${STREET}\s+${STREET_NAME}${CITY}`, 'gu');
const ADDRESS_EN = new RegExp(String.raw`(?<![\p{L}\p{N}])\d{1,4}[A-Za-z]?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Close|Way|Place)(?![\p{L}])`, 'gu');
// Without a house number, an address is personal only when someone says they live there.
const LIVES_AT = new RegExp(
  String.raw`(?<![\p{L}])(?:j'habite|habite|habitons|habitent|domicili[ée]e?s?|demeurant|r[ée]sid(?:e|ant|ons)|I\s+live|living)\s+(?:au\s+|à\s+la\s+|à\s+|a\s+|dans\s+la\s+|at\s+|on\s+)?(${STREET}\s+${STREET_NAME}${CITY})`,
  'giu',
);
function* addresses(text: string): Generator<Hit> {
  for (const re of [ADDRESS, ADDRESS_EN]) {
    for (const m of text.matchAll(re)) yield { kind: 'address', start: m.index, end: m.index + m[0].trimEnd().length };
  }
  for (const m of text.matchAll(LIVES_AT)) {
    const start = m.index + m[0].length - m[1]!.length;
    yield { kind: 'address', start, end: m.index + m[0].trimEnd().length };
  }
}

// ---------------------------------------------------------------- names

const CIVILITY = String.raw`(?:M\.|MM\.|Mr\.?|Mrs\.?|Ms\.?|Mme\.?|Mmes\.?|Mlle\.?|Mlles\.?|[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|[Mm]essieurs|Dr\.?|[Dd]octeur|[Dd]octoresse|Pr\.?|[Pp]rofesseur|[Mm]a[îi]tre|M(?=\s+\p{Lu}))`;
const NAME_WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{Ll}'][\p{Ll}'-]*(?:-\p{Lu}[\p{Ll}'-]+)?|\p{Lu}{2,}(?:[-']\p{Lu}{2,})?)`;
const AFTER_CIVILITY = new RegExp(String.raw`(?<![\p{L}])${CIVILITY}\s+(${NAME_WORD}(?:[ ]${NAME_WORD}){0,2})`, 'gu');
// Candidate "first name + surname": two or three capitalised words in a row; the first must be a known first name.
const NAME_PAIR = new RegExp(String.raw`(?<![\p{L}\p{N}'-])(${NAME_WORD})(?:[ ](${NAME_WORD}))(?:[ ](${NAME_WORD}))?`, 'gu');

/** Words that follow a civility or a first name without being a name (roles, institutions, calendar words). */
const NOT_A_NAME = new Set(
  `le la les un une maire prefet prefete directeur directrice president presidente juge agent agente conseiller conseillere
  depute deputee senateur senatrice ministre responsable docteur chef cheffe commissaire capitaine adjoint adjointe secretaire
  caf cpam msa urssaf ants cnav carsat pole emploi travail france services service public publique publics mairie prefecture
  impots impot trésor tresor poste banque hopital ecole college lycee centre rue avenue boulevard place gare sncf ratp
  lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre
  novembre decembre noel paques bonjour merci cordialement madame monsieur mademoiselle et ou mais donc car ni je tu il elle nous
  vous ils elles on ce cet cette mon ma mes son sa ses ton ta tes notre votre leur leurs apres avant depuis pendant quand
  tres trop bien mal oui non the and of to in dear hello thanks sir madam
  ameli info infos assurance maladie retraite allocations familiales sécurite securite sociale etat region departement
  conseil general regional tribunal cour police gendarmerie nationale municipale internet whatsapp facebook google`
    .split(/\s+/)
    .filter(Boolean),
);
/** Before a name, these make it a place or an institution named after someone ("lycée Victor Hugo"). */
const PLACE_BEFORE = new RegExp(
  String.raw`(?:[ée]cole|coll[èe]ge|lyc[ée]e|h[ôo]pital|chu|clinique|centre|espace|salle|gymnase|stade|m[ée]diath[èe]que|biblioth[èe]que|maison|r[ée]sidence|rue|avenue|boulevard|bd|place|quai|all[ée]e|square|impasse|chemin|cours|route|station|m[ée]tro|gare|pont|parc|jardin|institut|fondation|universit[ée]|fac|facult[ée]|campus|pavillon|b[âa]timent|tour|cit[ée]|quartier|foyer|ehpad|crèche|creche|musée|musee|th[ée][âa]tre|cin[ée]ma|prix|loi|plan|dispositif|op[ée]ration|a[ée]roport|port|halle|march[ée]|zone|za|zac|zi|avenue)\s+(?:(?:de|du|des|la|le|l'|d')\s*)?$`,
  'iu',
);

const isNameWord = (word: string | undefined): word is string => !!word && !NOT_A_NAME.has(fold(word.replace(/\.$/, '')));

function* names(text: string, options: DetectOptions): Generator<Hit> {
  for (const m of text.matchAll(AFTER_CIVILITY)) {
    const words = m[1]!.split(' ');
    const kept: string[] = [];
    for (const word of words) {
      if (!isNameWord(word)) break;
      kept.push(word);
    }
    // "M. J." alone names no one; a single initial needs a surname after it.
    if (!kept.length || (kept.length === 1 && /^\p{Lu}\.$/u.test(kept[0]!))) continue;
    const start = m.index + m[0].length - m[1]!.length;
    yield { kind: 'name', start, end: start + kept.join(' ').length };
  }
  const known = options.firstNames;
  if (!known?.size) return;
  NAME_PAIR.lastIndex = 0;
  for (let m = NAME_PAIR.exec(text); m; m = NAME_PAIR.exec(text)) {
    const [whole, a, b, c] = m as unknown as [string, string, string, string | undefined];
    const upper = (w: string) => w.length > 1 && w === w.toUpperCase();
    const isFirst = (w: string) => known.has(fold(w)) && !upper(w);
    let span: string | undefined;
    if (isFirst(a) && isNameWord(b) && !/^\p{Lu}\.$/u.test(b)) {
      // "Jean Dupont", "Jean Pierre Dupont", "Marie Dupont Durand"
      span = c && isNameWord(c) && (isFirst(b) || upper(c) || !isFirst(c)) && !/^\p{Lu}\.$/u.test(c) ? whole : `${a} ${b}`;
    } else if (upper(a) && a.length > 2 && isNameWord(a) && isFirst(b)) {
      // "DUPONT Jean"
      span = `${a} ${b}`;
    }
    if (!span) {
      // Let the next word start a pair: "Merci Jean Dupont" fails on "Merci" and retries at "Jean".
      NAME_PAIR.lastIndex = m.index + a.length + 1;
      continue;
    }
    if (PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) {
      NAME_PAIR.lastIndex = m.index + span.length;
      continue;
    }
    yield { kind: 'name', start: m.index, end: m.index + span.length };
    NAME_PAIR.lastIndex = m.index + span.length;
  }
}

// ---------------------------------------------------------------- all together

// When two findings overlap, the more specific one wins (an e-mail over a file number inside it, a checked
// IBAN over the phone-like digits it contains, an address over the name of its street).
const PRIORITY: Record<PiiKind, number> = { email: 0, iban: 1, nir: 2, phone: 3, birth_date: 4, plate: 5, address: 6, file_number: 7, name: 8 };

function hits(text: string, options: DetectOptions): Hit[] {
  return [
    ...emails(text),
    ...ibans(text),
    ...nirs(text),
    ...phones(text),
    ...birthDates(text),
    ...plates(text),
    ...addresses(text),
    ...fileNumbers(text),
    ...names(text, options),
  ];
}

function resolve(all: Hit[]): Hit[] {
  all.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const hit of all) {
    if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Every piece of personal data in `text`, in order, without overlaps; positions in `text` as typed. */
export function findPersonalData(text: string, options: DetectOptions = {}): PiiMatch[] {
  if (!text) return [];
  const normalized: Normalized = normalizeForDetection(text);
  return resolve(hits(normalized.text, options)).map((hit) => {
    const { start, end } = originalSpan(normalized, hit.start, hit.end);
    return { kind: hit.kind, start, end, text: text.slice(start, end) };
  });
}

/**
 * Where the author's own e-mail address appears in `text`, however it is written: case, zero-width characters,
 * full-width letters, "(at)" / "arobase" / "[dot]", spaces between the letters. Its positions, as typed.
 */
export function findOwnEmail(text: string, email: string): PiiMatch[] {
  const target = canonicalEmail(email);
  if (target.length < 5 || !text) return [];
  const normalized = normalizeForDetection(text);
  const out: PiiMatch[] = [];
  // Through the e-mail detector: every spelled-out form it reads.
  for (const hit of emails(normalized.text)) {
    if (canonicalEmail(normalized.text.slice(hit.start, hit.end)) === target) {
      const { start, end } = originalSpan(normalized, hit.start, hit.end);
      out.push({ kind: 'email', start, end, text: text.slice(start, end) });
    }
  }
  // Letter by letter, ignoring spaces: "j e a n . d u p o n t @ …".
  const squeezed: number[] = [];
  let compact = '';
  for (let i = 0; i < normalized.text.length; i++) {
    if (/\s/.test(normalized.text[i]!)) continue;
    compact += normalized.text[i]!.toLowerCase();
    squeezed.push(i);
  }
  for (let at = compact.indexOf(target); at !== -1; at = compact.indexOf(target, at + target.length)) {
    const { start, end } = originalSpan(normalized, squeezed[at]!, squeezed[at + target.length - 1]! + 1);
    if (!out.some((o) => start < o.end && o.start < end)) out.push({ kind: 'email', start, end, text: text.slice(start, end) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Findings for a testimony's title and story, positions only (what the server stores for the moderator). */
export function detectPii(fields: { title?: string; body?: string }, options: DetectOptions = {}): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const field of ['title', 'body'] as const) {
    for (const { kind, start, end } of findPersonalData(fields[field] ?? '', options)) out.push({ field, kind, start, end });
  }
  return out;
}

/** Replaces each finding with `replacement` ("[masqué]"), leaving the rest of the text exactly as typed. */
export function maskPersonalData(
  text: string,
  replacement: string,
  matches: readonly PiiMatch[] = findPersonalData(text),
): string {
  let out = text;
  for (const match of [...matches].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, match.start) + replacement + out.slice(match.end);
  }
  return out;
}
