/**
 * Renders an answer's rich-text tree with Lit templates: text always lands in text nodes, so nothing in a
 * knowledge base (or a tampered stored conversation) can become markup. Links are re-checked with `isSafeHref`;
 * an unsafe one renders as its text. Tolerates malformed trees: unknown nodes render nothing. Nesting deeper than
 * {@link MAX_DEPTH} renders as plain text, read without recursion, so no tree can exhaust the stack.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js'
import { isSafeHref, type RichBlock, type RichInline, type RichText } from '../engine/index.ts'

/** The deepest inline nesting rendered as elements; real answers nest two or three levels. */
export const MAX_DEPTH = 12

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** The text of inline nodes, walked with a stack of its own rather than the call stack. */
function flatText(nodes: unknown): string {
  let text = ''
  for (const stack = [nodes]; stack.length > 0; ) {
    const node = stack.pop() as RichInline | RichInline[] | undefined
    if (Array.isArray(node)) for (let i = node.length; i--; ) stack.push(node[i])
    else if (node?.type === 'text') text += String(node.text ?? '')
    else if (node) stack.push(node.children)
  }
  return text
}

function inlines(nodes: unknown, depth: number): unknown[] {
  return depth > MAX_DEPTH ? [flatText(nodes)] : list<RichInline>(nodes).map((node) => inline(node, depth))
}

function inline(node: RichInline, depth: number): unknown {
  switch (node?.type) {
    case 'text':
      return String(node.text ?? '')
    case 'strong':
      return html`<strong>${inlines(node.children, depth + 1)}</strong>`
    case 'em':
      return html`<em>${inlines(node.children, depth + 1)}</em>`
    case 'link':
      return typeof node.href === 'string' && isSafeHref(node.href)
        ? html`<a href=${node.href} target="_blank" rel="noopener noreferrer">${inlines(node.children, depth + 1)}</a>`
        : inlines(node.children, depth + 1)
    default:
      return nothing
  }
}

function block(node: RichBlock): unknown {
  if (node?.type === 'paragraph') return html`<p>${inlines(node.children, 1)}</p>`
  if (node?.type !== 'list') return nothing
  const items = list<RichInline[]>(node.items).map((item) => html`<li>${inlines(item, 1)}</li>`)
  return node.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`
}

/** The template for a rich-text answer: `<p>`, `<ul>`/`<ol>`, `<strong>`, `<em>` and safe `<a>` only. */
export function renderRichText(text: RichText): TemplateResult {
  return html`${list<RichBlock>(text).map(block)}`
}
