/**
 * The knowledge base the console works on: `kb.json`, fetched beside the demo page, with the staff fields of the
 * `kb-staff.json` the same build wrote beside it (pairs' topics, notes and where they are written).
 */
import { createModel, signal } from '@preact/signals'
import { parseKb, withStaff, type KbFile } from '../../../widget/engine/index.ts'

/** Where loading stands. */
export const LoadStatus = { idle: 'idle', loading: 'loading', ready: 'ready', error: 'error' } as const
/** One of {@link LoadStatus}'s values. */
export type LoadStatus = (typeof LoadStatus)[keyof typeof LoadStatus]

/** Fetches a URL's text; `fetch` in the browser, a stub in tests. */
export type FetchText = (url: string) => Promise<string>

/** Options of {@link KbModel}. */
export interface KbModelOptions {
  /** Where `kb.json` is, relative to the console's page. */
  url?: string
  /** Where its `kb-staff.json` is. When it cannot be fetched, the console works without staff fields. */
  staffUrl?: string
  /** How to fetch it. */
  fetchText?: FetchText
}

/** Fetches with the browser's `fetch`, turning an HTTP error into a thrown one that names the status. */
export const fetchText: FetchText = async (url) => {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return response.text()
}

/** Default {@link KbModelOptions}. */
export const defaultKbModelOptions: Required<KbModelOptions> = { url: '../kb.json', staffUrl: '../kb-staff.json', fetchText }

/** The loaded knowledge base, its status and the error that stopped it, with the action that loads it. */
export const KbModel = createModel((options: KbModelOptions = {}) => {
  const settings = { ...defaultKbModelOptions, ...options }
  const kb = signal<KbFile | null>(null, { name: 'kb' })
  const status = signal<LoadStatus>(LoadStatus.idle, { name: 'kb.status' })
  const error = signal<string | null>(null, { name: 'kb.error' })
  return {
    kb,
    status,
    error,
    /**
     * Fetches and checks `kb.json` and its staff file; on failure keeps the previous one and explains in `error`. A
     * staff file that cannot be fetched is done without; one from another build is an error.
     */
    async load(): Promise<void> {
      status.value = LoadStatus.loading
      error.value = null
      try {
        const [text, staff] = await Promise.all([settings.fetchText(settings.url), settings.fetchText(settings.staffUrl).catch(() => null)])
        const file = parseKb(JSON.parse(text))
        kb.value = staff === null ? file : withStaff(file, JSON.parse(staff))
        status.value = LoadStatus.ready
      } catch (cause) {
        error.value = `Could not load ${settings.url}: ${cause instanceof Error ? cause.message.replace(/^Frontdesk: /, '') : String(cause)}`
        status.value = LoadStatus.error
      }
    },
  }
})

/** An instance of {@link KbModel}. */
export type KbModel = InstanceType<typeof KbModel>
