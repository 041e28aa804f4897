import { html, nothing, type TemplateResult } from 'lit';
import { FEELINGS } from '../../contract/testimony-values.js';
import type { CoreView } from './view.js';

/** The first step, part of the element's first download: the feeling, required, with no default. */

export function errorText(v: CoreView, field: string): TemplateResult | typeof nothing {
  const message = v.error(field);
  return message
    ? html`<p class="error" id="err-${field}"><span class="sr-only">${v.t.errorPrefix} </span>${message}</p>`
    : nothing;
}

export const invalid = (v: CoreView, field: string) => (v.error(field) ? 'true' : nothing);

export function feelingStep(v: CoreView): TemplateResult {
  const { t, state } = v;
  return html`
    <fieldset class="group" aria-describedby=${v.describedBy('feeling') || nothing}>
      <legend>${t.feelingLegend}</legend>
      ${errorText(v, 'feeling')}
      <div class="choices feelings">
        ${FEELINGS.map(
          (feeling, i) => html`
            <div class="choice feeling-${feeling}">
              <input
                type="radio"
                name="feeling"
                id=${i === 0 ? 'f-feeling' : `f-feeling-${feeling}`}
                value=${feeling}
                .checked=${state.feeling === feeling}
                aria-invalid=${invalid(v, 'feeling')}
                aria-describedby="hint-feeling-${feeling}"
                @change=${() => v.update({ feeling })}
              />
              <label for=${i === 0 ? 'f-feeling' : `f-feeling-${feeling}`}>
                <span class="choice-label">${t[`feeling_${feeling}`]}</span>
                <span class="choice-hint" id="hint-feeling-${feeling}">${t[`feelingHint_${feeling}`]}</span>
              </label>
            </div>
          `,
        )}
      </div>
    </fieldset>
  `;
}

