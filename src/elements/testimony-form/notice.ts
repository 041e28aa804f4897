import { html, type TemplateResult } from 'lit';
import type { Structure } from '../../contract/structure.js';
import { getJson } from '../../client/http.js';
import { apiUrl } from '../../internal/config.js';
import { checkerFor, type JsonSchema } from '../../internal/json-check.js';
import { format } from '../../internal/i18n.js';
import { hostState } from './host-state.js';
import type { SppTestimonyForm } from './testimony-form.js';

type StructureWithContact = Pick<Structure, 'code' | 'name' | 'contact'>;

const text: JsonSchema = { type: ['string', 'null'] };

/**
 * Just what the notice needs from `GET /api/v1/structures/{code}`, checked by the one small browser JSON checker
 * (the first download of the form carries no schema library; the flow validates everything else with the
 * contract). Anything else is a malformed answer, never half shown.
 */
const parseStructure = checkerFor<StructureWithContact>({
  type: 'object',
  required: ['code', 'name', 'contact'],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    contact: { type: 'object', required: ['phone', 'url', 'address'], properties: { phone: text, url: text, address: text } },
  },
});

/** The "not a complaints desk" notice, with the contact of the page's service once fetched. */
export class ContactNotice {
  contact: StructureWithContact | undefined;

  constructor(private readonly host: SppTestimonyForm) {
    hostState(this, host, 'contact');
  }

  /** The name of the service, once known (its code until then). */
  nameOf(code: string): string {
    return this.contact?.code === code ? this.contact.name : code;
  }

  /** Fetches the service's contact, unless already here. */
  load(code: string): void {
    if (this.contact?.code !== code) void this.fetch(code);
  }

  private async fetch(code: string): Promise<void> {
    const h = this.host;
    try {
      const structure = await getJson(apiUrl(h.apiBase, `/api/v1/structures/${encodeURIComponent(code)}?lang=${h.language}`), parseStructure);
      if (h.structure !== code) return;
      this.contact = structure;
      // The prefilled service shows its code until its name is known.
      h.data = { ...h.data, structures: h.data.structures.map((s) => (s.code === code && s.name === code ? { ...s, name: structure.name } : s)) };
    } catch (error) {
      // The notice falls back to general advice; the form works without the contact.
      h.report(error);
    }
  }

  template(): TemplateResult {
    const t = this.host.t;
    const c = this.contact;
    const reach = c
      ? [
          c.contact.phone ? format(t.contactPhone, { phone: c.contact.phone }) : undefined,
          c.contact.url && /^https?:\/\//.test(c.contact.url) ? html`<a href=${c.contact.url}>${t.contactSite}</a>` : undefined,
        ].filter(Boolean)
      : [];
    return html`<aside class="notice info" part="notice" aria-labelledby="notice-title">
      <p id="notice-title"><strong>${t.notComplaintsTitle}</strong></p>
      <p>${t.notComplaints}</p>
      <p class="notice-contact ${this.host.structure ? 'named' : ''}">
        ${c && reach.length ? html`${format(t.notComplaintsContact, { name: c.name })} ${reach.map((r, i) => html`${i ? ', ' : ''}${r}`)}.` : t.notComplaintsGeneric}
      </p>
    </aside>`;
  }
}
