/** Builds the demo clinic page and the staff console into `dist/`. PLACEHOLDER until issue 5 lands. */
import type { KbFile } from '../../widget/engine/index.ts'

/** Writes `outDir/index.html` and `outDir/coverage/index.html` with its script. */
export async function bundleDemo(_outDir: string, _options: { dev: boolean; kb: KbFile }): Promise<void> {}
