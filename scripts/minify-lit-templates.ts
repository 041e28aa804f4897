import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Lit's `css` and `html` templates reach the bundle with their source indentation and comments: the minifier
 * does not touch the inside of template literals. The budgets (12 KB gzip for a page holding only the banner)
 * are measured on what ships, so the build squeezes them:
 * - `css` templates: comments dropped, whitespace collapsed, quoted strings left as written; around a `${...}`
 *   one space is kept (`${scope} .card` is a descendant selector);
 * - `html` templates: a run of whitespace holding a line break becomes one space, which renders the same;
 *   expressions are left alone, and so are templates holding `<pre` or `<textarea` (whitespace matters there).
 * Templates are found with the TypeScript parser, so comments, strings and regular expressions cannot fool it.
 */
export function minifyLitTemplates(srcDir: string): Plugin {
  return {
    name: 'spp-minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts') || !/\b(css|html)`/.test(code)) return null;
      const out = minifyTemplates(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}

export function minifyCss(text: string, trim = true): string {
  const out = text
    // Comments first: an apostrophe in one ("content's width") must not start a quoted string.
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};>,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/ !important/g, '!important')
            .replace(/([ :,(])0\./g, '$1.')
            .replace(/;}/g, '}'),
    )
    .join('');
  return trim ? out.trim() : out;
}

/** Line breaks and the indentation around them become one space (not after a `\`, where it would escape it). */
const collapseLines = (text: string): string => text.replace(/(?<!\\)[ \t]*(\r?\n[ \t]*)+/g, ' ');

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The source positions of a template's static parts (between the backticks and the `${ }`). */
function staticParts(template: ts.TemplateLiteral, source: ts.SourceFile): [number, number][] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart(source) + 1, template.end - 1]];
  const parts: [number, number][] = [[template.head.getStart(source) + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    parts.push([literal.getStart(source) + 1, literal.end - (ts.isTemplateTail(literal) ? 1 : 2)]);
  }
  return parts;
}

export function minifyTemplates(code: string): string {
  const source = ts.createSourceFile('module.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const parts = staticParts(node.template, source);
      if (node.tag.text === 'css') {
        // Between expressions the text is a fragment: trimming it could glue a selector to the one before.
        const whole = ts.isNoSubstitutionTemplateLiteral(node.template);
        for (const [start, end] of parts) edits.push({ start, end, text: minifyCss(code.slice(start, end), whole) });
      } else if (node.tag.text === 'html' && !parts.some(([s, e]) => /<(pre|textarea)\b/i.test(code.slice(s, e)))) {
        for (const [start, end] of parts) edits.push({ start, end, text: collapseLines(code.slice(start, end)) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const { start, end, text } of edits) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
