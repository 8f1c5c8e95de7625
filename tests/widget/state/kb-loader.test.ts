/** `createKbLoader`: one request at a time, bounded retries after a backoff, never a rejection. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createKbLoader, jitteredBackoff } from '../../../widget/state/kb-loader.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const ok = (body: unknown): Response => new Response(JSON.stringify(body))

function loader(fetch: () => Promise<Response>, options = { backoff: () => 0 }) {
  vi.stubGlobal('fetch', vi.fn(fetch))
  vi.spyOn(console, 'error').mockImplementation(() => {})
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
    expect(fetch).toHaveBeenCalledWith('https://clinic.example/kb.json', { credentials: 'omit' })
  })

  it('resolves to null on an HTTP error, a network error, bad JSON or a refused file, and says why on the console', async () => {
    for (const failure of [
      async () => new Response('', { status: 500 }),
      async () => Promise.reject(new TypeError('Failed to fetch')),
      async () => new Response('{"format":'),
    ]) {
      const kb = loader(failure)
      expect(await kb.load()).toBeNull()
      expect(console.error).toHaveBeenLastCalledWith(expect.stringMatching(/^Frontdesk: could not load the knowledge base from https:\/\/clinic\.example\/kb\.json \(attempt 1 of 3/))
    }
    vi.stubGlobal('fetch', vi.fn(async () => ok({})))
    const refused = createKbLoader(() => 'kb.json', () => {
      throw new Error('Frontdesk: kb.json has format 2, expected 1')
    })
    expect(await refused.load()).toBeNull()
    expect(console.error).toHaveBeenLastCalledWith(expect.stringContaining('kb.json has format 2, expected 1'))
  })

  it('tries again on the next call, three attempts in all', async () => {
    const kb = loader(async () => new Response('', { status: 404 }))
    for (let i = 0; i < 5; i++) expect(await kb.load()).toBeNull()
    expect(fetch).toHaveBeenCalledTimes(3)
    expect(kb.attempts).toBe(3)
    expect(console.error).toHaveBeenLastCalledWith(expect.stringContaining('attempt 3 of 3, giving up'))
  })

  it('waits out the backoff before retrying', async () => {
    const kb = loader(async () => new Response('', { status: 503 }), { backoff: () => 60 })
    await kb.load()
    const started = Date.now()
    await kb.load()
    expect(Date.now() - started).toBeGreaterThanOrEqual(50)
  })

  it('recovers when a retry succeeds', async () => {
    let calls = 0
    const kb = loader(async () => (++calls === 1 ? new Response('', { status: 500 }) : ok({ ok: true })))
    expect(await kb.load()).toBeNull()
    expect(await kb.load()).toEqual({ ok: true })
  })
})

describe('jitteredBackoff', () => {
  it('doubles per attempt, scaled by a random 50–100 %', () => {
    for (const attempt of [1, 2, 3]) {
      const base = 400 * 2 ** (attempt - 1)
      for (let i = 0; i < 20; i++) {
        const ms = jitteredBackoff(attempt)
        expect(ms).toBeGreaterThanOrEqual(base / 2)
        expect(ms).toBeLessThanOrEqual(base)
      }
    }
  })
})
