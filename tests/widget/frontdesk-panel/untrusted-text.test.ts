// @vitest-environment happy-dom
/**
 * HTML typed by a visitor, or written as text in an answer, stays text: no element is created from it, no handler
 * attribute, no unsafe link.
 */
import { describe, expect, it } from 'vitest'
import type { KbFile } from '../../../widget/engine/index.ts'
import type { FrontdeskChat } from '../../../widget/frontdesk-chat/frontdesk-chat.ts'
import { KB, all, ask, mount, open, serve, type } from '../harness.ts'

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<iframe src=javascript:alert(1)>',
  '"><embed src=x>',
  '<style>*{display:none!important}</style>',
  '${alert(1)}{{constructor.constructor("alert(1)")()}}',
]

const FORBIDDEN = 'script, img, iframe, svg, embed, object, style, link, meta, base, form, template, math, details'

/** Forbidden elements, handler attributes and links that are not https:, mailto: or tel:, anywhere in the widget. */
function unsafe(chat: FrontdeskChat): string[] {
  const problems: string[] = []
  for (const element of all(chat, '*')) {
    if (element.matches(FORBIDDEN)) problems.push(`<${element.localName}>`)
    for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) problems.push(`${attribute.name} on <${element.localName}>`)
    if (element.localName === 'a' && !/^(https:|mailto:|tel:)/.test(element.getAttribute('href') ?? '')) problems.push(`href="${element.getAttribute('href')}"`)
  }
  return problems
}

describe('HTML typed by a visitor', () => {
  it('is shown as typed and creates no element, while typing or once sent', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    for (const payload of PAYLOADS) {
      await type(chat, payload)
      expect(unsafe(chat), `typing ${payload}`).toEqual([])
      await ask(chat, payload)
      expect(all(chat, '[data-from="visitor"]').at(-1)?.textContent?.trim()).toBe(payload)
      expect(unsafe(chat), payload).toEqual([])
    }
    expect(document.querySelectorAll(FORBIDDEN)).toHaveLength(0)
  })
})

describe('HTML written as text in an answer', () => {
  const hostile: KbFile = structuredClone(KB)
  const pair = hostile.pairs.find((p) => p.id === 'does-it-hurt')!
  pair.answer = [
    { type: 'paragraph', children: [{ type: 'text', text: 'Flamingos write <img src=x onerror=alert(1)> on the wall.' }] },
    {
      type: 'list',
      ordered: false,
      items: [
        [{ type: 'strong', children: [{ type: 'text', text: '<script>alert(2)</script>' }] }],
        [{ type: 'link', href: 'javascript:alert(3)', children: [{ type: 'text', text: 'a bad link' }] }],
        [{ type: 'link', href: 'data:text/html,<svg onload=alert(4)>', children: [{ type: 'text', text: 'a data link' }] }],
        [{ type: 'link', href: 'https://clinic.example/page?q="><svg onload=alert(5)>', children: [{ type: 'text', text: 'a good link' }] }],
      ],
    },
  ]

  it('is shown literally; unsafe links become plain text; no element or handler is created', async () => {
    serve(hostile)
    const chat = await mount()
    await open(chat)
    const message = await ask(chat, 'does it hurt')
    expect(message.dataset.kind).toBe('answer')
    const shown = message.textContent ?? ''
    for (const literal of ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', 'a bad link', 'a data link']) expect(shown).toContain(literal)
    expect(unsafe(chat)).toEqual([])
    const links = [...message.querySelectorAll('a')].filter((a) => !a.matches('[part]'))
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')])).toEqual([
      ['a good link', 'https://clinic.example/page?q="><svg onload=alert(5)>', 'noopener noreferrer', '_blank'],
    ])
  })
})
