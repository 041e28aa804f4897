import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/*
 * Finds typography faults in the text we show people (docs/wording.md states the rules):
 * - a straight apostrophe in a French elision ("l'erreur", "qu'il", "aujourd'hui"): French text uses ’;
 * - a number over 999 written without a group separator ("5000") or with another space than U+202F ("5 000"):
 *   numbers are grouped with U+202F, as `Intl.NumberFormat('fr-FR')` writes them;
 * - an ordinary space before : ; ! ? » % or a unit, or after « in French text, where U+00A0 belongs; U+202F
 *   anywhere but between digits.
 * Only string literals and template text are read in TypeScript files (comments and code are not text people
 * see); HTML files are read without their tags, scripts and styles.
 */

export interface Finding {
  file: string;
  line: number;
  problem: 'straight-apostrophe' | 'bare-number' | 'breaking-space' | 'narrow-space';
  text: string;
}

// French elisions end a word of this list; English contractions ("don't", "it's", "we're") never do.
const ELISION = /(?<![\p{L}\p{N}_])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu|aujourd)'(?=\p{L})/giu;
// Four digits or more in a row, not part of a code, a version, a year, an address or another number.
const LONG_NUMBER = /(?<![\p{L}\p{N}_\-/.,:#@$%&=+])(\d{4,})(?![\p{L}\p{N}_\-/.,:@%&=])/gu;
// A group of three digits after another space than U+202F, the one `Intl.NumberFormat('fr-FR')` groups digits
// with: "5 000" that may break at the end of a line, or "5\u00a0000" a little wider than the counter's "5 000".
const SPACED_NUMBER = /(?<![\p{N}.,])\d{1,3}(?:[ \u00a0]\d{3})+(?![\p{N}])/gu;
// An ordinary space before : ; ! ? » or a unit (% s min h € Ko px...), or after «.
const BREAKING = /(?:^|\S)[ ](?:[;!?»]|:(?=\s|$))|«[ ]|(?:\d|\})[ ](?:%|s|min|h|€|Ko|Mo|Go|px|km)(?![\p{L}\p{N}’'])/gu;
// French words that tell French text apart from English in a mixed file (a string holding none is not checked
// for spaces: "a : b" in code, English "Yes ?" would not be ours to judge).
const FRENCH = /(?<![\p{L}])(?:le|la|les|des|du|une|est|vous|nous|votre|vos|pour|dans|sur|pas|avec|aux|au|et|ou|à|été|être|ce|cette|ces|qui|que|il|elle)(?![\p{L}])/iu;

function isYear(digits: string): boolean {
  const n = Number(digits);
  return digits.length === 4 && n >= 1900 && n <= 2100;
}

/** A French postcode ("74000 Annecy", "« 69003 »") is a code, never grouped. */
function isPostcode(text: string, index: number, digits: string): boolean {
  if (digits.length !== 5) return false;
  const after = text.slice(index + 5);
  const before = text.slice(0, index);
  return /^[\s\u00a0]+\p{Lu}/u.test(after) || (/«[\s\u00a0]?$/.test(before) && /^[\s\u00a0]?»/.test(after));
}

// Attributes of markup written in a template ("maxlength=\"5000\"", "width=\"1200\""): code, except those read aloud.
const CODE_ATTRIBUTE = /(?<![\w-])(?!(?:alt|title|aria-label|placeholder|content|label)=)[\w:@.?-]+=(?:"[^"]*"|'[^']*')/g;

/** The faults of one piece of text, `english` when it is known to be English (only numbers are checked). */
export function textFaults(text: string, english = false): Array<{ problem: Finding['problem']; excerpt: string }> {
  const faults: Array<{ problem: Finding['problem']; excerpt: string }> = [];
  text = text.replace(CODE_ATTRIBUTE, (m) => ' '.repeat(m.length));
  const around = (index: number) => text.slice(Math.max(0, index - 30), index + 30).replace(/\s+/g, ' ').trim();
  if (!english) {
    for (const m of text.matchAll(ELISION)) faults.push({ problem: 'straight-apostrophe', excerpt: around(m.index) });
  }
  for (const m of text.matchAll(LONG_NUMBER)) {
    if (!isYear(m[1]!) && !isPostcode(text, m.index, m[1]!)) faults.push({ problem: 'bare-number', excerpt: around(m.index) });
  }
  if (!english) {
    for (const m of text.matchAll(SPACED_NUMBER)) faults.push({ problem: 'bare-number', excerpt: around(m.index) });
    // The no-break space we write is U+00A0; U+202F only groups digits ("5\u202f000"), as `Intl` does.
    for (const m of text.matchAll(/(?<!\d)\u202f|\u202f(?!\d{3})/gu)) faults.push({ problem: 'narrow-space', excerpt: around(m.index) });
    if (FRENCH.test(text) || /[éèêàùçôîœ’«»]/iu.test(text)) {
      for (const m of text.matchAll(BREAKING)) faults.push({ problem: 'breaking-space', excerpt: around(m.index) });
    }
  }
  return faults;
}

/** Whether a node sits in the English half of a table: under an `en` key, or in a file of English strings. */
function inEnglish(node: ts.Node, file: string): boolean {
  if (/\.en\.ts$|engagements\.en\.ts$/.test(file)) return true;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isPropertyAssignment(n) && /^(en|english|EN)$/.test(n.name.getText())) return true;
    if (ts.isVariableDeclaration(n) && /(^en$|_EN$|En$|English|ENGLISH)/.test(n.name.getText())) return true;
    if (ts.isConditionalExpression(n)) {
      const condition = n.condition.getText();
      const inTrue = node.pos >= n.whenTrue.pos && node.end <= n.whenTrue.end;
      if (/===\s*'en'/.test(condition)) return inTrue;
      if (/===\s*'fr'/.test(condition)) return !inTrue;
    }
  }
  return false;
}

/** The faults of a TypeScript source: every string literal and template text in it. */
export function scanTypeScript(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) text = node.text;
    // Import specifiers and property names are code, not text.
    if (text !== undefined && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
      const plain = /<\/?[a-z]/i.test(text) ? htmlText(text) : text;
      for (const fault of textFaults(plain, inEnglish(node, file))) {
        findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, problem: fault.problem, text: fault.excerpt });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

/** The text of HTML a reader sees (and the attributes read aloud): no tags, scripts, styles or entities. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*?\b(?:alt|title|aria-label|placeholder|content)="([^"]*)"[^>]*>/gi, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, '\u00a0')
    .replace(/&rsquo;|&#8217;/gi, '’')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
}

/** The faults of an HTML page, line by line (lines are kept so a finding names where to look). */
export function scanHtml(file: string, source: string): Finding[] {
  const blanked = source.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, (m) => m.replace(/[^\n]/g, ' '));
  const findings: Finding[] = [];
  blanked.split('\n').forEach((line, i) => {
    const lang = /lang="en"/.test(line);
    for (const fault of textFaults(htmlText(line), lang)) findings.push({ file, line: i + 1, problem: fault.problem, text: fault.excerpt });
  });
  return findings;
}

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/**
 * Every file whose text people read: the string tables of the elements and the agent app, the engagements data,
 * the validation messages of the contract (shown in forms and problem+json answers),
 * the elements' and the agent's own templates, the server's pages, mails and kit, the demo pages and the
 * configurator's table of words.
 */
