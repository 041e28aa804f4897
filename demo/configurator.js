/**
 * The embed configurator (`/configurator`, `?lang=en` for English): pick an element, a service and options, see
 * the element live, copy the snippet, and read what to ask whoever runs the site's security policy.
 * What exists comes from the server (`/widgets/manifest.json`: release, versioned URL, SRI hash, elements); every
 * word comes from configurator.strings.js. Plain DOM, no innerHTML: service names come from the API and are always
 * set as text. The choices live in the URL, so a configuration can be shared.
 */
import { DEFAULT_SERVICE, ELEMENTS, PAGE, UNKNOWN_ELEMENT } from './configurator.strings.js';

const ORIGIN = window.location.origin;
const LANG = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'fr';
const PREFERRED_ORDER = ['spp-engagements', 'spp-results', 'spp-testimonies', 'spp-improvements', 'spp-testimony-form'];
/**
 * Shipped, but not something a webmaster places: `<spp-testimony-tracking>` is the page the API itself serves at
 * `/suivi/{reference}` (the link in every receipt), and the form's `mode="tracking"` shows it. Nothing to configure.
 */
const NOT_OFFERED = ['spp-testimony-tracking'];
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
/**
 * "HTML + script": the attributes `GET /fragments/{tag}` takes (server/routes/fragments.ts); an option outside
 * them (results' poster or open-data source, the form's mode) exists with the script only.
 */
const COMMON_FRAGMENT = ['structure', 'lang', 'theme', 'heading-level'];
const FRAGMENT_ATTRIBUTES = {
  'spp-engagements': [...COMMON_FRAGMENT, 'variant', 'highlight', 'href'],
  'spp-results': [...COMMON_FRAGMENT, 'network-href', 'feedback-href', 'results-url'],
  'spp-testimonies': [...COMMON_FRAGMENT, 'page-size'],
  'spp-improvements': [...COMMON_FRAGMENT, 'testimonies-href'],
  'spp-testimony-form': COMMON_FRAGMENT,
};
const FRAGMENTS_DOC = `${ORIGIN}/docs/fragments.md`;

/**
 * A text of the table in the page's language, `{name}` placeholders filled. French gets its typography here:
 * a no-break space before : ; ? ! and inside « ».
 * @param {{ fr: string, en: string }} words
 * @param {Record<string, string | number>} [values]
 */
function text(words, values = {}) {
  let result = words[LANG].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  if (LANG === 'fr') result = result.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
  return result;
}
/** @param {keyof typeof PAGE} key @param {Record<string, string | number>} [values] */
const say = (key, values) => text(PAGE[key], values);

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {string} tag @param {Record<string, string>} [props] @param {(Node | string)[]} [children] */
function h(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const state = {
  widgets: /** @type {null | {version: string, script: string, versionedScript: string, integrity: string, elements: string[]}} */ (null),
  tags: /** @type {string[]} */ ([]),
  tag: '',
  /** The service shown; null when the element can go without one and the webmaster chose none. */
  structure: /** @type {null | {code: string, name: string}} */ ({ ...DEFAULT_SERVICE }),
  /** Whether the service is still the example one (the webmaster has not picked theirs). */
  exampleService: true,
  values: /** @type {Record<string, string | boolean>} */ ({}),
  script: 'versioned',
  /** `script`: the element's tag alone; `html`: its fragment included by the site's server, plus the script. */
  embed: 'script',
  /** The 9 engagements' official wording, from the API, in the page's language. */
  engagements: /** @type {{ number: number, text: string }[]} */ ([]),
};

const describe = (tag) => ELEMENTS[tag] ?? UNKNOWN_ELEMENT;

/** The value of an option as the element would see it: chosen, or its default. */
function valueOf(option) {
  const value = state.values[option.attribute];
  if (value !== undefined) return value;
  if (option.kind === 'cards') return option.choices[0].value;
  if (option.kind === 'checkbox') return false;
  return '';
}

const isShown = (option) => !option.when || option.when.values.includes(String(valueOf(describe(state.tag).options.find((o) => o.attribute === option.when.attribute)) ?? ''));

// ---------------------------------------------------------------------------------------------------------------
// Rendering the form

function renderStaticTexts() {
  document.documentElement.lang = LANG;
  document.title = say('title');
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = say(/** @type {keyof typeof PAGE} */ (node.getAttribute('data-text')));
  for (const node of document.querySelectorAll('[data-label]')) node.setAttribute('aria-label', say(/** @type {keyof typeof PAGE} */ (node.getAttribute('data-label'))));
  const other = $('other-language');
  const otherLang = say('otherLanguageCode');
  other.setAttribute('lang', otherLang);
  other.setAttribute('hreflang', otherLang);
  other.setAttribute('aria-label', say('otherLanguageLabel'));
  $('structure-search').setAttribute('lang', LANG);
}

function renderElementChoice() {
  const group = $('element-choice');
  group.replaceChildren(group.querySelector('legend'));
  if (!state.tags.length) {
    group.append(h('p', { class: 'hint', text: say('noWidget') }));
    return;
  }
  const cards = h('div', { class: 'cards cards-wide' });
  for (const tag of state.tags) {
    const element = describe(tag);
    const id = `element-${tag}`;
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name: 'element', id, value: tag, 'aria-describedby': `${id}-help` }));
    input.checked = tag === state.tag;
    input.addEventListener('change', () => {
      state.tag = tag;
      state.values = {};
      if (!state.structure && describe(tag).service === 'required') chooseStructure({ ...DEFAULT_SERVICE }, true);
      renderStructureResults(lastResults);
      renderOptions();
      update();
    });
    const name = ELEMENTS[tag] ? text(element.name) : `${text(element.name)} (${tag})`;
    cards.append(h('div', { class: 'card' }, [input, h('label', { for: id, text: name }), h('p', { class: 'hint', id: `${id}-help`, text: text(element.help) })]));
  }
  group.append(cards);
}

