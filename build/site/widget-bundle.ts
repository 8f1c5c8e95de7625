/** Bundles the embeddable widget into `dist/`. PLACEHOLDER until the widget issue lands: see issue 4. */
export interface BundleReport {
  lines: string[]
  overBudget: string[]
}

/** Bundles `widget/` into `outDir/frontdesk.js` and its chunks. */
export async function bundleWidget(_outDir: string, _options: { dev: boolean }): Promise<BundleReport> {
  return { lines: ['widget: not built yet'], overBudget: [] }
}
