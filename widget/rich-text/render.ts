/**
 * Renders an answer's rich-text tree with Lit templates: text always lands in text nodes, so nothing in a
 * knowledge base (or a tampered stored conversation) can become markup. Links are re-checked with `isSafeHref`;
 * an unsafe one renders as its text. Tolerates malformed trees: unknown nodes render nothing.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js'
import { isSafeHref, type RichBlock, type RichInline, type RichText } from '../engine/index.ts'

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

function inlines(nodes: unknown): unknown[] {
  return list<RichInline>(nodes).map(inline)
}

function inline(node: RichInline): unknown {
  switch (node?.type) {
    case 'text':
      return String(node.text ?? '')
    case 'strong':
      return html`<strong>${inlines(node.children)}</strong>`
    case 'em':
      return html`<em>${inlines(node.children)}</em>`
    case 'link':
      return typeof node.href === 'string' && isSafeHref(node.href)
        ? html`<a href=${node.href} target="_blank" rel="noopener noreferrer">${inlines(node.children)}</a>`
        : inlines(node.children)
    default:
      return nothing
  }
}

function block(node: RichBlock): unknown {
  if (node?.type === 'paragraph') return html`<p>${inlines(node.children)}</p>`
  if (node?.type !== 'list') return nothing
  const items = list<RichInline[]>(node.items).map((item) => html`<li>${inlines(item)}</li>`)
  return node.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`
}

/** The template for a rich-text answer: `<p>`, `<ul>`/`<ol>`, `<strong>`, `<em>` and safe `<a>` only. */
export function renderRichText(text: RichText): TemplateResult {
  return html`${list<RichBlock>(text).map(block)}`
}
