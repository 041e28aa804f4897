import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { getJson } from '../../client/http.js';
import { IMPROVEMENT_STATUSES, ImprovementsResponse, type ImprovementAction, type ImprovementStatus } from '../../contract/improvement.js';
import { pluralForm } from '../../contract/count.js';
import { SppElement } from '../../internal/base-element.js';
import { apiUrl } from '../../internal/config.js';
import { defineElement } from '../../internal/define.js';
import { failureMessage, failureOf, isFinal } from '../../internal/failure.js';
import { format } from '../../internal/i18n.js';
import { formatDay } from '../../internal/plain-format.js';
import { LoadController } from '../../internal/load-controller.js';
import { failureView, loadingView } from '../../internal/load-view.js';
import { parserFor } from '../../internal/parse.js';
import { StringsGate } from '../../internal/strings-gate.js';
import { improvementsStrings } from './improvements.strings.js';
import { improvementsStyles } from './improvements.styles.js';

const parseResponse = parserFor(ImprovementsResponse);

/** Done first (what changed), then what is under way, then what is planned. */
const GROUP_ORDER: readonly ImprovementStatus[] = ['done', 'in_progress', 'planned'];

/**
 * The structure's improvement plan, the fourth pillar of Services Publics+: "Vous nous avez dit… Nous avons
 * fait…". Each action says what users said and what the service did, is doing or will do about it, with the
 * engagement it serves, its theme, and the date of its status. Grouped: done, in progress, planned.
 *
 * Reserve its space in the host page's CSS so the page does not jump when the script arrives:
 *
 *     spp-improvements:not(:defined) { display: block; min-height: 40rem; }
 *
 * The element keeps that height while it loads and when it shows an error, so the text below does not move while
 * the plan is on its way; once the plan (or the "no action yet" message) is there, the element is as tall as
 * its content, never a blank band under a short plan. A page that reserves another height sets the same on
 * `--spp-improvements-min-height`.
 *
 * @tagname spp-improvements
 * @summary The improvement plan: "Vous nous avez dit… Nous avons fait…".
 *
 * @attr structure - SP+ structure code whose plan is shown.
 * @attr heading-level - Level of the plan's heading, 2 to 5; the status groups use the next level. Without it, one
 *   level below the nearest heading before the element on the page, or 2 when there is none (the rule of every element).
 * @attr testimonies-href - Address of the page (or `#anchor`) holding the structure's `<spp-testimonies>`: each
 *   published testimony an action cites ("suite à N témoignages") links there. Without it they are listed as text.
 * @attr lang - `fr` (default) or `en`.
 * @attr theme - `dsfr` (default) or `neutral`.
 * @attr api - API base URL (default: the origin that served the script).
 *
 * @fires spp-error - The plan could not be loaded (API down, timeout, HTTP error, malformed answer); the element
 *   shows its own message and a "Réessayer" button.
 *
 * @csspart cited - "Suite à N témoignages" under an action, with the published ones.
 * @csspart cited-link - The link to a cited testimony (with `testimonies-href`).
 * @csspart heading - The plan's heading.
 * @csspart summary - The count of actions per status.
 * @csspart group - The actions of one status.
 * @csspart item - One action.
 * @csspart status - An action's status and date.
 * @csspart engagement - The engagement and theme an action serves.
 * @csspart message - The loading, empty and error messages.
 *
 * @cssprop --spp-color-primary - Heading accents, buttons.
 * @cssprop --spp-color-primary-hover - Buttons under the pointer.
 * @cssprop --spp-color-on-primary - Text on the primary colour.
 * @cssprop --spp-color-text - Text.
 * @cssprop --spp-color-text-muted - Labels and dates.
 * @cssprop --spp-color-background - Background.
 * @cssprop --spp-color-background-alt - "Vous nous avez dit" quotes, messages.
 * @cssprop --spp-color-border - Borders of the actions.
 * @cssprop --spp-color-success - Done marker.
 * @cssprop --spp-color-info - In progress marker.
 * @cssprop --spp-color-warning - Planned marker.
 * @cssprop --spp-color-error - Error messages.
 * @cssprop --spp-color-focus - Focus ring.
 * @cssprop --spp-font-family - Font (`neutral`: the host page's).
 * @cssprop --spp-radius - Corner radius.
 * @cssprop --spp-space - Spacing unit.
 * @cssprop --spp-improvements-min-height - Height the element keeps while loading and on error, the host page's reservation. Default `40rem`.
 */
export class SppImprovements extends SppElement {
  static override styles = [...SppElement.styles, improvementsStyles];

