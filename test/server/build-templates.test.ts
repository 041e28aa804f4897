import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyTemplates } from '../../scripts/minify-lit-templates.js';

// The build step that squeezes Lit templates (the e2e suite renders the squeezed bundle): what it must never break.
describe('build: Lit template minification', () => {
  it('minifies CSS without touching strings, calc() or descendant pseudo-classes', () => {
    const css = `
      /* comment */
      :host([theme='neutral']) .a > .b ,  .c :hover {
        content: ' · : ; { ';
        margin: 0.5rem calc(100% - 1rem) -0.25rem 10.5px;
        display: none !important;
      }
      @media (prefers-color-scheme: dark) { .d { color: rgb(0 0 18 / 16%); } }
    `;
    assert.equal(
      minifyCss(css),
      ":host([theme='neutral']) .a>.b,.c :hover{content:' · : ; { ';margin:.5rem calc(100% - 1rem) -0.25rem 10.5px;display:none!important}@media (prefers-color-scheme:dark){.d{color:rgb(0 0 18 / 16%)}}",
    );
  });

  it('minifies css`` templates, keeping one space next to an expression (a descendant selector)', () => {
    const source = 'const a = css`\n  .x {\n    color: red;\n  }\n`;\nconst b = css`.y { color: ${red}; }`;';
    assert.equal(minifyTemplates(source), 'const a = css`.x{color:red}`;\nconst b = css`.y{color:${red}}`;');
    const scoped = 'const c = css`\n  ${scope} .card,\n  ${scope} h2 {\n    margin: 0;\n  }\n`;';
    assert.equal(minifyTemplates(scoped), 'const c = css` ${scope} .card,${scope} h2{margin:0}`;');
  });

  it('drops a comment holding an apostrophe without taking it for a string', () => {
    assert.equal(minifyCss("/* the content's width */ .a { color: red; }"), '.a{color:red}');
  });

  it('collapses the indentation of html`` templates, nested ones included, leaving expressions as written', () => {
    const source = [
      'const t = html`<ul>',
      '    ${items.map((i) => {',
      '      // a comment with html` in it',
      '      const label = i.name',
      '      return html`<li>',
      '        ${label}',
      '      </li>`',
      '    })}',
      '  </ul>`;',
    ].join('\n');
    assert.equal(
      minifyTemplates(source),
      [
        'const t = html`<ul> ${items.map((i) => {',
        '      // a comment with html` in it',
        '      const label = i.name',
        '      return html`<li> ${label} </li>`',
        '    })} </ul>`;',
      ].join('\n'),
    );
  });

  it('leaves pre and textarea templates, plain template strings and comments alone', () => {
    const source = [
      'const p = html`<pre>',
      '  keep\n</pre>`;',
      'const s = `line one',
      '  line two`;',
      '// html` in a comment',
      'const n = 1;',
    ].join('\n');
    assert.equal(minifyTemplates(source), source);
  });
});
