/** Source coverage: each source page with its sections, marked by whether any pair cites them. */
import type { PageCoverage } from '../../../build/staff/kb-health.ts'

/** Props of {@link SourceCoverage}. */
export interface SourceCoverageProps {
  pages: PageCoverage[]
  uncited: number
  /** Shows a pair in the knowledge-base browser. */
  onShowPair(id: string): void
}

/** One card per page, one line per section. */
export function SourceCoverage({ pages, uncited, onShowPair }: SourceCoverageProps) {
  const total = pages.reduce((sum, page) => sum + page.sections.length, 0)
  return (
    <div class="sources">
      <p class="status">
        {total - uncited} of {total} sections are cited by at least one pair; {uncited} {uncited === 1 ? 'is' : 'are'} not.
      </p>
      <div class="source-pages">
        {pages.map((page) => (
          <section key={page.id} class="source-page" aria-labelledby={`page-${page.id}`}>
            <h3 id={`page-${page.id}`}>
              {page.title} <span class="muted small">kb/pages/{page.id}.md</span>
            </h3>
            <ul>
              {page.sections.map((section) => (
                <li key={section.id} class={section.citedBy.length ? 'cited' : 'uncited'}>
                  <span class="mark" aria-hidden="true">
                    {section.citedBy.length ? '✓' : '○'}
                  </span>
                  <span class="section-title">{section.title}</span>{' '}
                  {section.citedBy.length ? (
                    <span class="muted small">
                      cited by{' '}
                      {section.citedBy.map((id, i) => (
                        <span key={id}>
                          {i > 0 && ', '}
                          <a href={`#pair-${id}`} onClick={(event) => (event.preventDefault(), onShowPair(id))}>
                            {id}
                          </a>
                        </span>
                      ))}
                    </span>
                  ) : (
                    <span class="tag-uncited">not cited</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  )
}