  static override properties: PropertyDeclarations = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    testimoniesHref: { attribute: 'testimonies-href' },
  };

  /** Level of the plan's heading (2 to 5); the status groups use the next level. Unset: from the page's outline (2 at the top). */
  headingLevel: number | undefined = undefined;

  /** Where the structure's published testimonies are shown; the cited ones link there. */
  testimoniesHref = '';

  /** The element's words; French when English could not be downloaded. */
  readonly #strings = new StringsGate(this, improvementsStrings, (error) => this.reportError(error));

  private get strings() {
    return this.#strings.strings;
  }

  /** In English nothing is drawn nor asked before the English strings are here: every message is then in English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#strings.until()?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  /** The plan; asked again when the structure, the API or the language changes (the engagements' labels come in it). */
  private readonly plan = new LoadController(
    this,
    async (signal) => {
      if (!this.structure) return [];
      const url = apiUrl(this.apiBase, `/api/v1/structures/${encodeURIComponent(this.structure)}/improvements?lang=${this.language}`);
      return (await getJson(url, parseResponse, { signal })).items;
    },
    () => [this.structure, this.apiBase, this.language],
    (error) => this.reportError(error),
  );

  private readonly retry = (): void => {
    void this.plan.run();
    // The error box (and its button) gives way to the loading message: keep the keyboard user in the widget.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.message')?.focus());
  };

  protected override render(): TemplateResult {
    const s = this.strings;
    const level = this.headingLevelFor(this.headingLevel, 2, 5);
    const { value: items, error, pending } = this.plan;
    const ready = this.structure && !pending && !error && items;
    return html`<div class="root ${ready ? '' : 'reserved'}" lang=${this.language}>
      <p class="heading" part="heading" role="heading" aria-level=${level}>${s.title}</p>
      ${!this.structure
        ? failureView(s.errorNoStructure, s.retry)
        : pending
          ? loadingView(html`<p>${s.loading}</p>`)
          : !ready
            ? failureView(failureMessage(error, s, this.language, this.structure), s.retry, isFinal(failureOf(error)) ? undefined : this.retry)
            : ready.length === 0
              ? html`<p class="message" part="message">${s.empty}</p>`
              : this.renderPlan(ready, level + 1)}
    </div>`;
  }

  private renderPlan(items: ImprovementAction[], groupLevel: number): TemplateResult {
    const lang = this.language;
    const s = this.strings;
    const byStatus = new Map<ImprovementStatus, ImprovementAction[]>(IMPROVEMENT_STATUSES.map((status) => [status, []]));
    for (const item of items) byStatus.get(item.status)?.push(item);
    const groups = GROUP_ORDER.filter((status) => byStatus.get(status)!.length);
    const detail = groups
      .map((status) => {
        const n = byStatus.get(status)!.length;
        const text = s.statusText[status];
        return format(pluralForm(n, lang) === 'one' ? text.countOne : text.countOther, { n });
      })
      .join(', ');
    const count = items.length;
    return html`<p class="summary" part="summary">${format(pluralForm(count, lang) === 'one' ? s.summary_one : s.summary_other, { count, detail })}</p>
      ${groups.map(
        (status) => html`<div class="group status-${status}" part="group">
          <p class="group-heading" role="heading" aria-level=${groupLevel}>
            <span class="dot" aria-hidden="true"></span>${s.statusText[status].group}
          </p>
          <ul class="list" role="list">
            ${byStatus.get(status)!.map((item) => this.renderItem(item))}
          </ul>
        </div>`,
      )}`;
  }

  private renderItem(item: ImprovementAction): TemplateResult {
    const lang = this.language;
    const s = this.strings;
    const text = s.statusText[item.status];
    return html`<li class="item" part="item">
      <p class="status" part="status">${format(text.date, { date: formatDay(item.date, lang) })}</p>
      <dl class="exchange">
        <dt>${s.youSaid}</dt>
        <dd class="said">${item.youSaid}</dd>
        <dt>${text.weDid}</dt>
        <dd class="did">${item.weDid}</dd>
      </dl>
      <p class="links" part="engagement">
        <span>${format(s.engagement, { number: item.engagement.number, keyword: item.engagement.keyword })}</span>
        ${item.tag ? html`<span>${format(s.tag, { tag: s.tagLabels[item.tag].toLowerCase() })}</span>` : nothing}
      </p>
      ${this.renderCited(item)}
    </li>`;
  }

  /** "Suite à N témoignages", with the published ones by title (a link when the page says where they are). */
  private renderCited(item: ImprovementAction): TemplateResult | typeof nothing {
    const cited = item.testimonies;
    if (!cited?.count) return nothing;
    const s = this.strings;
    const label = format(pluralForm(cited.count, this.language) === 'one' ? s.cited_one : s.cited_other, { count: cited.count });
    // A testimony is written in the language its author chose: mostly French.
    return html`<div class="cited" part="cited">
      <p>${label}${cited.published.length ? s.citedColon : ''}</p>
      ${cited.published.length
        ? html`<ul class="cited-list" role="list">
            ${cited.published.map(
              (t) => html`<li lang="fr">${this.testimoniesHref ? html`<a part="cited-link" href=${this.testimoniesHref}>${t.title}</a>` : t.title}</li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }
}

defineElement('spp-improvements', SppImprovements);

declare global {
  interface HTMLElementTagNameMap {
    'spp-improvements': SppImprovements;
  }
}