/** A group of radio cards (the theme, the variant, the mode...). */
function cardsControl(option, id) {
  const fieldset = h('fieldset', { class: 'field', 'aria-describedby': `${id}-help` }, [h('legend', { text: text(option.label) }), h('p', { class: 'hint', id: `${id}-help`, text: text(option.help) })]);
  const cards = h('div', { class: option.pictures ? 'cards cards-pictures' : 'cards' });
  const current = String(valueOf(option));
  for (const choice of option.choices) {
    const choiceId = `${id}-${choice.value || 'default'}`;
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name: option.attribute, id: choiceId, value: choice.value }));
    input.checked = choice.value === current;
    input.addEventListener('change', () => setValue(option.attribute, choice.value, true));
    const label = h('label', { for: choiceId });
    if (option.pictures) label.append(h('img', { src: `/configurator-${option.attribute}-${choice.value}.svg`, alt: '', width: '160', height: '100' }));
    label.append(h('span', { class: 'card-title', text: text(choice.label) }));
    const card = h('div', { class: 'card' }, [input, label]);
    if (choice.help) {
      input.setAttribute('aria-describedby', `${choiceId}-help`);
      card.append(h('p', { class: 'hint', id: `${choiceId}-help`, text: text(choice.help) }));
    }
    cards.append(card);
  }
  fieldset.append(cards);
  return fieldset;
}

/** The 9 engagements as checkboxes; the attribute holds the ticked numbers, comma-separated. */
function engagementsControl(option, id) {
  const fieldset = h('fieldset', { class: 'field', 'aria-describedby': `${id}-help` }, [h('legend', { text: text(option.label) }), h('p', { class: 'hint', id: `${id}-help`, text: text(option.help) })]);
  const ticked = new Set(String(valueOf(option)).split(',').filter(Boolean));
  const list = h('div', { class: 'checks' });
  const engagements = state.engagements.length ? state.engagements : Array.from({ length: 9 }, (_, i) => ({ number: i + 1, text: '' }));
  for (const engagement of engagements) {
    const boxId = `${id}-${engagement.number}`;
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: boxId, value: String(engagement.number) }));
    input.checked = ticked.has(String(engagement.number));
    input.addEventListener('change', () => {
      const numbers = [...list.querySelectorAll('input:checked')].map((box) => /** @type {HTMLInputElement} */ (box).value);
      setValue(option.attribute, numbers.join(','));
    });
    const label = h('label', { for: boxId }, [h('strong', { text: say('engagementNumber', { n: engagement.number }) })]);
    if (engagement.text) label.append(` : ${engagement.text}`.replace(/^ :/, LANG === 'fr' ? '\u00a0:' : ':'));
    list.append(h('div', { class: 'choice' }, [input, label]));
  }
  fieldset.append(list);
  return fieldset;
}

