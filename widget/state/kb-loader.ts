/**
 * Fetching `kb.json` on first open, with bounded retries: a failed load is tried again on the visitor's next
 * question, after a jittered backoff, at most `maxAttempts` times in all. Never throws or rejects; failures are
 * reported on the console (they are usually a deployment mistake) and resolve to null.
 */

/** Options of {@link createKbLoader}. */
export interface KbLoaderOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number
  /** Milliseconds to wait after failed attempt `n` before the next. Default: jittered exponential from 400 ms. */
  backoff?: (attempt: number) => number
}

/** Loads and checks the knowledge base once it is needed. */
export interface KbLoader<T> {
  /** The built value, or null when unavailable now. Concurrent calls share one request. */
  load(): Promise<T | null>
  /** Attempts made so far. */
  readonly attempts: number
}

/** The default backoff: 400 ms, 800 ms… each scaled by a random 50–100 % so many visitors do not retry in step. */
export function jitteredBackoff(attempt: number): number {
  return 400 * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A loader for the JSON at `url()`. `build` turns the parsed JSON into what the caller needs (say, an engine) and
 * throws when it cannot; that counts as a failed attempt like a 404 or a network error does.
 */
export function createKbLoader<T>(url: () => string, build: (json: unknown) => T, options: KbLoaderOptions = {}): KbLoader<T> {
  const maxAttempts = options.maxAttempts ?? 3
  const backoff = options.backoff ?? jitteredBackoff
  let value: T | null = null
  let pending: Promise<T | null> | null = null
  let attempts = 0
  let retryAt = 0

  async function attempt(): Promise<T | null> {
    const wait = retryAt - Date.now()
    if (wait > 0) await sleep(wait)
    attempts++
    const href = url()
    try {
      // No credentials: the widget sends nothing about the visitor, not even cookies.
      const response = await fetch(href, { credentials: 'omit' })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      value = build(await response.json())
      return value
    } catch (error) {
      retryAt = Date.now() + backoff(attempts)
      const why = error instanceof Error ? error.message : String(error)
      const next = attempts < maxAttempts ? 'will retry on the next question' : 'giving up'
      console.error(`Frontdesk: could not load the knowledge base from ${href} (attempt ${attempts} of ${maxAttempts}, ${next}): ${why}`)
      return null
    }
  }

  return {
    load() {
      if (value !== null) return Promise.resolve(value)
      if (pending) return pending
      if (attempts >= maxAttempts) return Promise.resolve(null)
      pending = attempt().finally(() => (pending = null))
      return pending
    },
    get attempts() {
      return attempts
    },
  }
}
