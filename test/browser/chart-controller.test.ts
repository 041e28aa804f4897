import { delay } from '../helpers/browser.js';
import { expect, fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css, html, LitElement } from 'lit';
import { ChartController, type ChartData, type ChartLook, type ChartModule } from '../../src/internal/chart-controller.js';
import { themeStyles } from '../../src/internal/theme.js';

/** A stand-in chart module that records what the controller asks of it. */
function recordingModule() {
  const log: { event: 'create' | 'update' | 'destroy'; look?: ChartLook; data?: ChartData }[] = [];
  const module: ChartModule = {
    createChart(_canvas, data, look) {
      log.push({ event: 'create', data, look });
      return {
        update: (next, nextLook) => void log.push({ event: 'update', data: next, look: nextLook }),
        destroy: () => void log.push({ event: 'destroy' }),
      };
    },
  };
  return { log, module };
}

let hostCount = 0;
/** A minimal host: a themed canvas, data it can change, and a chart module it loads on demand. */
function defineHost(load: () => Promise<ChartModule>) {
  const tag = `chart-host-${++hostCount}`;
  class Host extends LitElement {
    static override styles = [themeStyles, css`.box { position: relative; height: 200px; }`];
    series: ChartData['series'] = [{ label: 'A', values: [1, 2], color: '--_primary' }];
    data: ChartData | null = this.makeData();
    loads = 0;
    readonly chart = new ChartController(this, {
      canvas: () => this.renderRoot.querySelector('canvas'),
      data: () => this.data,
      load: () => {
        this.loads++;
        return load();
      },
    });
    makeData(): ChartData {
      return { labels: ['a', 'b'], series: this.series, formatValue: String, describe: (s, v) => `${s.label} ${v}`, locale: 'fr-FR' };
    }
    override render() {
      return html`<div class="box"><canvas role="img" aria-label="test"></canvas></div>`;
    }
  }
  customElements.define(tag, Host);
  return tag;
}

async function mountBelowFold(tag: string) {
  const wrapper = await fixture<HTMLElement>(testHtml`<div><div class="spacer"></div></div>`);
  (wrapper.querySelector('.spacer') as HTMLElement).style.height = '300vh';
  const host = document.createElement(tag) as HTMLElement & { loads: number; data: ChartData | null; makeData(): ChartData; chart: ChartController; requestUpdate(): void; updateComplete: Promise<boolean> };
  host.setAttribute('theme', 'dsfr');
  wrapper.append(host);
  await host.updateComplete;
  return host;
}

afterEach(() => emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' }));

describe('ChartController', () => {
  it('loads the chart module and draws only once the canvas is visible', async () => {
    const { log, module } = recordingModule();
    const host = await mountBelowFold(defineHost(async () => module));
    await delay(150);
    expect(host.loads).to.equal(0);
    expect(host.chart.status).to.equal('waiting');
    host.scrollIntoView();
    await waitUntil(() => log.length === 1, 'chart not created when visible');
    expect(host.loads).to.equal(1);
    expect(log[0]!.event).to.equal('create');
    expect(host.chart.status).to.equal('ready');
  });

  it('reads the colours from the theme tokens and turns animation off under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { log, module } = recordingModule();
    const host = await mountBelowFold(defineHost(async () => module));
    host.style.setProperty('--spp-color-primary', '#123456');
    host.scrollIntoView();
    await waitUntil(() => log.length === 1);
    expect(log[0]!.look).to.include({ animate: false, grid: '#dddddd', text: '#666666' });
    expect(log[0]!.look!.colors).to.deep.equal({ '--_primary': '#123456' });
  });

  it('updates the chart when the data changes, not on unrelated renders', async () => {
    const { log, module } = recordingModule();
    const host = await mountBelowFold(defineHost(async () => module));
    host.scrollIntoView();
    await waitUntil(() => log.length === 1);
    host.requestUpdate();
    await host.updateComplete;
    expect(log.map((e) => e.event)).to.deep.equal(['create']);
    host.data = host.makeData();
    host.requestUpdate();
    await host.updateComplete;
    expect(log.map((e) => e.event)).to.deep.equal(['create', 'update']);
  });

  it('destroys the chart when the host leaves the page and draws it again when it comes back', async () => {
    const { log, module } = recordingModule();
    const host = await mountBelowFold(defineHost(async () => module));
    host.scrollIntoView();
    await waitUntil(() => log.length === 1);
    const parent = host.parentElement!;
    host.remove();
    expect(log.map((e) => e.event)).to.deep.equal(['create', 'destroy']);
    parent.append(host);
    await waitUntil(() => log.length === 3, 'not drawn again');
    expect(log[2]!.event).to.equal('create');
    expect(host.loads, 'the module is loaded once').to.equal(1);
  });

  it('reports a module that fails to load, and tries again only when asked', async () => {
    let fail = true;
    const { log, module } = recordingModule();
    const host = await mountBelowFold(defineHost(async () => (fail ? Promise.reject(new TypeError('Failed to fetch')) : module)));
    host.scrollIntoView();
    await waitUntil(() => host.chart.status === 'failed');
    host.requestUpdate();
    await host.updateComplete;
    expect(host.loads, 'no retry loop on renders').to.equal(1);
    fail = false;
    host.chart.retry();
    await waitUntil(() => log.length === 1, 'not drawn after retry');
    expect(host.chart.status).to.equal('ready');
  });
});
