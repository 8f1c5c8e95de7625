/**
 * Answers' Markdown to the safe rich-text tree of `kb.json`. Parsed with mdast-util-from-markdown (CommonMark,
 * positions on every node) and then allow-listed: paragraphs, lists, bold, italic and links with https:, mailto:
 * or tel: targets. Anything else (HTML, images, headings, code) is an error pinned to its line, never passed on.
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Nodes, PhrasingContent, RootContent } from 'mdast'
import { isSafeHref, type RichBlock, type RichInline, type RichText } from '../../widget/engine/index.ts'
import type { Problems } from './errors.ts'
import { KB_LIMITS } from './limits.ts'

const DESCRIBE: Record<string, string> = {
  html: 'HTML',
  image: 'an image',
  imageReference: 'an image',
  heading: 'a heading',
  code: 'a code block',
  inlineCode: 'inline code',
  blockquote: 'a quote',
  table: 'a table',
  thematicBreak: 'a horizontal rule',
  definition: 'a link definition',
  linkReference: 'a reference link',
}

/** Converts one answer. `firstLine` is the file line the Markdown starts on, so problems name the right line. */
export function markdownToRich(markdown: string, file: string, firstLine: number, problems: Problems): RichText {
  const tree = fromMarkdown(markdown)
  const lineOf = (node: Nodes): number => firstLine + (node.position?.start.line ?? 1) - 1
  const reported = new Set<string>()
  const refuse = (node: Nodes): void => {
    const what = DESCRIBE[node.type] ?? `Markdown "${node.type}"`
    // "<b>x</b>" is two HTML nodes on one line: one report says it.
    const key = `${lineOf(node)} ${what}`
    if (reported.has(key)) return
    reported.add(key)
    problems.add(file, lineOf(node), `${what} is not allowed in an answer (use paragraphs, "-" lists, **bold**, *italic* and links)`)
  }

  let tooDeep = false
  /** `depth` counts the bold, italic and links around `nodes`; past the bound, one problem and no deeper. */
  const inline = (nodes: readonly PhrasingContent[], depth = 0): RichInline[] => {
    const out: RichInline[] = []
    for (const node of nodes) {
      if ((node.type === 'strong' || node.type === 'emphasis' || node.type === 'link') && depth >= KB_LIMITS.inlineNesting) {
        if (!tooDeep) problems.add(file, lineOf(node), `bold, italic and links are nested more than ${KB_LIMITS.inlineNesting} deep here; at most ${KB_LIMITS.inlineNesting} are allowed`)
        tooDeep = true
        continue
      }
      switch (node.type) {
        case 'text':
          out.push({ type: 'text', text: node.value.replace(/\s*\n\s*/g, ' ') })
          break
        case 'break':
          out.push({ type: 'text', text: ' ' })
          break
        case 'strong':
          out.push({ type: 'strong', children: inline(node.children, depth + 1) })
          break
        case 'emphasis':
          out.push({ type: 'em', children: inline(node.children, depth + 1) })
          break
        case 'link':
          if (!isSafeHref(node.url)) {
            problems.add(file, lineOf(node), `link "${node.url}" is not allowed (use https:, mailto: or tel:)`)
          } else {
            out.push({ type: 'link', href: node.url, children: inline(node.children, depth + 1) })
          }
          break
        default:
          refuse(node)
      }
    }
    return out
  }

  const block = (node: RootContent): RichBlock | null => {
    if (node.type === 'paragraph') return { type: 'paragraph', children: inline(node.children) }
    if (node.type === 'list') {
      const items = node.children.map((item) =>
        item.children.flatMap((child) => {
          if (child.type === 'paragraph') return inline(child.children)
          refuse(child)
          return []
        }),
      )
      return { type: 'list', ordered: node.ordered === true, items }
    }
    refuse(node)
    return null
  }

  return tree.children.map(block).filter((b): b is RichBlock => b !== null)
}
