/**
 * The embed configurator (`/configurator`): pick an element, a structure and options, see the element live,
 * copy the snippet. Everything it knows comes from the server: `/widgets/manifest.json` (release, versioned URL,
 * SRI hash) and the custom-elements manifest (each element's attributes, from its JSDoc header), so an element
 * added to the package appears here without touching this file. Plain DOM, no innerHTML: structure names come
 * from the API and are always set as text. The choices live in the URL, so a configuration can be shared.
 */

const ORIGIN = window.location.origin;
/** Set from the snippet or by the platform: never offered as options. */
const HIDDEN_ATTRIBUTES = new Set(['structure', 'api']);
const LANG_CHOICES = [
  ['', 'Langue de la page (par défaut)'],
  ['fr', 'Français'],
  ['en', 'English'],
];

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const state = {
  widgets: /** @type {null | {version: string, script: string, versionedScript: string, integrity: string, elements: string[], customElements: string | null}} */ (null),
  /** tag → { tag, summary, attributes: [{ name, type, default, description }] } */
  elements: new Map(),
  tag: '',
  structure: /** @type {null | {code: string, name: string}} */ (null),
  values: /** @type {Record<string, string | boolean>} */ ({}),
  script: 'versioned',
};

/** `'a' | 'b'` → ['a', 'b']; anything else → null. */
function literalOptions(typeText) {
  if (!typeText) return null;
  const parts = typeText.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  if (!parts.length || !parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p))) return null;
  return parts.map((p) => p.slice(1, -1));
}

