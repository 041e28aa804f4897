import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { ChartData, ChartInstance, ChartLook } from './chart-controller.js';

/**
 * The line chart, loaded by `ChartController` only once a chart is visible. Registers only what a line chart
 * with a category x axis and tooltips needs (no legend: hosts draw their own in HTML, which is themable and
 * read by screen readers).
 */
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

type LineConfig = ChartConfiguration<'line', (number | null)[], string>;

function configure(data: ChartData, look: ChartLook): LineConfig {
  const font = { family: look.font };
  const axis = { ticks: { color: look.text, font }, grid: { color: look.grid }, border: { color: look.grid } };
  return {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: data.series.map((series) => {
        const color = look.colors[series.color] || look.text;
        const markers = series.markers !== false;
        return {
          label: series.label,
          data: series.values,
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          borderDash: series.dashed ? [6, 4] : [],
          pointRadius: markers ? 3 : 0,
          pointHoverRadius: markers ? 5 : 0,
          // A period that was not measured stays a gap: joining across it would invent a value.
          spanGaps: false,
        };
      }),
    },
    options: {
      locale: data.locale,
      responsive: true,
      maintainAspectRatio: false,
      animation: look.animate ? { duration: 300 } : false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: axis,
        y: { ...axis, ticks: { ...axis.ticks, callback: (value) => data.formatValue(Number(value)) } },
      },
      plugins: {
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            label: (item) => (item.parsed.y === null ? '' : data.describe(data.series[item.datasetIndex]!, item.parsed.y)),
          },
        },
      },
    },
  };
}

export function createChart(canvas: HTMLCanvasElement, data: ChartData, look: ChartLook): ChartInstance {
  const chart = new Chart(canvas, configure(data, look));
  return {
    update(next, nextLook) {
      const config = configure(next, nextLook);
      chart.data = config.data;
      chart.options = config.options!;
      chart.update(nextLook.animate ? undefined : 'none');
    },
    destroy: () => chart.destroy(),
  };
}
