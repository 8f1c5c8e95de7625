import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchText, KbModel, LoadStatus } from '../../../../demo/coverage/state/kb-model.ts'
import { KB_FORMAT_VERSION } from '../../../../widget/engine/index.ts'
import { CONSOLE_FILES, SMALL, stubFetch } from './fixtures.ts'

describe('KbModel', () => {
  it('starts idle and empty', () => {
    const model = new KbModel({ fetchText: stubFetch({}) })
    expect([model.status.value, model.kb.value, model.error.value]).toEqual([LoadStatus.idle, null, null])
  })

  it('loads and checks kb.json from ../kb.json by default, with the staff data of ../kb-staff.json', async () => {
    const fetch = stubFetch(CONSOLE_FILES)
    const model = new KbModel({ fetchText: fetch })
    const loading = model.load()
    expect(model.status.value).toBe(LoadStatus.loading)
    await loading
    expect(fetch.asked).toEqual(['../kb.json', '../kb-staff.json'])
    expect(model.status.value).toBe(LoadStatus.ready)
    expect(model.kb.value?.pairs.map((pair) => pair.id)).toEqual(SMALL.pairs.map((pair) => pair.id))
    expect(model.kb.value?.pairs[0]?.answerText).toBe(SMALL.pairs[0]?.answerText)
    expect(model.kb.value?.pairs.map((pair) => [pair.origin, pair.topic, pair.note])).toEqual(SMALL.pairs.map((pair) => [pair.origin, pair.topic, pair.note]))
    expect(model.kb.value?.pages).toEqual(SMALL.pages)
  })

  it('works without the staff file when it cannot be had, and refuses one of another build', async () => {
    const { '../kb-staff.json': staff, ...files } = CONSOLE_FILES
    const without = new KbModel({ fetchText: stubFetch(files) })
    await without.load()
    expect(without.status.value).toBe(LoadStatus.ready)
    expect(without.kb.value?.pairs[0]?.origin).toBeUndefined()
    const other = new KbModel({ fetchText: stubFetch({ ...files, '../kb-staff.json': JSON.stringify({ ...JSON.parse(staff), hash: 'another' }) }) })
    await other.load()
    expect(other.status.value).toBe(LoadStatus.error)
    expect(other.error.value).toMatch(/^Could not load \.\.\/kb\.json: kb-staff\.json belongs to another build than kb\.json/)
  })

  it('explains a failed fetch and keeps the knowledge base it had', async () => {
    const files: Record<string, string> = { ...CONSOLE_FILES }
    const model = new KbModel({ fetchText: stubFetch(files) })
    await model.load()
    delete files['../kb.json']
    await model.load()
    expect(model.status.value).toBe(LoadStatus.error)
    expect(model.error.value).toBe('Could not load ../kb.json: ../kb.json: HTTP 404')
    expect(model.kb.value).not.toBeNull()
  })

  it('refuses a file that is not a kb.json of this format, saying why', async () => {
    const model = new KbModel({ url: 'old.json', fetchText: stubFetch({ 'old.json': '{"format":0}' }) })
    await model.load()
    expect(model.error.value).toBe(`Could not load old.json: kb.json has format 0, expected ${KB_FORMAT_VERSION}; rebuild it with "frontdesk build"`)
    const broken = new KbModel({ url: 'x.json', fetchText: stubFetch({ 'x.json': '{' }) })
    await broken.load()
    expect(broken.error.value).toMatch(/^Could not load x\.json: .*JSON/)
  })
})

describe('fetchText', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('returns the body, or throws naming the URL and HTTP status', async () => {
    vi.stubGlobal('fetch', async (url: string) => (url === 'ok' ? new Response('body') : new Response('', { status: 404 })))
    await expect(fetchText('ok')).resolves.toBe('body')
    await expect(fetchText('missing')).rejects.toThrow('missing: HTTP 404')
  })
})
