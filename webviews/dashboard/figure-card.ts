// A figure on the dashboard: a card with a title, the plotly chart and SVG / PNG export buttons.
// Updates go through Plotly.react (the chart is diffed, not rebuilt); export renders the figure
// with Plotly.toImage and hands the image to the extension, which saves it where the user says
// (a webview cannot write files or start downloads).
import Plotly from 'plotly.js-strict-dist-min';
import type { Config, Data, Layout, PlotlyHTMLElement } from 'plotly.js';
import { button } from '../shared/controls';

export type ImageFormat = 'svg' | 'png';

export interface FigureCardOptions {
  id: string;
  title: string;
  /** under the title: what the figure shows */
  caption?: string;
  /** plot height in px */
  height: number;
  onExport(format: ImageFormat, data: string, name: string): void;
  onError(message: string): void;
}

const CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  displayModeBar: 'hover' as unknown as boolean,
  // Export has its own buttons (plotly's would try to download, which a webview cannot).
  modeBarButtonsToRemove: ['toImage', 'select2d', 'lasso2d', 'autoScale2d', 'hoverClosestCartesian', 'hoverCompareCartesian', 'toggleSpikelines'] as Config['modeBarButtonsToRemove'],
  scrollZoom: false,
  doubleClick: 'reset',
};

export class FigureCard {
  readonly element: HTMLElement;
  readonly plot: HTMLDivElement;
  private readonly heading: HTMLElement;
  private readonly captionEl: HTMLElement;
  private readonly extra: HTMLElement;
  private drawn = false;
  private listeners: [string, (e: unknown) => void][] = [];
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: FigureCardOptions) {
    this.element = document.createElement('section');
    this.element.className = 'card figure';
    this.element.id = `figure-${opts.id}`;
    const header = document.createElement('header');
    header.className = 'card-header';
    const titles = document.createElement('div');
    titles.className = 'card-titles';
    this.heading = document.createElement('h3');
    this.heading.textContent = opts.title;
    this.captionEl = document.createElement('p');
    this.captionEl.className = 'caption';
    this.captionEl.textContent = opts.caption ?? '';
    titles.append(this.heading, this.captionEl);
    this.extra = document.createElement('div');
    this.extra.className = 'card-tools';
    const exportBar = document.createElement('div');
    exportBar.className = 'export';
    for (const format of ['svg', 'png'] as const) {
      const b = button({ label: format.toUpperCase(), icon: '⤓', appearance: 'secondary', title: `Save this figure as ${format.toUpperCase()}`, onClick: () => void this.export(format) });
      b.id = `export-${opts.id}-${format}`;
      b.classList.add('export-button');
      exportBar.append(b);
    }
    header.append(titles, this.extra, exportBar);
    this.plot = document.createElement('div');
    this.plot.className = 'plot';
    this.plot.style.height = `${opts.height}px`;
    this.element.append(header, this.plot);
  }

  /** Controls shown in the card's header (a dropdown for the component, …). */
  tools(...els: HTMLElement[]): void {
    this.extra.replaceChildren(...els);
  }

  set caption(text: string) {
    this.captionEl.textContent = text;
  }

  setHeight(px: number): void {
    if (this.plot.style.height === `${px}px`) return;
    this.plot.style.height = `${px}px`;
    if (this.drawn) void Plotly.Plots.resize(this.plot);
  }

  /** Plotly event (plotly_click, plotly_hover, …), attached once the plot exists. */
  on(event: string, handler: (e: unknown) => void): void {
    this.listeners.push([event, handler]);
    if (this.drawn) (this.plot as unknown as PlotlyHTMLElement).on(event as never, handler as never);
  }

  /** Draws or updates the figure. Renders are queued so a fast sequence of updates ends on the last. */
  render(data: Data[], layout: Partial<Layout>): Promise<void> {
    const run = async () => {
      await Plotly.react(this.plot, data, { ...layout, autosize: true }, CONFIG);
      if (!this.drawn) {
        this.drawn = true;
        for (const [event, handler] of this.listeners) (this.plot as unknown as PlotlyHTMLElement).on(event as never, handler as never);
      }
    };
    const next = this.pending.then(run, run);
    this.pending = next.catch((e: unknown) => this.opts.onError(`${this.opts.title}: ${e instanceof Error ? e.message : String(e)}`));
    return this.pending as Promise<void>;
  }

  get isDrawn(): boolean {
    return this.drawn;
  }

  /** The figure as an image: SVG text, or PNG as base64 (at twice the screen resolution). */
  async image(format: ImageFormat): Promise<string> {
    await this.pending;
    const width = Math.max(320, this.plot.clientWidth);
    const height = Math.max(200, this.plot.clientHeight);
    const url = await Plotly.toImage(this.plot, { format, width, height, scale: format === 'png' ? 2 : 1 });
    if (format === 'png') return url.slice(url.indexOf(',') + 1);
    const comma = url.indexOf(',');
    const head = url.slice(0, comma);
    const body = url.slice(comma + 1);
    return head.endsWith(';base64') ? atob(body) : decodeURIComponent(body);
  }

  async export(format: ImageFormat): Promise<void> {
    try {
      const data = await this.image(format);
      this.opts.onExport(format, data, this.opts.id);
    } catch (e) {
      this.opts.onError(`Could not export ${this.opts.title}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  purge(): void {
    if (this.drawn) Plotly.purge(this.plot);
    this.drawn = false;
  }
}
