import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

/** `npm run lint` runs ESLint with the project's eslint.config.js: these check that config catches real problems. */
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The errors ESLint reports for `code` as if it were the file at `path` (nothing is written). */
async function errorsOf(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  assert.ok(result, 'a result');
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const element = (template: string) => `import { html, LitElement } from 'lit';

export class SppExample extends LitElement {
  label = 'Exemple';
  level = 'info';
  override render() {
    return html\`${template}\`;
  }
}
`;

const ELEMENT_PATH = 'src/elements/example/example.ts';

describe('lint (eslint.config.js)', () => {
  it('passes a clean element', async () => {
    assert.deepEqual(await errorsOf(element('<img src="logo.svg" alt=${this.label} /><ul role="list"><li>un</li></ul>'), ELEMENT_PATH), []);
  });

  it('fails an image without a text alternative in an element template (lit-a11y)', async () => {
    const errors = await errorsOf(element('<p>${this.label}</p><img src="logo.svg" />'), ELEMENT_PATH);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /^lit-a11y\/alt-text: /);
  });

  it('fails a button with no accessible name and a positive tabindex (lit-a11y)', async () => {
    const errors = await errorsOf(element('<div role="button" tabindex="3"></div>'), ELEMENT_PATH);
    assert.ok(errors.some((e) => e.startsWith('lit-a11y/accessible-name: ')), errors.join('\n'));
    assert.ok(errors.some((e) => e.startsWith('lit-a11y/tabindex-no-positive: ')), errors.join('\n'));
  });

  it('fails the same attribute bound twice in a template (lit)', async () => {
    const errors = await errorsOf(element('<p class=${this.level} class="note">${this.label}</p>'), ELEMENT_PATH);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /^lit\/no-duplicate-template-bindings: /);
  });

  it('fails a redundant role, but not role="list" on a list (kept for WebKit under list-style: none)', async () => {
    const errors = await errorsOf(element('<ol role="list"><li>un</li></ol><button role="button">${this.label}</button>'), ELEMENT_PATH);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /no-redundant-role: "button" role is implicit in <button> element/);
  });

  it('fails an unused variable in server code (typescript-eslint) and a browser global there (node globals)', async () => {
    assert.deepEqual(await errorsOf('export const x = (_unused: number, { a: _a, ...rest }: { a: 1; b: 2 }) => rest;\n', 'server/example.ts'), []);
    const errors = await errorsOf('export function f() {\n  const left = 1;\n  return 2;\n}\n', 'server/example.ts');
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /^@typescript-eslint\/no-unused-vars: 'left' is assigned a value but never used/);
    const js = await errorsOf('export const title = () => document.title;\n', 'scripts/example.mjs');
    assert.deepEqual(js, ["no-undef: 'document' is not defined."]);
  });

  it('finds no error in the repository', async () => {
    const results = await new ESLint({ cwd: root }).lintFiles(['.']);
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath.slice(root.length + 1)}:${m.line} ${m.ruleId}: ${m.message}`),
    );
    assert.deepEqual(errors, []);
    assert.ok(results.some((r) => r.filePath.endsWith('src/elements/testimony-form/structure-picker.ts')), 'the elements are linted');
    assert.ok(results.some((r) => r.filePath.endsWith('server/app.ts')), 'the server is linted');
  });
});
