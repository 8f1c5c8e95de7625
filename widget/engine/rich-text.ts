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

/**
 * Nesting deeper than this (which the compiler refuses, but a hand-made `kb.json` may hold) is read without
 * recursion, so no tree can overflow the stack.
 */
const MAX_DEPTH = 32

/** The text leaves of a tree, in order, read with a stack of its own. */
function flatText(nodes: readonly RichInline[]): string {
  const out: string[] = []
  const stack: RichInline[] = [...nodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') out.push(node.text)
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return out.join('')
}

function inlineText(nodes: readonly RichInline[], depth = 0): string {
  if (depth > MAX_DEPTH) return flatText(nodes)
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text
      const text = inlineText(node.children, depth + 1)
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
