import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Lang } from '../../contract/common.js';
import { StructuresPage, type StructureSummary } from '../../contract/structure.js';
import type { StructureRef } from '../../contract/testimony.js';
import { getJson } from '../../client/http.js';
import { apiUrl } from '../../internal/config.js';
import { format } from '../../internal/i18n.js';
import { LoadController } from '../../internal/load-controller.js';
import { parserFor } from '../../internal/parse.js';

/**
 * The structure search of step 2, loaded only when the citizen needs it (no `structure` attribute, or
 * "add another service"). An editable combobox with a list popup (WAI-ARIA APG pattern): type two letters,
 * results come after a pause in typing, arrows move, Enter picks, Escape closes then clears.
 */

const STRINGS = {
  fr: {
    label: 'Rechercher un service (nom, ville ou code postal)',
    hint: 'Tapez au moins 2 caractères, puis choisissez dans la liste avec les flèches et Entrée.',
    list: 'Services trouvés',
    searching: 'Recherche en cours…',
    found: '{count} services trouvés. Flèche bas pour les parcourir.',
    foundOne: '1 service trouvé. Flèche bas pour le choisir.',
    none: 'Aucun service ne correspond à «\u00a0{q}\u00a0». Essayez le nom de la ville ou du réseau (CAF, préfecture…).',
    failed: 'La recherche ne répond pas pour le moment.',
    retry: 'Relancer la recherche',
    added: '{name} ajouté.',
  },
  en: {
    label: 'Search for a service (name, town or postcode)',
    hint: 'Type at least 2 characters, then choose from the list with the arrow keys and Enter.',
    list: 'Services found',
    searching: 'Searching…',
    found: '{count} services found. Press the down arrow to browse them.',
    foundOne: '1 service found. Press the down arrow to choose it.',
    none: 'No service matches "{q}". Try the name of the town or of the network (CAF, prefecture…).',
    failed: 'The search is not answering at the moment.',
    retry: 'Search again',
    added: '{name} added.',
  },
};

const parsePage = parserFor(StructuresPage);
const DEBOUNCE_MS = 250;

export interface PickerOptions {
  api(): string;
  lang(): Lang;
  /** Codes already chosen: not offered again. */
  exclude(): string[];
  onPick(structure: StructureRef, announcement: string): void;
}