function fieldControl(option, id) {
  const wrapper = h('div', { class: option.kind === 'checkbox' ? 'field field-checkbox' : 'field' });
  const label = h('label', { for: id, text: text(option.label) });
  const hint = h('p', { class: 'hint', id: `${id}-help`, text: text(option.help) });
  const error = h('p', { class: 'error', id: `${id}-error`, hidden: '' });
  const current = valueOf(option);
  let control;
  if (option.kind === 'level') {
    control = h('select', {}, [h('option', { value: '', text: say('automatic') })]);
    for (let n = option.min; n <= option.max; n++) control.append(h('option', { value: String(n), text: say('levelChoice', { n }) }));
    control.value = String(current);
    control.addEventListener('change', () => setValue(option.attribute, control.value));
  } else if (option.kind === 'checkbox') {
    control = h('input', { type: 'checkbox' });
    control.checked = current === true;
    control.addEventListener('change', () => setValue(option.attribute, control.checked, true));
  } else {
    const number = option.kind === 'number';
    control = h('input', number ? { type: 'number', min: String(option.min), max: String(option.max), step: '1', inputmode: 'numeric' } : { type: option.kind === 'url' ? 'url' : 'text', spellcheck: 'false' });
    if (option.kind === 'url') control.setAttribute('autocomplete', 'url');
    control.value = String(current);
    if (number) control.placeholder = option.default;
    const check = () => {
      const value = control.value.trim();
      const problem = !value
        ? ''
        : number && !(/^\d+$/.test(value) && +value >= option.min && +value <= option.max)
          ? say('notANumber', { min: option.min, max: option.max })
          : option.kind === 'url' && !/^https?:\/\/[^\s/]+/.test(value) && !value.startsWith('/')
            ? say('notAnAddress')
            : '';
      error.textContent = problem;
      error.hidden = !problem;
      if (problem) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      // A value the element would refuse stays out of the snippet until it is fixed.
      setValue(option.attribute, problem ? '' : value);
    };
    control.addEventListener('input', check);
  }
  control.id = id;
  control.setAttribute('name', option.attribute);
  control.setAttribute('aria-describedby', `${id}-help ${id}-error`);
  if (option.kind === 'checkbox') wrapper.append(control, label, hint);
  else wrapper.append(label, hint, error, control);
  return wrapper;
}

function renderOptions() {
  const list = $('option-list');
  const focused = document.activeElement?.id;
  list.replaceChildren();
  for (const option of describe(state.tag).options) {
    if (!isShown(option)) continue;
    const id = `option-${option.attribute}`;
    list.append(option.kind === 'cards' ? cardsControl(option, id) : option.kind === 'engagements' ? engagementsControl(option, id) : fieldControl(option, id));
  }
  // Re-rendered after a choice that shows or hides other options: keep the keyboard where it was.
  if (focused) document.getElementById(focused)?.focus();
}

/** @param {string} name @param {string | boolean} value @param {boolean} [rerender] whether other options depend on it */
function setValue(name, value, rerender = false) {
  state.values[name] = value;
  if (rerender && describe(state.tag).options.some((o) => o.when?.attribute === name)) renderOptions();
  update();
}

// ---------------------------------------------------------------------------------------------------------------
// The service: the example one at first, then a search

let searchController = null;
let searchTimer = 0;
/** @type {{ code: string, name: string, postcode?: string, city?: string, network?: { name: string } }[]} */
let lastResults = [];

function chooseStructure(structure, example = false) {
  state.structure = structure;
  state.exampleService = example;
}

function serviceRadio(id, checked, labelChildren, onChoose) {
  const input = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name: 'structure', id }));
  input.checked = checked;
  input.addEventListener('change', () => {
    onChoose();
    update();
  });
  return h('div', { class: 'choice' }, [input, h('label', { for: id }, labelChildren)]);
}

