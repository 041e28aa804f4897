import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartData, ChartInstance, ChartLook } from './chart-controller.js';

/**
 * The line chart, loaded by `ChartController` only once a chart is visible. Registers only what a line chart
 * with a category x axis and tooltips needs (no legend: hosts draw their own in HTML, which is themable and
 * read by screen readers).
 */
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

type LineConfig = ChartConfiguration<'line', (number | null)[], string>;

/**
 * Writes `gapLabel` upright in the column of each period the first series has no value for: the line stops
 * there, and the chart says why rather than leaving a blank a reader may take for zero or for a bug.
 */
function gapWords(current: () => { data: ChartData; look: ChartLook }): Plugin<'line'> {
  return {
    id: 'sppGapWords',
    afterDatasetsDraw(chart) {
      const { data, look } = current();
      const values = data.series[0]?.values ?? [];
      if (!data.gapLabel || !values.includes(null)) return;
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.fillStyle = look.text;
      ctx.font = `italic 12px ${look.font}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      values.forEach((value, index) => {
        if (value !== null) return;
        ctx.save();
        ctx.translate(scales.x!.getPixelForValue(index), (chartArea.top + chartArea.bottom) / 2);
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(data.gapLabel!, 0, 0);
        ctx.restore();
      });
      ctx.restore();
    },
  };
}

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
            label: (item) => {
              const series = data.series[item.datasetIndex]!;
              if (item.parsed.y !== null) return data.describe(series, item.parsed.y);
              const colon = data.locale.startsWith('fr') ? '\u00a0: ' : ': ';
              return item.datasetIndex === 0 && data.gapLabel ? `${series.label}${colon}${data.gapLabel}` : '';
            },
          },
        },
      },
    },
  };
}

export function createChart(canvas: HTMLCanvasElement, data: ChartData, look: ChartLook): ChartInstance {
  let current = { data, look };
  const chart = new Chart(canvas, { ...configure(data, look), plugins: [gapWords(() => current)] });
  return {
    update(next, nextLook) {
      current = { data: next, look: nextLook };
      const config = configure(next, nextLook);
      chart.data = config.data;
      chart.options = config.options!;
      chart.update(nextLook.animate ? undefined : 'none');
    },
    destroy: () => chart.destroy(),
  };
}
