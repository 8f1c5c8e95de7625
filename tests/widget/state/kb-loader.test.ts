/**
 * `createKbLoader`: one request at a time, a deadline for callers while the request goes on, a bounded wait for a
 * response, retries after a growing backoff for as long as the page lives, never a rejection.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createKbLoader, jitteredBackoff, type KbLoaderOptions } from '../../../widget/state/kb-loader.ts'
import { WAIT } from '../../helpers/wait.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const ok = (body: unknown): Response => new Response(JSON.stringify(body))
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A fetch that never answers, until its request is aborted. */
const never = (_url: string, init?: RequestInit): Promise<Response> =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))

function loader(fetch: (url: string, init?: RequestInit) => Promise<Response>, options: KbLoaderOptions = { backoff: () => 0 }) {
  vi.stubGlobal('fetch', vi.fn(fetch))
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  return createKbLoader(() => 'https://clinic.example/kb.json', (json) => json as { ok: boolean }, options)
}

describe('createKbLoader', () => {
  it('fetches nothing until asked, then once, sharing the request between concurrent callers', async () => {
    const kb = loader(async () => ok({ ok: true }))
    expect(fetch).not.toHaveBeenCalled()
    const [a, b] = await Promise.all([kb.load(), kb.load()])
    expect(a).toEqual({ ok: true })
    expect(b).toBe(a)
    expect(await kb.load()).toBe(a)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith('https://clinic.example/kb.json', expect.objectContaining({ credentials: 'omit' }))
  })

  it('leaves no deadline timer behind when the knowledge base arrives first', async () => {
    const set = vi.spyOn(globalThis, 'setTimeout')
    const clear = vi.spyOn(globalThis, 'clearTimeout')
    const kb = loader(async () => ok({ ok: true }), { backoff: () => 0, deadline: 61_000 })
    expect(await kb.load()).toEqual({ ok: true })
    const deadline = set.mock.calls.findIndex(([, ms]) => ms === 61_000)
    expect(deadline).toBeGreaterThanOrEqual(0)
    expect(clear).toHaveBeenCalledWith(set.mock.results[deadline]!.value)
  })

  it('resolves to null on an HTTP error, a network error, bad JSON or a refused file, and says why on the console', async () => {
    for (const failure of [
      async () => new Response('', { status: 500 }),
      async () => Promise.reject(new TypeError('Failed to fetch')),
      async () => new Response('{"format":'),
    ]) {
      const kb = loader(failure)
      expect(await kb.load()).toBeNull()
      expect(console.error).toHaveBeenLastCalledWith(
        'Frontdesk: could not load the knowledge base from https://clinic.example/kb.json (attempt 1; will retry on the next question):',
        expect.any(Error),
      )
    }
    vi.stubGlobal('fetch', vi.fn(async () => ok({})))
    const refused = createKbLoader(() => 'kb.json', () => {
      throw new Error('Frontdesk: kb.json has format 2, expected 1')
    })
    expect(await refused.load()).toBeNull()
    expect(console.error).toHaveBeenLastCalledWith(expect.any(String), new Error('Frontdesk: kb.json has format 2, expected 1'))
  })

  it('tries again on every next call, with no limit on the attempts', async () => {
    const kb = loader(async () => new Response('', { status: 503 }))
    for (let i = 0; i < 8; i++) expect(await kb.load()).toBeNull()
    expect(fetch).toHaveBeenCalledTimes(8)
    expect(kb.attempts).toBe(8)
  })

  it('recovers when a retry succeeds, however many attempts failed before', async () => {
    let calls = 0
    const kb = loader(async () => (++calls <= 4 ? new Response('', { status: 503 }) : ok({ ok: true })))
    for (let i = 0; i < 4; i++) expect(await kb.load()).toBeNull()
    expect(await kb.load()).toEqual({ ok: true })
  })

  it('waits out the backoff before retrying', async () => {
    const kb = loader(async () => new Response('', { status: 503 }), { backoff: () => 60 })
    await kb.load()
    const retry = kb.load()
    await Promise.resolve()
    expect(fetch).toHaveBeenCalledTimes(1)
    await retry
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('answers null at once while the backoff is longer than the deadline, and still makes the attempt after it', async () => {
    const kb = loader(async () => new Response('', { status: 503 }), { backoff: () => 80, deadline: 40 })
    await kb.load()
    expect(await kb.load()).toBeNull()
    expect(fetch).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2), WAIT)
  })

  it('a request that never answers: callers get null after the deadline, and it stays the only request in flight', async () => {
    const kb = loader(never, { deadline: 20, backoff: () => 0 })
    expect(await Promise.all([kb.load(), kb.load()])).toEqual([null, null])
    expect(await kb.load()).toBeNull()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(console.warn).toHaveBeenCalledWith('Frontdesk: no knowledge base after 0.02 s; still waiting for it.')
  })

  it('a late response is kept: the call after it arrives has the knowledge base, with no new request', async () => {
    const kb = loader(() => sleep(80).then(() => ok({ ok: true })), { deadline: 20, backoff: () => 0 })
    expect(await kb.load()).toBeNull()
    await vi.waitFor(async () => expect(await kb.load()).toEqual({ ok: true }), WAIT)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('prefetch() starts the one request for nobody waiting yet: no deadline, so no warning; a later load() joins it', async () => {
    const kb = loader(() => sleep(80).then(() => ok({ ok: true })), { deadline: 20, backoff: () => 0 })
    kb.prefetch()
    kb.prefetch()
    await sleep(60)
    expect(console.warn).not.toHaveBeenCalled()
    await vi.waitFor(async () => expect(await kb.load()).toEqual({ ok: true }), WAIT)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('uses a request started before it (the launcher\'s, beside the chunk) once, for the same URL only', async () => {
    const started = { href: 'https://clinic.example/kb.json', response: Promise.resolve(ok({ ok: 'early' })) }
    const kb = loader(async () => ok({ ok: true }), { started, backoff: () => 0 })
    expect(await kb.load()).toEqual({ ok: 'early' })
    expect(fetch).not.toHaveBeenCalled()

    const elsewhere = loader(async () => ok({ ok: true }), { started: { ...started, href: 'https://old.example/kb.json' } })
    expect(await elsewhere.load()).toEqual({ ok: true })
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('a started request that fails counts as the first attempt; the retry fetches afresh', async () => {
    const started = { href: 'https://clinic.example/kb.json', response: Promise.reject(new TypeError('Failed to fetch')) }
    // As the launcher does: the loader handles it later.
    started.response.catch(() => {})
    const kb = loader(async () => ok({ ok: true }), { started, backoff: () => 0 })
    expect(await kb.load()).toBeNull()
    expect(console.error).toHaveBeenLastCalledWith(expect.stringContaining('(attempt 1;'), new TypeError('Failed to fetch'))
    expect(await kb.load()).toEqual({ ok: true })
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('abandons a started request with no response after `timeout`, as it does its own', async () => {
    const started = { href: 'https://clinic.example/kb.json', response: new Promise<Response>(() => {}) }
    const kb = loader(async () => ok({ ok: true }), { started, deadline: 1_000, timeout: 30, backoff: () => 0 })
    expect(await kb.load()).toBeNull()
    expect(console.error).toHaveBeenLastCalledWith(expect.any(String), new Error('no response in 0.03 s'))
    expect(await kb.load()).toEqual({ ok: true })
  })

  it('gives up on a request with no response after `timeout`, so the next call tries again', async () => {
    const kb = loader(never, { deadline: 1_000, timeout: 30, backoff: () => 0 })
    expect(await kb.load()).toBeNull()
    expect(console.error).toHaveBeenLastCalledWith(expect.any(String), new Error('no response in 0.03 s'))
    await kb.load()
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})

describe('jitteredBackoff', () => {
  it('doubles per attempt, scaled by a random 50–100 %, up to a minute', () => {
    for (const attempt of [1, 2, 3, 12, 40]) {
      const base = Math.min(60_000, 400 * 2 ** (attempt - 1))
      for (let i = 0; i < 20; i++) {
        // The wait the function returns, not a clock reading: nothing here depends on the machine's speed.
        const wait = jitteredBackoff(attempt)
        expect(wait).toBeGreaterThanOrEqual(base / 2)
        expect(wait).toBeLessThanOrEqual(base)
      }
    }
  })

  it('differs from visitor to visitor, so that their retries do not arrive in step', () => {
    vi.spyOn(Math, 'random').mockReturnValueOnce(0).mockReturnValueOnce(0.999)
    const [one, other] = [jitteredBackoff(1), jitteredBackoff(1)]
    expect(one).toBe(200)
    expect(other).toBeGreaterThan(399)
  })
})