function renderStructureResults(items) {
  lastResults = items;
  const list = $('structure-results');
  list.replaceChildren();
  const element = describe(state.tag);
  if (element.service === 'optional') {
    list.append(serviceRadio('structure-none', !state.structure, [text(element.noService)], () => chooseStructure(null)));
  }
  const shown = items.some((item) => item.code === state.structure?.code) || !state.structure ? items : [state.structure, ...items];
  for (const item of shown) {
    const details = item.network
      ? [item.postcode, item.city].filter(Boolean).join(' ') + ` · ${item.network.name} · ${say('serviceCode', { code: item.code })}`
      : state.exampleService && item.code === state.structure?.code
        ? say('serviceExample')
        : say('serviceCode', { code: item.code });
    list.append(
      serviceRadio(`structure-${item.code}`, state.structure?.code === item.code, [item.name, h('span', { class: 'hint-inline', text: ` (${details})` })], () =>
        chooseStructure({ code: item.code, name: item.name }, state.exampleService && item.code === state.structure?.code),
      ),
    );
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
    const n = page.items.length;
    count.textContent = !n ? say('searchNone') : page.nextCursor ? say('searchFirst', { n }) : say(n > 1 ? 'searchFoundMany' : 'searchFound', { n });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    count.textContent = say('searchFailed');
  }
}

function onSearchInput(event) {
  clearTimeout(searchTimer);
  const query = event.target.value.trim();
  searchTimer = window.setTimeout(() => void searchStructures(query), 250);
}

