/** Helpers over the rich-text tree of answers: plain text and link safety. DOM-free. */
import type { RichBlock, RichInline, RichText } from './kb-format.ts'

/** The link schemes an answer may use. Anything else is refused by the compiler and dropped by renderers. */
export const SAFE_LINK_SCHEMES = ['https:', 'mailto:', 'tel:'] as const

/** True when `href` is an absolute URL whose scheme is allowed. */
export function isSafeHref(href: string): boolean {
  try {
    return (SAFE_LINK_SCHEMES as readonly string[]).includes(new URL(href).protocol)
  } catch {
    return false
  }
}

function inlineText(nodes: readonly RichInline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text
      const text = inlineText(node.children)
      // Plain text has no links: keep where one leads, unless its text already says it.
      if (node.type === 'link' && !text.includes(node.href.replace(/^(mailto|tel):/, ''))) return `${text} (${node.href})`
      return text
    })
    .join('')
}

function blockText(block: RichBlock): string {
  if (block.type === 'paragraph') return inlineText(block.children)
  return block.items
    .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineText(item)}`)
    .join('\n')
}

/** The plain text of an answer: blocks separated by a blank line, list items on their own lines. */
export function toPlainText(text: RichText): string {
  return text.map(blockText).join('\n\n')
}