export function textFiles(root: string): string[] {
  const at = (path: string) => join(root, path);
  return [
    ...walk(at('src/elements'), (p) => p.endsWith('.ts') && !p.endsWith('.styles.ts')),
    ...walk(at('src/agent'), (p) => p.endsWith('.ts') && !p.endsWith('.styles.ts')),
    ...walk(at('src/data'), (p) => p.endsWith('.ts')),
    ...walk(at('src/internal'), (p) => /\.strings.*\.ts$/.test(p)),
    at('src/contract/messages.ts'),
    at('src/contract/messages.strings.ts'),
    at('src/contract/messages.strings.en.ts'),
    at('server/mail/templates.ts'),
    at('server/mail/mail.strings.ts'),
    at('server/mail/mail.strings.en.ts'),
    at('server/store/store.strings.ts'),
    ...walk(at('server/kit'), (p) => p.endsWith('.ts')),
    ...walk(at('server/routes'), (p) => /-page|pages?\.ts$|\.strings.*\.ts$/.test(p)),
    at('server/agent/page.html'),
    ...walk(at('demo'), (p) => p.endsWith('.html')),
    at('demo/configurator.strings.js'),
  ].map((p) => relative(root, p));
}

export function scanFiles(root: string, files = textFiles(root)): Finding[] {
  return files.flatMap((file) => {
    const source = readFileSync(join(root, file), 'utf8');
    return file.endsWith('.html') ? scanHtml(file, source) : scanTypeScript(file, source);
  });
}