// ---------------------------------------------------------------------------------------------------------------
// Snippet, preview, security policy, URL

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The attributes the snippet carries: the service first, then the shown options that differ from their default (the look always). */
function chosenAttributes() {
  const attributes = [];
  if (state.structure) attributes.push(['structure', state.structure.code]);
  for (const option of describe(state.tag).options) {
    if (!isShown(option)) continue;
    const value = valueOf(option);
    if (option.always) attributes.push([option.attribute, String(value)]);
    else if (option.kind === 'checkbox') { if (value === true) attributes.push([option.attribute, true]); }
    else if (option.kind === 'cards') { if (value !== option.choices[0].value) attributes.push([option.attribute, String(value)]); }
    else if (value !== '' && value !== option.default) attributes.push([option.attribute, String(value)]);
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
  const chosen = chosenAttributes();
  const attributes = chosen.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
  const scriptOnly = `${script}\n<${state.tag}${attributes}></${state.tag}>`;
  if (state.embed !== 'html') return scriptOnly;
  const takes = FRAGMENT_ATTRIBUTES[state.tag];
  // A widget without a fragment, or an option the fragment does not take: the script-only code, saying why.
  const outside = takes ? chosen.find(([name]) => !takes.includes(name))?.[0] : state.tag;
  if (outside) {
    const option = describe(state.tag).options.find((o) => o.attribute === outside);
    return `${say('snippetNoHtml', { option: option ? text(option.label) : outside })}\n${scriptOnly}`;
  }
  const query = new URLSearchParams(chosen.map(([name, value]) => [name, value === true ? '' : String(value)]));
  const url = `${ORIGIN}/fragments/${state.tag}${chosen.length ? `?${query}` : ''}`;
  // The fragment brings the widgets' script (the server's current release, which its content is rendered with):
  // a script line of the page's own would be requested before the first paint, and a pinned one would be a second
  // copy of the widgets (docs/fragments.md).
  return `${say('snippetIncludeLine', { docs: FRAGMENTS_DOC })}\n<esi:include src="${escapeAttribute(url)}" />`;
}

/** The origins the element talks to: this API, and the open-data portal when the results are read from it. */
function connectOrigins() {
  const origins = [ORIGIN];
  if (state.tag === 'spp-results' && valueOf({ attribute: 'source', kind: 'cards', choices: [{ value: 'api' }] }) === 'opendata') {
    const portal = String(state.values.portal || 'https://opendata.plus.transformation.gouv.fr');
    try {
      const origin = new URL(portal).origin;
      if (!origins.includes(origin)) origins.push(origin);
    } catch {
      // An unfinished address is not shown in the snippet either.
    }
  }
  return origins;
}

function renderSecurityPolicy() {
  const origins = connectOrigins();
  const sends = state.tag === 'spp-testimony-form';
  $('csp-list').replaceChildren(
    h('li', { text: say('cspScripts', { origin: ORIGIN }) }),
    h('li', { text: say('cspConnect', { origins: origins.join(say('and')), send: sends ? say('cspConnectSend') : '' }) }),
    h('li', { text: say('cspNothingElse') }),
  );
  $('csp-rules').textContent = `script-src ${ORIGIN};\nconnect-src ${origins.join(' ')};`;
}

function renderPreview() {
  const preview = $('preview');
  if (!state.tag) return preview.replaceChildren();
  const element = document.createElement(state.tag);
  for (const [name, value] of chosenAttributes()) element.setAttribute(name, value === true ? '' : String(value));
  // A fresh element per change, as a page load would create it; the autoloader (script in <head>) defines it.
  preview.replaceChildren(element);
}

function saveToUrl() {
  const params = new URLSearchParams();
  if (LANG === 'en') params.set('lang', 'en');
  if (state.tag) params.set('element', state.tag);
  if (state.structure && !state.exampleService) {
    params.set('structure', state.structure.code);
    params.set('name', state.structure.name);
  } else if (!state.structure) params.set('structure', '');
  for (const [name, value] of Object.entries(state.values)) if (value !== '' && value !== false) params.set(`o-${name}`, String(value));
  if (state.script !== 'versioned') params.set('script', state.script);
  if (state.embed === 'html') params.set('embed', 'html');
  history.replaceState(null, '', `${location.pathname}?${params}`);
  // The other language keeps the configuration.
  if (LANG === 'en') params.delete('lang');
  else params.set('lang', 'en');
  $('other-language').setAttribute('href', `${location.pathname}?${params}`);
}

function update() {
  $('structure-selected').textContent = say('chosenService', { name: state.structure ? `${state.structure.name} (${state.structure.code})` : say('noService') });
  // The example service's kit is not the webmaster's: offered once they have picked their own.
  $('kit-link').hidden = !state.structure || state.exampleService;
  if (state.structure) $('kit-href').setAttribute('href', `/kit/${encodeURIComponent(state.structure.code)}`);
  $('snippet').textContent = snippet();
  $('copy-status').textContent = '';
  renderSecurityPolicy();
  renderPreview();
  saveToUrl();
}

function restoreFromUrl() {
  const params = new URLSearchParams(location.search);
  const tag = params.get('element');
  state.tag = tag && state.tags.includes(tag) ? tag : (state.tags[0] ?? '');
  const code = params.get('structure');
  if (code === '' && describe(state.tag).service === 'optional') chooseStructure(null);
  else if (code && CODE_PATTERN.test(code)) chooseStructure({ code, name: params.get('name') ?? code });
  for (const option of describe(state.tag).options) {
    // `o-theme=neutral`: prefixed, as `lang` alone is the page's own language.
    const value = params.get(`o-${option.attribute}`);
    if (value === null) continue;
    state.values[option.attribute] = option.kind === 'checkbox' ? value === 'true' : value;
  }
  if (params.get('embed') === 'html') {
    state.embed = 'html';
    /** @type {HTMLInputElement} */ ($('embed-html')).checked = true;
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
  const code = snippet();
  if (!code) return;
  try {
    await navigator.clipboard.writeText(code);
    announce(say('copied'));
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
  announce(copied ? say('copied') : say('copyManual'));
}

// ---------------------------------------------------------------------------------------------------------------
// Start

async function loadEngagements() {
  try {
    const response = await fetch(`/api/v1/engagements?lang=${LANG}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const pack = await response.json();
    state.engagements = pack.pillars.flatMap((pillar) => pillar.engagements.map((e) => ({ number: e.number, text: e.text })));
  } catch {
    // The checkboxes then show the numbers alone.
  }
}

async function start() {
  renderStaticTexts();

  const status = $('load-status');
  const engagements = loadEngagements();
  try {
    const response = await fetch('/widgets/manifest.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    state.widgets = await response.json();
  } catch {
    status.hidden = false;
    status.textContent = say('unavailable');
    return;
  }
  const order = (tag) => (PREFERRED_ORDER.includes(tag) ? PREFERRED_ORDER.indexOf(tag) : PREFERRED_ORDER.length);
  state.tags = state.widgets.elements.filter((tag) => !NOT_OFFERED.includes(tag)).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  $('script-versioned-label').textContent = say('scriptPinned', { version: state.widgets.version });
  restoreFromUrl();
  await engagements;
  renderElementChoice();
  renderStructureResults([]);
  renderOptions();
  $('structure-search').addEventListener('input', onSearchInput);
  document.querySelectorAll('input[name="script"]').forEach((input) =>
    input.addEventListener('change', (event) => {
      state.script = /** @type {HTMLInputElement} */ (event.target).value;
      update();
    }),
  );
  document.querySelectorAll('input[name="embed"]').forEach((input) =>
    input.addEventListener('change', (event) => {
      state.embed = /** @type {HTMLInputElement} */ (event.target).value;
      update();
    }),
  );
  $('copy').addEventListener('click', () => void copySnippet());
  $('options').addEventListener('submit', (event) => event.preventDefault());
  update();
}

void start();
