/** Helpers over the rich-text tree of answers: plain text, link safety, and the compact form `kb.json` stores. DOM-free. */
import type { PackedInline, PackedRichText, RichBlock, RichInline, RichText } from './kb-format.ts'

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

function packInlines(nodes: readonly RichInline[]): PackedInline[] {
  return nodes.map((node): PackedInline => {
    if (node.type === 'text') return node.text
    if (node.type === 'link') return ['a', node.href, ...packInlines(node.children)]
    return [node.type === 'strong' ? 'b' : 'i', ...packInlines(node.children)]
  })
}

/** An answer as `kb.json` stores it ({@link PackedRichText}). */
export function packRichText(text: RichText): PackedRichText {
  return text.map((block) => {
    if (block.type === 'paragraph') return packInlines(block.children)
    const items = block.items.map(packInlines)
    return block.ordered ? { ol: items } : { ul: items }
  })
}

/**
 * An answer as `kb.json` stores it ({@link PackedRichText}) read back into the tree. Nested nodes are read with a
 * stack of their own, so a hand-made file nested however deep cannot overflow the call stack; a malformed one throws.
 */
export function unpackRichText(packed: PackedRichText): RichText {
  /** Lists of packed inline nodes still to read, each with the array its nodes go into. */
  const pending: Array<[PackedInline[], RichInline[]]> = []
  const inlines = (nodes: PackedInline[]): RichInline[] => {
    const into: RichInline[] = []
    pending.push([nodes, into])
    return into
  }
  const text = packed.map((block): RichBlock =>
    Array.isArray(block) ? { type: 'paragraph', children: inlines(block) } : { type: 'list', ordered: 'ol' in block, items: ('ol' in block ? block.ol : block.ul).map(inlines) },
  )
  for (let next; (next = pending.pop()); ) {
    for (const node of next[0]) {
      next[1].push(
        typeof node === 'string'
          ? { type: 'text', text: node }
          : node[0] === 'a'
            ? { type: 'link', href: node[1], children: inlines(node.slice(2) as PackedInline[]) }
            : { type: node[0] === 'b' ? 'strong' : 'em', children: inlines(node.slice(1) as PackedInline[]) },
      )
    }
  }
  return text
}