export class StructurePicker implements ReactiveController {
  private query = '';
  private results: StructureSummary[] = [];
  private active = -1;
  private expanded = false;
  private announcement = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What was searched last (trimmed); empty: no search. */
  #q = '';
  /**
   * The search (the one lifecycle): runs when the searched text changes, a newer search aborts the one in flight
   * and its late answer is dropped, leaving the page aborts it.
   */
  private readonly loader: LoadController<true>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PickerOptions,
  ) {
    host.addController(this);
    this.loader = new LoadController<true>(
      host,
      async (signal) => {
        const q = this.#q;
        if (!q) return true;
        const page = await getJson(apiUrl(this.options.api(), `/api/v1/structures?q=${encodeURIComponent(q)}&limit=8`), parsePage, { signal });
        if (signal.aborted) return true;
        const excluded = new Set(this.options.exclude());
        this.results = page.items.filter((s) => !excluded.has(s.code));
        this.expanded = this.results.length > 0;
        this.active = -1;
        const n = this.results.length;
        this.announcement = n === 0 ? format(this.s.none, { q }) : n === 1 ? this.s.foundOne : format(this.s.found, { count: n });
        return true;
      },
      () => [this.#q],
      () => {
        this.results = [];
        this.expanded = false;
        this.announcement = this.s.failed;
      },
    );
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private get status(): 'idle' | 'searching' | 'done' | 'failed' {
    const { pending, error } = this.loader;
    return !this.#q ? 'idle' : pending ? 'searching' : error ? 'failed' : 'done';
  }

  private get s() {
    return STRINGS[this.options.lang()];
  }

  private onInput(value: string): void {
    this.query = value;
    this.active = -1;
    clearTimeout(this.timer);
    if (value.trim().length < 2) {
      // No search: the one in flight is aborted (the loader runs on the empty text).
      this.#q = '';
      this.results = [];
      this.expanded = false;
      this.announcement = '';
    } else {
      this.timer = setTimeout(() => this.search(), DEBOUNCE_MS);
    }
    this.host.requestUpdate();
  }

  /** Searches the text in the box (after the pause in typing, or "Relancer la recherche"). */
  private search(): void {
    const q = this.query.trim();
    if (q === this.#q) void this.loader.run();
    else {
      this.#q = q;
      this.host.requestUpdate();
    }
  }

  private pick(structure: StructureSummary): void {
    this.query = '';
    this.results = [];
    this.expanded = false;
    this.active = -1;
    this.#q = '';
    this.announcement = '';
    this.options.onPick({ code: structure.code, name: structure.name }, format(this.s.added, { name: structure.name }));
    this.host.requestUpdate();
  }

  private onKeydown(event: KeyboardEvent): void {
    const n = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!n) return;
        event.preventDefault();
        this.expanded = true;
        this.active = event.key === 'ArrowDown' ? (this.active + 1) % n : this.active <= 0 ? n - 1 : this.active - 1;
        break;
      case 'Enter':
        // Never submits the step from the search box: Enter picks, or does nothing.
        event.preventDefault();
        if (this.expanded && this.active >= 0) this.pick(this.results[this.active]!);
        return;
      case 'Escape':
        if (this.expanded) {
          this.expanded = false;
          this.active = -1;
        } else if (this.query) {
          this.onInput('');
        } else {
          return;
        }
        // Handled here: in the floating dialog, the first Escape must not close it.
        event.preventDefault();
        event.stopPropagation();
        break;
      default:
        return;
    }
    this.host.requestUpdate();
  }

  render(describedBy: string[], invalid: boolean): TemplateResult {
    const s = this.s;
    const statusText =
      this.status === 'searching' ? s.searching : this.status === 'done' && !this.results.length ? format(s.none, { q: this.query.trim() }) : '';
    // The combobox is named by its <label for>; options are picked from the keyboard on the combobox (aria-activedescendant).
    /* eslint-disable lit-a11y/accessible-name, lit-a11y/click-events-have-key-events */
    return html`
      <div class="picker">
        <label for="f-structures">${s.label}</label>
        <p class="hint" id="picker-hint">${s.hint}</p>
        <div class="combo">
          <input
            id="f-structures"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-controls="picker-list"
            aria-activedescendant=${this.expanded && this.active >= 0 ? `picker-option-${this.active}` : nothing}
            aria-describedby=${['picker-hint', ...describedBy].join(' ')}
            aria-invalid=${invalid ? 'true' : nothing}
            .value=${this.query}
            @input=${(e: Event) => this.onInput((e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
            @blur=${() => {
              // Blur also fires when the box leaves the page during a render: change nothing then.
              if (!this.expanded) return;
              queueMicrotask(() => {
                this.expanded = false;
                this.host.requestUpdate();
              });
            }}
          />
          <ul id="picker-list" role="listbox" aria-label=${s.list} class="listbox" ?hidden=${!this.expanded}>
            ${this.results.map(
              (r, i) => html`<li
                id="picker-option-${i}"
                role="option"
                aria-selected=${i === this.active ? 'true' : 'false'}
                class=${i === this.active ? 'option active' : 'option'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.pick(r)}
              >
                <span class="option-name">${r.name}</span>
                <span class="option-meta">${[r.postcode, r.city].filter(Boolean).join(' ')}${r.city || r.postcode ? ' · ' : ''}${r.network.name}</span>
              </li>`,
            )}
          </ul>
        </div>
        ${statusText ? html`<p class="hint" aria-hidden="true">${statusText}</p>` : nothing}
        ${this.status === 'failed'
          ? html`<p class="error-inline">${s.failed}
              <button type="button" class="button secondary small" @click=${() => this.search()}>${s.retry}</button></p>`
          : nothing}
        <p class="sr-only" role="status">${this.announcement}</p>
      </div>
    `;
    /* eslint-enable lit-a11y/accessible-name, lit-a11y/click-events-have-key-events */
  }
}
