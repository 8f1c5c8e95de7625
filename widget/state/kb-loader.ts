/**
 * Fetching `kb.json` once it is needed, with a deadline and retries. A caller waits at most `deadline` for the
 * knowledge base and then gets null (the visitor is told answers are unavailable and offered booking) while the
 * request goes on: when it later arrives, the next call has it. A failed load is tried again on the next call after
 * a jittered, growing backoff, for as long as the page lives, with never more than one request in flight. Never
 * throws or rejects; failures are reported on the console (they are usually a deployment mistake).
 */

/** Options of {@link createKbLoader}. */
export interface KbLoaderOptions {
  /** Milliseconds a `load()` call waits before resolving to null; the request itself goes on. Default 5 s. */
  deadline?: number
  /** Milliseconds without a response (headers) before a request is abandoned, so a later call can try again. Default 30 s. */
  timeout?: number
  /** Milliseconds to wait after failed attempt `n` before the next. Default {@link jitteredBackoff}. */
  backoff?: (attempt: number) => number
  /**
   * A request already under way: the launcher starts one beside the chat's code, so that on a slow network the two
   * take one round trip, not two. The first attempt uses it if it is for the URL wanted; later ones fetch afresh.
   */
  started?: KbRequest | null
}

/** A request for `kb.json` made before its loader existed. */
export interface KbRequest {
  href: string
  response: Promise<Response>
}

/** Loads and checks the knowledge base once it is needed. */
export interface KbLoader<T> {
  /** The built value, or null when it is unavailable now or has not arrived within the deadline. */
  load(): Promise<T | null>
  /** Starts loading (or joins the load in flight) for nobody waiting yet: no deadline, so no warning. */
  prefetch(): void
  /** Attempts made so far. */
  readonly attempts: number
}

/** The default backoff: 400 ms, 800 ms… up to a minute, each scaled by a random 50–100 % so visitors do not retry in step. */
export function jitteredBackoff(attempt: number): number {
  return Math.min(60_000, 400 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2)
}

const sleep = (ms: number): Promise<null> => new Promise((resolve) => setTimeout(resolve, ms, null))

/** Rejects when `signal` aborts: a request started elsewhere cannot be aborted here, only abandoned. */
const abandoned = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)))

/**
 * A loader for the JSON at `url()`. `build` turns the parsed JSON into what the caller needs (say, an engine), at
 * once or in a promise, and throws or rejects when it cannot; that counts as a failed attempt like a 404 or a
 * network error does.
 */
export function createKbLoader<T>(url: () => string, build: (json: unknown) => T | Promise<T>, options: KbLoaderOptions = {}): KbLoader<T> {
  const { deadline = 5_000, timeout = 30_000, backoff = jitteredBackoff } = options
  let started = options.started
  let value: T | null = null
  let pending: Promise<T | null> | null = null
  let attempts = 0
  let retryAt = 0

  async function attempt(): Promise<T | null> {
    await sleep(retryAt - Date.now())
    attempts++
    const href = url()
    const controller = new AbortController()
    // Only the wait for a response is bounded: a large file still arriving is not cut off.
    const timer = setTimeout(() => controller.abort(new Error(`no response in ${timeout / 1000} s`)), timeout)
    try {
      const early = started?.href === href ? started.response : null
      started = null
      // No credentials: the widget sends nothing about the visitor, not even cookies.
      const response = await (early ? Promise.race([early, abandoned(controller.signal)]) : fetch(href, { credentials: 'omit', signal: controller.signal }))
      clearTimeout(timer)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return (value = await build(await response.json()))
    } catch (error) {
      clearTimeout(timer)
      retryAt = Date.now() + backoff(attempts)
      console.error(`Frontdesk: could not load the knowledge base from ${href} (attempt ${attempts}; will retry on the next question):`, error)
      return null
    }
  }

  const start = (): Promise<T | null> => (pending ??= attempt().finally(() => (pending = null)))

  return {
    prefetch() {
      if (value === null) void start()
    },
    load() {
      if (value !== null) return Promise.resolve(value)
      const current = start()
      // Still backing off for longer than a visitor should wait: answer now; the attempt is made all the same.
      if (retryAt - Date.now() >= deadline) return Promise.resolve(null)
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<null>((resolve) => {
        timer = setTimeout(() => {
          if (pending === current) console.warn(`Frontdesk: no knowledge base after ${deadline / 1000} s; still waiting for it.`)
          resolve(null)
        }, deadline)
      })
      // A load that wins the race leaves no timer behind.
      return Promise.race([current.finally(() => clearTimeout(timer)), late])
    },
    get attempts() {
      return attempts
    },
  }
}
