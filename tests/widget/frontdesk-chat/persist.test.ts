// @vitest-environment happy-dom
/**
 * `persist`: off by default, the widget touches no storage at all; `persist="session"` keeps the conversation in
 * sessionStorage across page loads, and storage that fails is a silent no-op.
 */
import { describe, expect, it, vi } from 'vitest'
import type { FrontdeskChat } from '../../../widget/frontdesk-chat/frontdesk-chat.ts'
import { SETTINGS, all, ask, bots, mount, one, open, rendered, serve } from '../harness.ts'

const PERSIST = { ...SETTINGS, persist: 'session' }

/** Every Storage method call, wherever from. */
function spyStorage(): ReturnType<typeof vi.spyOn>[] {
  return (['getItem', 'setItem', 'removeItem', 'clear', 'key'] as const).map((name) => vi.spyOn(Storage.prototype, name))
}

/** A page load: the old element goes, a new one comes with the same settings. */
async function reload(chat: FrontdeskChat, settings = PERSIST): Promise<FrontdeskChat> {
  chat.remove()
  return mount(settings)
}

describe('persist', () => {
  it('is off by default: no storage is touched, and nothing is kept', async () => {
    serve()
    sessionStorage.clear()
    const spies = spyStorage()
    const chat = await mount()
    await ask(chat, 'does it hurt')
    await chat.reset()
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    expect(sessionStorage.length).toBe(0)
    expect(localStorage.length).toBe(0)
    expect(document.cookie).toBe('')
  })

  it('"session" restores the conversation after a reload, without announcing it again', async () => {
    serve()
    sessionStorage.clear()
    const first = await mount(PERSIST)
    await ask(first, 'does it hurt')
    expect(Object.keys(sessionStorage)).toEqual(['frontdesk:conversation:https://clinic.example/kb.json'])

    const chat = await reload(first)
    await open(chat)
    expect(all(chat, '[data-from="visitor"]').map((m) => m.textContent?.trim())).toEqual(['does it hurt'])
    expect(bots(chat).at(-1)?.dataset.kind).toBe('answer')
    expect(one(chat, '[part~="live"]').textContent?.trim()).toBe('')
    expect(localStorage.length).toBe(0)
  })

  it('"session": Start over forgets the stored conversation too', async () => {
    serve()
    sessionStorage.clear()
    const chat = await mount(PERSIST)
    await ask(chat, 'does it hurt')
    one(chat, 'button[part~="reset"]').click()
    await rendered(chat)
    expect(sessionStorage.length).toBe(0)
  })

  it('"session": reset() before the panel was ever opened clears a stored conversation', async () => {
    serve()
    sessionStorage.clear()
    const first = await mount(PERSIST)
    await ask(first, 'does it hurt')
    const chat = await reload(first)
    await chat.reset()
    expect(sessionStorage.length).toBe(0)
  })

  it('"session": blocked or full storage is a silent no-op', async () => {
    serve()
    for (const name of ['getItem', 'setItem', 'removeItem'] as const) {
      vi.spyOn(Storage.prototype, name).mockImplementation(() => {
        throw new DOMException('blocked', 'SecurityError')
      })
    }
    const error = vi.spyOn(console, 'error')
    const chat = await mount(PERSIST)
    expect((await ask(chat, 'does it hurt')).dataset.kind).toBe('answer')
    await chat.reset()
    expect(error).not.toHaveBeenCalled()
  })

  it('"session": a stored answer nested 100,000 levels deep is shown as text, and the widget keeps working', async () => {
    serve()
    const depth = 100_000
    const deep = '{"type":"em","children":['.repeat(depth) + '{"type":"text","text":"A deep answer."}' + ']}'.repeat(depth)
    const stored = `[{"id":1,"from":"visitor","text":"deep?"},{"id":2,"from":"bot","kind":"answer","text":"A deep answer.","rich":[{"type":"paragraph","children":[${deep}]}]}]`
    sessionStorage.setItem('frontdesk:conversation:https://clinic.example/kb.json', stored)
    const chat = await mount(PERSIST)
    await open(chat)
    expect(bots(chat).at(-1)?.textContent?.trim()).toBe('A deep answer.')
    expect((await ask(chat, 'does it hurt')).dataset.kind).toBe('answer')
    await chat.reset()
    await open(chat)
    expect((await ask(chat, 'does it hurt')).dataset.kind).toBe('answer')
    sessionStorage.clear()
  })

  it('"session": a stored conversation that is not ours is ignored', async () => {
    serve()
    sessionStorage.setItem('frontdesk:conversation:https://clinic.example/kb.json', '{"not": "a conversation"')
    const chat = await mount(PERSIST)
    await open(chat)
    expect(all(chat, '[part~="message"]')).toHaveLength(1)
    sessionStorage.clear()
  })
})
