/** Source pages (`kb/pages/*.md`): the clinic's documents in our own words. Answers cite their sections. */
import type { KbPage } from '../../widget/engine/index.ts'
import type { Problems } from './errors.ts'
import { slugify } from './slug.ts'

/** Reads one page: `# Title`, then `## Section` headings whose slugs are the section ids. */
export function parsePage(file: string, id: string, text: string, problems: Problems): KbPage {
  const page: KbPage = { id, title: '', sections: [] }
  const seen = new Map<string, number>()
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const title = /^#\s+(.+)$/.exec(line)
    if (title && !page.title) page.title = title[1]!.trim()
    const section = /^##\s+(.+)$/.exec(line)
    if (!section) return
    const heading = section[1]!.trim()
    const sectionId = slugify(heading)
    const first = seen.get(sectionId)
    if (first !== undefined) {
      problems.add(file, i + 1, `section "${heading}" has the same id "${sectionId}" as the section on line ${first}`)
      return
    }
    seen.set(sectionId, i + 1)
    page.sections.push({ id: sectionId, title: heading })
  })
  if (!page.title) problems.add(file, 1, 'the page must start with a "# Title" heading')
  if (page.sections.length === 0) problems.add(file, 1, 'the page has no "## Section" headings for answers to cite')
  return page
}
