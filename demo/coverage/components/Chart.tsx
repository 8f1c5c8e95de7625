/** Draws one chart's geometry (`build/staff/charts.ts`) as SVG: the same charts as the HTML report. */
import type { Chart } from '../../../build/staff/charts.ts'

/** Props of {@link ChartSvg}. */
export interface ChartSvgProps {
  chart: Chart
  /** The accessible name. */
  title: string
}

/** An SVG chart with an accessible name and description; sizes are attributes, never inline styles. */
export function ChartSvg({ chart, title }: ChartSvgProps) {
  return (
    <svg class="chart" viewBox={`0 0 ${chart.width} ${chart.height}`} width={chart.width} height={chart.height} role="img" aria-label={`${title}. ${chart.description}`}>
      <title>{title}</title>
      <desc>{chart.description}</desc>
      {chart.lines.map((line, i) => (
        <line key={`l${i}`} class={line.className} x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} />
      ))}
      {chart.rects.map((rect, i) => (
        <rect key={`r${i}`} class={rect.className} x={rect.x} y={rect.y} width={rect.width} height={rect.height}>
          <title>{rect.title}</title>
        </rect>
      ))}
      {chart.texts.map((text, i) => (
        <text key={`t${i}`} class={text.className} x={text.x} y={text.y} text-anchor={text.anchor}>
          {text.text}
        </text>
      ))}
    </svg>
  )
}