const unquote = (value) => (value === undefined || value === null ? '' : String(value).replace(/^(['"])(.*)\1$/, '$2'));

function readElements(customElements, tags) {
  const found = new Map();
  for (const module of customElements?.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || !d.tagName || (tags.length && !tags.includes(d.tagName))) continue;
      found.set(d.tagName, {
        tag: d.tagName,
        summary: d.summary ?? d.description ?? '',
        attributes: (d.attributes ?? []).map((a) => ({ name: a.name, type: a.type?.text ?? 'string', default: unquote(a.default), description: a.description ?? '' })),
      });
    }
  }
  // Built without its manifest (only `vite build`): the common attributes are known anyway.
  for (const tag of tags) {
    if (!found.has(tag)) {
      found.set(tag, {
        tag,
        summary: '',
        attributes: [
          { name: 'lang', type: 'string', default: '', description: 'Langue du widget.' },
          { name: 'theme', type: "'dsfr' | 'neutral'", default: 'dsfr', description: '`dsfr` pour les sites de l’État, `neutral` pour les collectivités.' },
        ],
      });
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering the form

function renderElementChoice() {
  const group = $('element-choice');
  const legend = group.querySelector('legend');
  group.replaceChildren(legend);
  if (!state.elements.size) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = 'Aucun widget n’est encore publié sur ce serveur.';
    group.append(empty);
    return;
  }
  for (const element of state.elements.values()) {
    const row = document.createElement('div');
    row.className = 'choice';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'element';
    input.id = `element-${element.tag}`;
    input.value = element.tag;
    input.checked = element.tag === state.tag;
    input.addEventListener('change', () => {
      state.tag = element.tag;
      state.values = {};
      renderOptions();
      update();
    });
    const label = document.createElement('label');
    label.htmlFor = input.id;
    const name = document.createElement('code');
    name.textContent = `<${element.tag}>`;
    label.append(name);
    if (element.summary) {
      const summary = document.createElement('span');
      summary.className = 'hint-inline';
      summary.textContent = ` ${element.summary}`;
      label.append(summary);
    }
    row.append(input, label);
    group.append(row);
  }
}

function optionControl(attribute) {
  const id = `option-${attribute.name}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  const code = document.createElement('code');
  code.textContent = attribute.name;
  label.append(code);
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.id = `${id}-hint`;
  hint.textContent = attribute.description.replace(/`/g, '');

  const current = state.values[attribute.name];
  const options = attribute.name === 'lang' ? LANG_CHOICES : literalOptions(attribute.type)?.map((v) => [v, v === attribute.default ? `${v} (par défaut)` : v]);
  let control;
  if (options) {
    control = document.createElement('select');
    for (const [value, text] of options) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      control.append(option);
    }
    control.value = typeof current === 'string' ? current : attribute.name === 'lang' ? '' : attribute.default;
    control.addEventListener('change', () => setValue(attribute.name, control.value));
  } else if (attribute.type === 'boolean') {
    wrapper.classList.add('field-checkbox');
    control = document.createElement('input');
    control.type = 'checkbox';
    control.checked = current === true;
    control.addEventListener('change', () => setValue(attribute.name, control.checked));
  } else {
    control = document.createElement('input');
    control.type = attribute.type === 'number' ? 'number' : 'text';
    control.value = typeof current === 'string' ? current : '';
    control.placeholder = attribute.default;
    control.addEventListener('input', () => setValue(attribute.name, control.value.trim()));
  }
  control.id = id;
  control.name = attribute.name;
  control.setAttribute('aria-describedby', hint.id);
  if (attribute.type === 'boolean') wrapper.append(control, label, hint);
  else wrapper.append(label, hint, control);
  return wrapper;
}

function renderOptions() {
  const group = $('element-options');
  const legend = group.querySelector('legend');
  group.replaceChildren(legend);
  const element = state.elements.get(state.tag);
  const attributes = (element?.attributes ?? []).filter((a) => !HIDDEN_ATTRIBUTES.has(a.name));
  for (const attribute of attributes) group.append(optionControl(attribute));
  if (!attributes.length) {
    const none = document.createElement('p');
    none.className = 'hint';
    none.textContent = 'Ce widget n’a pas d’autre option.';
    group.append(none);
  }
}

function setValue(name, value) {
  state.values[name] = value;
  update();
}

// ---------------------------------------------------------------------------------------------------------------
// Structure search

let searchController = null;
let searchTimer = 0;

function renderStructureResults(items) {
  const list = $('structure-results');
  list.replaceChildren();
  for (const item of items) {
    const row = document.createElement('div');
    row.className = 'choice';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'structure';
    input.id = `structure-${item.code}`;
    input.value = item.code;
    input.checked = state.structure?.code === item.code;
    input.addEventListener('change', () => {
      state.structure = { code: item.code, name: item.name };
      update();
    });
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = item.name;
    const details = document.createElement('span');
    details.className = 'hint-inline';
    details.textContent = ` ${[item.postcode, item.city].filter(Boolean).join(' ')} · ${item.network.name} · code ${item.code}`;
    label.append(details);
    row.append(input, label);
    list.append(row);
  }
}

async function searchStructures(query) {
  searchController?.abort();
  searchController = new AbortController();
  const count = $('structure-count');
  try {
    const response = await fetch(`/api/v1/structures?limit=8&q=${encodeURIComponent(query)}`, { signal: searchController.signal, headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = await response.json();
    renderStructureResults(page.items);
    count.textContent = page.items.length
      ? `${page.items.length}${page.nextCursor ? ' premiers' : ''} service${page.items.length > 1 ? 's' : ''} trouvé${page.items.length > 1 ? 's' : ''}.`
      : 'Aucun service ne correspond : essayez la ville ou le code postal.';
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    count.textContent = 'La recherche ne répond pas. Vérifiez votre connexion et réessayez.';
  }
}

function onSearchInput(event) {
  clearTimeout(searchTimer);
  const query = event.target.value.trim();
  searchTimer = window.setTimeout(() => void searchStructures(query), 250);
}

// ---------------------------------------------------------------------------------------------------------------
// Snippet, preview, URL

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The attributes the snippet carries, in a stable order: structure first, then the options that differ from their default (theme always). */
function chosenAttributes() {
  const element = state.elements.get(state.tag);
  const attributes = [];
  if (state.structure) attributes.push(['structure', state.structure.code]);
  for (const attribute of element?.attributes ?? []) {
    if (HIDDEN_ATTRIBUTES.has(attribute.name)) continue;
    const value = state.values[attribute.name];
    if (attribute.type === 'boolean') {
      if (value === true) attributes.push([attribute.name, true]);
    } else if (attribute.name === 'theme') {
      attributes.push(['theme', typeof value === 'string' && value ? value : attribute.default || 'dsfr']);
    } else if (typeof value === 'string' && value !== '' && value !== attribute.default) {
      attributes.push([attribute.name, value]);
    }
  }
  return attributes;
}

function snippet() {
  const widgets = state.widgets;
  if (!widgets || !state.tag) return '';
  const script =
    state.script === 'versioned'
      ? `<script type="module" src="${ORIGIN}${widgets.versionedScript}" integrity="${widgets.integrity}" crossorigin="anonymous"></script>`
      : `<script type="module" src="${ORIGIN}${widgets.script}"></script>`;
  const attributes = chosenAttributes()
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  return `${script}\n<${state.tag}${attributes}></${state.tag}>`;
}

function renderPreview() {
  const preview = $('preview');
  if (!state.tag || !state.structure) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Choisissez un service pour voir l’aperçu.';
    preview.replaceChildren(hint);
    return;
  }
  const element = document.createElement(state.tag);
  for (const [name, value] of chosenAttributes()) element.setAttribute(name, value === true ? '' : String(value));
  // A fresh element per change, as a page load would create it; the autoloader (script in <head>) defines it.
  preview.replaceChildren(element);
}

function saveToUrl() {
  const params = new URLSearchParams();
  if (state.tag) params.set('element', state.tag);
  if (state.structure) {
    params.set('structure', state.structure.code);
    params.set('name', state.structure.name);
  }
  for (const [name, value] of Object.entries(state.values)) if (value !== '' && value !== false) params.set(name, String(value));
  if (state.script !== 'versioned') params.set('script', state.script);
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

function update() {
  $('structure-selected').textContent = state.structure ? `${state.structure.name} (${state.structure.code})` : 'aucun';
  $('kit-link').hidden = !state.structure;
  if (state.structure) $('kit-href').setAttribute('href', `/kit/${encodeURIComponent(state.structure.code)}`);
  $('snippet').textContent = snippet();
  $('copy-status').textContent = '';
  renderPreview();
  saveToUrl();
}

function restoreFromUrl() {
  const params = new URLSearchParams(location.search);
  const tag = params.get('element');
  state.tag = tag && state.elements.has(tag) ? tag : state.elements.has('spp-engagements') ? 'spp-engagements' : ([...state.elements.keys()][0] ?? '');
  const code = params.get('structure');
  if (code && /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/.test(code)) state.structure = { code, name: params.get('name') ?? code };
  const element = state.elements.get(state.tag);
  for (const attribute of element?.attributes ?? []) {
    const value = params.get(attribute.name);
    if (value === null || HIDDEN_ATTRIBUTES.has(attribute.name)) continue;
    state.values[attribute.name] = attribute.type === 'boolean' ? value === 'true' : value;
  }
  if (params.get('script') === 'latest') {
    state.script = 'latest';
    /** @type {HTMLInputElement} */ ($('script-latest')).checked = true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Copy

/** Announces through the live region: emptied first, so the same message is read again on a second copy. */
function announce(message) {
  const status = $('copy-status');
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
}

async function copySnippet() {
  const text = snippet();
  if (!text) return;
  try {
    await navigator.clipboard.writeText(text);
    announce('Code copié dans le presse-papiers. Collez-le dans votre page.');
    return;
  } catch {
    // No clipboard access (insecure origin, permission refused): select the code for a manual copy.
  }
  const range = document.createRange();
  range.selectNodeContents($('snippet'));
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const copied = document.execCommand?.('copy') === true;
  announce(copied ? 'Code copié dans le presse-papiers. Collez-le dans votre page.' : 'Copie automatique impossible : le code est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).');
}

// ---------------------------------------------------------------------------------------------------------------
// Start

async function start() {
  $('csp-origin').textContent = ORIGIN;
  const status = $('load-status');
  try {
    const response = await fetch('/widgets/manifest.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    state.widgets = await response.json();
  } catch {
    status.hidden = false;
    status.textContent = 'Les widgets ne sont pas disponibles sur ce serveur pour le moment (construction manquante ?). Réessayez plus tard.';
    return;
  }
  let customElements = null;
  if (state.widgets.customElements) {
    try {
      const response = await fetch(state.widgets.customElements);
      if (response.ok) customElements = await response.json();
    } catch {
      // The common attributes are enough to configure a snippet.
    }
  }
  state.elements = readElements(customElements, state.widgets.elements);
  $('script-version').textContent = `v${state.widgets.version}`;
  restoreFromUrl();
  renderElementChoice();
  renderOptions();
  $('structure-search').addEventListener('input', onSearchInput);
  document.querySelectorAll('input[name="script"]').forEach((input) =>
    input.addEventListener('change', (event) => {
      state.script = /** @type {HTMLInputElement} */ (event.target).value;
      update();
    }),
  );
  $('copy').addEventListener('click', () => void copySnippet());
  $('options').addEventListener('submit', (event) => event.preventDefault());
  update();
}

void start();
