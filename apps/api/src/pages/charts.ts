/**
 * Horizontal bar charts as plain data for an inline SVG (drawn by the `barChart` macro): no chart
 * library, no script. Each group is a label line over one bar per series; the SVG has a title and
 * description, and every chart is followed by a table with the same figures.
 */
export interface ChartSeries {
  readonly name: string;
  /** Fill colour (GOV.UK palette) and, for when colour cannot be seen, a pattern-free text legend. */
  readonly colour: string;
}

export interface ChartGroup {
  readonly label: string;
  /** One value per series, a percentage (0-100), or null when there was nothing to count. */
  readonly values: readonly (number | null)[];
}

export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly colour: string;
  readonly text: string;
  readonly textX: number;
  readonly textY: number;
}

export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly plotX: number;
  readonly plotWidth: number;
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  readonly legend: readonly { readonly x: number; readonly y: number; readonly colour: string; readonly name: string }[];
  readonly groups: readonly { readonly label: string; readonly labelY: number; readonly bars: readonly ChartBar[] }[];
  readonly axisY: number;
}

const WIDTH = 640;
const PLOT_X = 8;
const PLOT_WIDTH = 520;
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 16;
const BAR_GAP = 4;
const GROUP_GAP = 14;
const LEGEND_HEIGHT = 28;

/** Lays out a percentage bar chart (0 to 100) of `groups`, one bar per series in each group. */
export function percentChart(id: string, title: string, series: readonly ChartSeries[], groups: readonly ChartGroup[]): Chart {
  const scale = (percent: number) => (Math.max(0, Math.min(100, percent)) / 100) * PLOT_WIDTH;
  let y = LEGEND_HEIGHT;
  const laidOut = groups.map((group) => {
    const labelY = y + 14;
    y += LABEL_HEIGHT;
    const bars = series.map((s, i) => {
      const value = group.values[i] ?? null;
      const width = value === null ? 0 : scale(value);
      const bar: ChartBar = {
        x: PLOT_X, y, width: Math.round(width * 10) / 10, height: BAR_HEIGHT, colour: s.colour,
        text: value === null ? `${s.name}: no data` : `${value.toFixed(1)}%`, textX: Math.round((PLOT_X + width + 6) * 10) / 10, textY: y + BAR_HEIGHT - 3,
      };
      y += BAR_HEIGHT + BAR_GAP;
      return bar;
    });
    y += GROUP_GAP;
    return { label: group.label, labelY, bars };
  });
  const axisY = y;
  const ticks = [0, 25, 50, 75, 100].map((t) => ({ x: PLOT_X + scale(t), label: `${t}%` }));
  const legend = series.map((s, i) => ({ x: PLOT_X + i * 220, y: 6, colour: s.colour, name: s.name }));
  const valueText = (value: number | null | undefined) => (value === null || value === undefined ? 'no data' : `${value.toFixed(1)}%`);
  const description = groups.map((g) => `${g.label}: ${series.map((s, i) => `${s.name} ${valueText(g.values[i])}`).join(', ')}`).join('; ');
  return { id, title, description, width: WIDTH, height: axisY + 24, plotX: PLOT_X, plotWidth: PLOT_WIDTH, ticks, legend, groups: laidOut, axisY };
}
