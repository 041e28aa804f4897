import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * The one way an element shows a chart. chart.js weighs ~50 KB gzip, so the controller imports a chart module
 * only once the canvas scrolls into view, creates the chart then, keeps it in step with the host's data and
 * theme, and destroys it when the host leaves the page (a canvas cannot hold two charts).
 *
 * The host renders the canvas inside a container with `position: relative` and an explicit height (chart.js
 * sizes the canvas from that container, and can then shrink as well as grow), gives the canvas `role="img"`
 * and an `aria-label`, and always offers the same data as a table next to it.
 *
 * Colours are theme tokens (`--_primary`...) read from the host's computed style, so `theme`, `--spp-*`
 * overrides and dark mode reach the canvas. Under `prefers-reduced-motion: reduce` nothing is animated.
 */

/** One line of the chart. `color` names a custom property of the host. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: `--${string}`;
  dashed?: boolean;
  /** Draw a marker on each value (default true). */
  markers?: boolean;
}

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
  /** Axis tick text of a value ("90 %"). */
  formatValue: (value: number) => string;
  /** Tooltip line of a value ("Notre résultat : 95,16 %"). */
  describe: (series: ChartSeries, value: number) => string;
  /** BCP 47 locale for anything chart.js formats itself. */
  locale: string;
  /** Written on the chart where the first series has no value ("Non mesuré"), so a gap is never left unexplained. */
  gapLabel?: string;
}

/** What the page's theme gives the canvas, resolved to real colours. */
export interface ChartLook {
  colors: Record<string, string>;
  text: string;
  grid: string;
  font: string;
  animate: boolean;
}

export interface ChartInstance {
  update(data: ChartData, look: ChartLook): void;
  destroy(): void;
}

/** A lazily loaded module that draws one kind of chart (it registers only the chart.js parts it uses). */
export interface ChartModule {
  createChart(canvas: HTMLCanvasElement, data: ChartData, look: ChartLook): ChartInstance;
}

export interface ChartControllerOptions {
  /** The canvas in the host's render root, when rendered. */
  canvas: () => HTMLCanvasElement | null | undefined;
  /** What to draw; return the same object while nothing changed (it is compared by identity). */
  data: () => ChartData | null;
  /** Imports the chart module; a line chart by default. */
  load?: () => Promise<ChartModule>;
}

export type ChartStatus = 'waiting' | 'loading' | 'ready' | 'failed';

const loadLineChart = (): Promise<ChartModule> => import('./line-chart.js');

export class ChartController implements ReactiveController {
  /** `waiting` until the canvas is visible; `failed` when the chart module could not be loaded. */
  status: ChartStatus = 'waiting';

  private canvas: HTMLCanvasElement | undefined;
  private chart: ChartInstance | undefined;
  private chartModule: ChartModule | undefined;
  private drawn: { data: ChartData; lookKey: string } | undefined;
  private visibility: IntersectionObserver | undefined;
  private visible = false;
  private connected = false;
  private readonly darkScheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly onSchemeChange = () => this.sync();

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ChartControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.darkScheme.addEventListener('change', this.onSchemeChange);
    // Reconnected after a move in the page: the render root is already there, but no update may follow.
    if (this.host.hasUpdated) this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.darkScheme.removeEventListener('change', this.onSchemeChange);
    this.release();
  }

  /** Tries the chart module again after a failed load (network cut). */
  retry(): void {
    if (this.status !== 'failed') return;
    this.status = 'waiting';
    this.sync();
  }

  private release(): void {
    this.visibility?.disconnect();
    this.visibility = undefined;
    this.visible = false;
    this.canvas = undefined;
    this.destroyChart();
  }

  private destroyChart(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.drawn = undefined;
  }

  private watch(canvas: HTMLCanvasElement): void {
    this.visibility = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.visible = true;
      this.visibility?.disconnect();
      this.sync();
    });
    this.visibility.observe(canvas.parentElement ?? canvas);
  }

  private sync(): void {
    if (!this.connected) return;
    const canvas = this.options.canvas() ?? undefined;
    if (canvas !== this.canvas) {
      this.release();
      this.canvas = canvas;
      if (canvas) this.watch(canvas);
    }
    if (!canvas || !this.visible) return;
    const data = this.options.data();
    if (!data) return this.destroyChart();
    if (!this.chartModule) {
      // After a failed load, wait for `retry()`: retrying on every render would loop.
      if (this.status === 'waiting') void this.loadModule();
      return;
    }

    const look = this.look();
    const lookKey = JSON.stringify(look);
    if (!this.chart) {
      this.chart = this.chartModule.createChart(canvas, data, look);
    } else if (data !== this.drawn?.data || lookKey !== this.drawn.lookKey) {
      this.chart.update(data, look);
    }
    this.drawn = { data, lookKey };
  }

  private async loadModule(): Promise<void> {
    if (this.status === 'loading') return;
    this.setStatus('loading');
    try {
      this.chartModule = await (this.options.load ?? loadLineChart)();
      this.setStatus('ready');
      this.sync();
    } catch {
      // The table next to the canvas still holds every value; the host says the drawing is missing.
      this.setStatus('failed');
    }
  }

  private setStatus(status: ChartStatus): void {
    this.status = status;
    // Only a failure changes what the host shows; it always comes later than the update that asked for the chart.
    if (status === 'failed') this.host.requestUpdate();
  }

  private look(): ChartLook {
    const style = getComputedStyle(this.host);
    const token = (name: string) => style.getPropertyValue(name).trim();
    const colors: Record<string, string> = {};
    for (const series of this.options.data()?.series ?? []) colors[series.color] = token(series.color);
    return {
      colors,
      text: token('--_text-muted') || style.color,
      grid: token('--_border'),
      font: token('--_font') || style.fontFamily,
      animate: !matchMedia('(prefers-reduced-motion: reduce)').matches,
    };
  }
}
