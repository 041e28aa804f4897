import type { ArgTypes, InputType } from 'storybook/internal/types';

/** The parts of the custom-elements manifest (schema 1.0) that Storybook uses. */
export interface ManifestItem {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
  fieldName?: string;
  attribute?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  inheritedFrom?: { name: string };
}

export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

export interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

export function elementDeclaration(manifest: Manifest, tag: string): ManifestDeclaration | undefined {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tag) return declaration;
    }
  }
  return undefined;
}

/** Every event any element fires: Storybook logs them in the Actions panel (they bubble out of the story). */
export function manifestEvents(manifest: Manifest): string[] {
  const names = new Set<string>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) for (const event of declaration.events ?? []) names.add(event.name);
  }
  return [...names].sort();
}

/** `'a' | 'b'` → `['a', 'b']`; anything that is not a union of string literals → `undefined`. */
function literalOptions(typeText: string | undefined): string[] | undefined {
  if (!typeText) return undefined;
  const parts = typeText.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  if (!parts.length || !parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

const unquote = (value: string | undefined) => (value === undefined ? undefined : value.replace(/^(['"])(.*)\1$/, '$2'));

function controlFor(typeText: string | undefined): InputType['control'] {
  const options = literalOptions(typeText);
  if (options) return options.length > 4 ? { type: 'select' } : { type: 'inline-radio' };
  switch (typeText?.replace(/\s*\|\s*undefined/, '')) {
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: 'number' };
    case 'string':
      return { type: 'text' };
    default:
      return false;
  }
}

/**
 * Controls from the element's JSDoc header: attributes (keyed by their property, which is what the default
 * render sets), public writable properties without an attribute, then events, slots, parts and `--spp-*`
 * custom properties (those have a colour or text control; the preview applies them on a wrapper).
 */
export function elementArgTypes(manifest: Manifest, tag: string): ArgTypes | null {
  const element = elementDeclaration(manifest, tag);
  if (!element) return null;
  const argTypes: ArgTypes = {};

  for (const attribute of element.attributes ?? []) {
    const key = attribute.fieldName ?? attribute.name;
    const options = literalOptions(attribute.type?.text);
    argTypes[key] = {
      // Shown as the attribute a webmaster writes; the arg is keyed by the property the default render sets.
      name: attribute.name,
      description: attribute.description,
      control: controlFor(attribute.type?.text),
      ...(options ? { options } : {}),
      table: {
        category: 'attributes',
        subcategory: attribute.inheritedFrom ? 'common to every element' : undefined,
        type: { summary: attribute.type?.text ?? 'string', detail: key !== attribute.name ? `property: ${key}` : undefined },
        defaultValue: attribute.default !== undefined ? { summary: attribute.default } : undefined,
      },
    };
  }

  for (const member of element.members ?? []) {
    if (member.kind !== 'field' || member.static || member.privacy === 'private' || member.privacy === 'protected') continue;
    if (member.attribute || argTypes[member.name]) continue;
    argTypes[member.name] = {
      name: member.name,
      description: member.description,
      control: member.readonly ? false : controlFor(member.type?.text),
      table: {
        category: 'properties',
        type: { summary: member.type?.text ?? 'unknown' },
        defaultValue: member.default !== undefined ? { summary: member.default } : undefined,
        readonly: member.readonly,
      } as InputType['table'],
    };
  }

  for (const event of element.events ?? []) {
    argTypes[`event:${event.name}`] = {
      name: event.name,
      description: event.description,
      control: false,
      table: { category: 'events', type: { summary: event.type?.text ?? 'CustomEvent' } },
    };
  }

  for (const slot of element.slots ?? []) {
    argTypes[`slot:${slot.name || 'default'}`] = {
      name: slot.name || '(default)',
      description: slot.description,
      control: false,
      table: { category: 'slots' },
    };
  }

  for (const part of element.cssParts ?? []) {
    argTypes[`part:${part.name}`] = {
      name: `::part(${part.name})`,
      description: part.description,
      control: false,
      table: { category: 'CSS shadow parts' },
    };
  }

  for (const property of element.cssProperties ?? []) {
    argTypes[property.name] = {
      name: property.name,
      description: property.description,
      control: /colou?r/i.test(property.name) ? { type: 'color' } : { type: 'text' },
      table: {
        category: 'CSS custom properties',
        defaultValue: property.default !== undefined ? { summary: unquote(property.default) ?? '' } : undefined,
      },
    };
  }

  return argTypes;
}

/** The summary, then the longer description, as written in the element's header. */
export function componentDescription(manifest: Manifest, tag: string): string | null {
  const element = elementDeclaration(manifest, tag);
  if (!element) return null;
  return [element.summary, element.description].filter(Boolean).join('\n\n') || null;
}
