// @vitest-environment happy-dom
/** `renderRichText`: answers become elements only of the allowed kinds; their text never becomes markup. */
import '../harness.ts'
import fc from 'fast-check'
import { render } from 'lit'
import { describe, expect, it } from 'vitest'
import type { RichBlock, RichInline, RichText } from '../../../widget/engine/index.ts'
import { MAX_DEPTH, renderRichText } from '../../../widget/rich-text/render.ts'
import { PROPERTY_TIMEOUT } from '../../helpers/property.ts'

function draw(text: RichText): HTMLElement {
  const container = document.createElement('div')
  render(renderRichText(text), container)
  return container
}

/** The container's HTML without Lit's marker comments. */
const html = (container: HTMLElement): string => container.innerHTML.replace(/<!--[^>]*-->/g, '')

const t = (text: string): RichInline => ({ type: 'text', text })

describe('renderRichText', () => {
  it(`renders nesting far deeper than any answer without recursing: past ${MAX_DEPTH} levels, as plain text`, () => {
    let node: RichInline = t('deep')
    for (let i = 0; i < 20_000; i++) node = i % 3 === 2 ? { type: 'link', href: 'https://clinic.example/', children: [node] } : { type: i % 2 ? 'strong' : 'em', children: [node] }
    const container = draw([{ type: 'paragraph', children: [t('a '), node, t(' z')] }, { type: 'list', ordered: false, items: [[node]] }])
    expect(container.querySelector('p')!.textContent).toBe('a deep z')
    expect(container.querySelector('li')!.textContent).toBe('deep')
    expect(container.querySelector('p')!.querySelectorAll('strong, em, a')).toHaveLength(MAX_DEPTH)
  })

  it('renders paragraphs, lists, strong, em and links', () => {
    const container = draw([
      { type: 'paragraph', children: [t('A '), { type: 'strong', children: [t('small')] }, t(' and '), { type: 'em', children: [t('quick')] }, t(' shot.')] },
      { type: 'list', ordered: false, items: [[t('one')], [t('two')]] },
      { type: 'list', ordered: true, items: [[{ type: 'link', href: 'https://clinic.example/a', children: [t('see')] }]] },
    ])
    expect(html(container)).toBe(
      '<p>A <strong>small</strong> and <em>quick</em> shot.</p><ul><li>one</li><li>two</li></ul>' +
        '<ol><li><a target="_blank" rel="noopener noreferrer" href="https://clinic.example/a">see</a></li></ol>',
    )
  })

  it('keeps mailto: and tel: links, and renders any other link as its text', () => {
    const link = (href: string): RichBlock => ({ type: 'paragraph', children: [{ type: 'link', href, children: [t(href)] }] })
    const container = draw(['mailto:desk@clinic.example', 'tel:+15550100', 'javascript:alert(1)', 'http://clinic.example', 'data:text/html,x', '/relative'].map(link))
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['mailto:desk@clinic.example', 'tel:+15550100'])
    expect(container.textContent).toContain('javascript:alert(1)')
  })

  it('tolerates a malformed tree: unknown nodes render nothing, missing lists render empty', () => {
    const broken = [
      { type: 'heading', children: [t('no')] },
      { type: 'paragraph' },
      { type: 'list', ordered: false, items: [[{ type: 'image', src: 'x' }], null] },
      null,
    ] as unknown as RichText
    expect(html(draw(broken))).toBe('<p></p><ul><li></li><li></li></ul>')
  })

  it('never creates an element from text, whatever the text, and every link is https, mailto or tel with rel="noopener noreferrer" (property, 1,000 runs)', () => {
    const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '"><iframe src=javascript:alert(1)>', '<embed src=x>', 'javascript:alert(1)', '&lt;b&gt;']
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...PAYLOADS))
    const href = fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'mailto:a@b.example', 'tel:+15550100', 'https://a.example/?q="><script>'))
    const inline: fc.Memo<RichInline> = fc.memo((depth) =>
      depth <= 1
        ? text.map(t)
        : fc.oneof(
            text.map(t),
            fc.record({ type: fc.constant('strong' as const), children: fc.array(inline(depth - 1), { maxLength: 3 }) }),
            fc.record({ type: fc.constant('em' as const), children: fc.array(inline(depth - 1), { maxLength: 3 }) }),
            fc.record({ type: fc.constant('link' as const), href, children: fc.array(inline(depth - 1), { maxLength: 3 }) }),
          ),
    )
    const block: fc.Arbitrary<RichBlock> = fc.oneof(
      fc.record({ type: fc.constant('paragraph' as const), children: fc.array(inline(3), { maxLength: 4 }) }),
      fc.record({ type: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(fc.array(inline(3), { maxLength: 3 }), { maxLength: 3 }) }),
    )
    const textOf = (nodes: RichInline[]): string => nodes.map((n) => (n.type === 'text' ? n.text : textOf(n.children))).join('')
    fc.assert(
      fc.property(fc.array(block, { maxLength: 4 }), (text) => {
        const container = draw(text)
        for (const element of container.querySelectorAll('*')) {
          expect(['p', 'ul', 'ol', 'li', 'strong', 'em', 'a']).toContain(element.localName)
          expect([...element.attributes].map((a) => a.name).filter((name) => !['href', 'target', 'rel'].includes(name))).toEqual([])
          if (element.localName === 'a') {
            expect(element.getAttribute('href')).toMatch(/^(https:|mailto:|tel:)/)
            expect(element.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer'])
          }
        }
        const expected = text.map((b) => (b.type === 'paragraph' ? textOf(b.children) : b.items.map(textOf).join(''))).join('')
        expect(container.textContent).toBe(expected)
      }),
      { numRuns: 1_000 },
    )
  }, PROPERTY_TIMEOUT)
})
