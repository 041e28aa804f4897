/**
 * Analyzer plugins for this codebase's conventions, so element headers stay plain JSDoc:
 * - elements register through `defineElement('spp-x', Class)` (a guarded `customElements.define`): link the tag;
 * - attribute types written as aliases (`theme: Theme`, `variant: ResultsVariant`) are spelled out as their
 *   literal unions (`'dsfr' | 'neutral'`), which is what editors, Storybook controls, JSX typings and the docs need.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

/** `defineElement('spp-results', SppResults)` → a `custom-element-definition` export, as `customElements.define` gets. */
export function defineElementPlugin() {
  return {
    name: 'spp-define-element',
    analyzePhase({ ts: tsApi, node, moduleDoc }) {
      if (!tsApi.isCallExpression(node) || !tsApi.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !tsApi.isStringLiteralLike(tag) || !tsApi.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module: moduleDoc.path } },
      ];
    },
  };
}

/**
 * Lit's internal reactive state declared without decorators (`static properties = { phase: { state: true } }`)
 * is not public API: the analyzer's Lit plugin lists it as attributes and fields; take it out.
 */
export function litStatePlugin() {
  return {
    name: 'spp-lit-state',
    analyzePhase({ ts: tsApi, node, moduleDoc }) {
      if (!tsApi.isClassDeclaration(node) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((d) => d.kind === 'class' && d.name === node.name.text);
      if (!classDoc) return;
      const internal = new Set();
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === tsApi.SyntaxKind.StaticKeyword);
        if (!isStatic || !member.name || member.name.getText() !== 'properties') continue;
        const body = tsApi.isPropertyDeclaration(member) ? member.initializer : tsApi.isGetAccessorDeclaration(member) ? member.body?.statements.find(tsApi.isReturnStatement)?.expression : undefined;
        const literal = body && tsApi.isAsExpression(body) ? body.expression : body;
        if (!literal || !tsApi.isObjectLiteralExpression(literal)) continue;
        for (const property of literal.properties) {
          if (!tsApi.isPropertyAssignment(property) || !tsApi.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) => tsApi.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === tsApi.SyntaxKind.TrueKeyword,
          );
          if (isState) internal.add(property.name.getText().replace(/^['"]|['"]$/g, ''));
        }
      }
      if (!internal.size) return;
      classDoc.attributes = (classDoc.attributes ?? []).filter((a) => !internal.has(a.fieldName ?? a.name));
      for (const doc of classDoc.members ?? []) if (internal.has(doc.name) && doc.kind === 'field') doc.privacy = 'private';
    },
  };
}

/**
 * Spells out literal-union types with the TypeScript checker. The analyzer parses files one by one (no types);
 * `createModules` (the config's `overrideModuleCreation`) also builds one program over the same files, which
 * `analyzePhase` asks what `Theme` or `Lang` really is.
 */
export function literalTypes(compilerOptions = {}) {
  let program;
  const cwd = process.cwd();
  return {
    createModules({ ts: tsApi, globs }) {
      program = ts.createProgram({
        rootNames: globs.map((file) => resolve(cwd, file)),
        options: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          moduleResolution: ts.ModuleResolutionKind.Bundler,
          experimentalDecorators: true,
          skipLibCheck: true,
          noEmit: true,
          ...compilerOptions,
        },
      });
      // What the analyzer does by default: module paths stay relative to the package.
      return globs.map((file) => tsApi.createSourceFile(file, readFileSync(resolve(cwd, file), 'utf8'), tsApi.ScriptTarget.ES2015, true));
    },
    plugin: {
      name: 'spp-literal-types',
      analyzePhase({ ts: tsApi, node, moduleDoc }) {
        if (!program || !tsApi.isClassDeclaration(node) || !node.name) return;
        const classDoc = moduleDoc.declarations?.find((d) => d.kind === 'class' && d.name === node.name.text);
        const source = program.getSourceFile(resolve(cwd, node.getSourceFile().fileName));
        const twin = source && findClass(source, node.name.text);
        if (!classDoc || !twin) return;
        const checker = program.getTypeChecker();
        for (const member of twin.members) {
          if (!(ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member)) || !member.name || !ts.isIdentifier(member.name)) continue;
          const text = literalUnion(checker, checker.getTypeAtLocation(member));
          if (!text) continue;
          const name = member.name.text;
          for (const doc of classDoc.members ?? []) if (doc.name === name && doc.kind === 'field') doc.type = { text };
          for (const doc of classDoc.attributes ?? []) if (doc.fieldName === name) doc.type = { text };
        }
      },
    },
  };
}

/** `'dsfr' | 'neutral'` for a union of string or number literals; `undefined` for anything else (booleans too). */
function literalUnion(checker, type) {
  if (!type.isUnion() || (type.flags & ts.TypeFlags.Boolean) !== 0) return undefined;
  const values = type.types.filter((t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0);
  if (!values.length || !values.every((t) => (t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) !== 0)) return undefined;
  return type.types.map((t) => checker.typeToString(t).replace(/^"(.*)"$/, "'$1'")).join(' | ');
}

function findClass(source, name) {
  let found;
  const visit = (node) => {
    if (found) return;
    if (ts.isClassDeclaration(node) && node.name?.text === name) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
