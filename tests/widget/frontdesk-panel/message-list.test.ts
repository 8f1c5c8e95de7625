// @vitest-environment happy-dom
/**
 * `MessageList`: the conversation's elements kept in step with the messages, rendering only what changed, and
 * leaving out a message that cannot be rendered. Also the panel's bounded log, through the public API.
 */
import { html } from 'lit/html.js'
import { describe, expect, it, vi } from 'vitest'
import { MessageList } from '../../../widget/frontdesk-panel/message-list.ts'
import { MAX_MESSAGES } from '../../../widget/state/chat-store.ts'
import { all, ask, mount, one, open, serve } from '../harness.ts'

interface Item {
  id: number
  text: string
}

/** A list over a template that counts its calls and throws for the text "boom". */
function list() {
  const rendered: number[] = []
  const messages = new MessageList<Item>((item) => {
    rendered.push(item.id)
    if (item.text === 'boom') throw new RangeError('Maximum call stack size exceeded')
    return html`<p>${item.text}</p>`
  }, {})
  const texts = (): string[] => [...messages.element.children].map((child) => child.textContent ?? '')
  return { messages, rendered, texts }
}

const items = (...texts: string[]): Item[] => texts.map((text, i) => ({ id: i + 1, text }))

describe('MessageList', () => {
  it('renders each message once: a new message renders alone, and the others keep their elements', () => {
    const { messages, rendered, texts } = list()
    const context = {}
    const first = items('a', 'b')
    messages.sync(first, context)
    const elements = [...messages.element.children]
    messages.sync([...first, { id: 3, text: 'c' }], context)
    expect(texts()).toEqual(['a', 'b', 'c'])
    expect(rendered).toEqual([1, 2, 3])
    expect([...messages.element.children].slice(0, 2)).toEqual(elements)
  })

  it('dropping the oldest removes its element only; a changed message renders alone; a new context renders all', () => {
    const { messages, rendered, texts } = list()
    const context = {}
    const [a, b, c] = items('a', 'b', 'c')
    messages.sync([a!, b!, c!], context)
    const kept = messages.element.children[1]
    rendered.length = 0
    messages.sync([b!, { ...c!, text: 'c2' }], context)
    expect(texts()).toEqual(['b', 'c2'])
    expect(messages.element.children[0]).toBe(kept)
    expect(rendered).toEqual([3])
    messages.sync([b!, { ...c!, text: 'c2' }], {})
    expect(rendered).toEqual([3, 2, 3])
  })

  it('leaves out a message whose template throws, reports it, and shows the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { messages, texts } = list()
    messages.sync(items('a', 'boom', 'c'), {})
    expect(texts()).toEqual(['a', '', 'c'])
    expect(error).toHaveBeenCalledWith('Frontdesk: a message could not be shown', expect.any(RangeError))
    messages.sync(items('a', 'boom', 'c', 'd'), {})
    expect(texts()).toEqual(['a', '', 'c', 'd'])
  })
})

describe('a long conversation', () => {
  it(`keeps the latest ${MAX_MESSAGES} messages in the DOM with a note about earlier ones, and renders only the new ones`, async () => {
    serve()
    const chat = await mount()
    await open(chat)
    for (let i = 0; i < MAX_MESSAGES / 2 + 3; i++) await ask(chat, `hello ${i}`)
    expect(all(chat, '[part~="message"][data-from]:not([data-kind="greeting"])')).toHaveLength(MAX_MESSAGES)
    expect(one(chat, '[part~="earlier"]').textContent).toBe('Earlier messages are not shown.')
    const newest = all(chat, '[part~="message"]').at(-1)
    await ask(chat, 'hello again')
    expect(all(chat, '[part~="message"][data-from]:not([data-kind="greeting"])')).toHaveLength(MAX_MESSAGES)
    // The reply before is the same element, not a new rendering of it.
    expect(all(chat, '[part~="message"]').at(-3)).toBe(newest)
    await chat.reset()
    await open(chat)
    expect(all(chat, '[part~="earlier"]')).toEqual([])
    expect(all(chat, '[part~="message"]')).toHaveLength(1)
  })
})
