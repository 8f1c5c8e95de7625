/**
 * Knowledge-base lint: problems the compiler cannot see because they need the engine or the whole picture.
 * Errors make the widget give a wrong or no answer; warnings are editorial. DOM-free and filesystem-free: the CLI
 * compiles the folder and locates page sections (`lint-source.ts`), this module judges.
 */
import { createAnalyzer, createEngine, textOptionsOf, type KbFile, type KbPair } from '../../widget/engine/index.ts'
import { checkPhrasings, describeMisroute, MisrouteKind, sourceCoverage } from './kb-health.ts'

/** How bad a finding is: errors fail `frontdesk lint`. */
export const LintSeverity = { error: 'error', warning: 'warning' } as const
/** One of {@link LintSeverity}'s values. */
export type LintSeverity = (typeof LintSeverity)[keyof typeof LintSeverity]

/** Every check, by the id printed after each finding. */
export const LintCheck = {
  /** Two pairs' questions are the same once analyzed: the engine cannot tell them apart. Error. */
  duplicateQuestion: 'duplicate-question',
  /** Two pairs' questions share most of their terms. Warning. */
  nearDuplicateQuestion: 'near-duplicate-question',
  /** A phrasing of one pair is, once analyzed, a phrasing of another. Error. */
  sharedPhrasing: 'shared-phrasing',
  /** A pair's question or phrasing gets another pair, a handoff or the fallback. Error. */
  notRetrieved: 'not-retrieved',
  /** A phrasing is caught by the emergency or small-talk check before matching. Warning. */
  caughtByIntent: 'caught-by-intent',
  /** No other pair lists this pair as related, so no follow-up leads to it. Warning. */
  unlinkedPair: 'unlinked-pair',
  /** A pair lists the same related id twice. Warning. */
  repeatedRelated: 'repeated-related',
  /** A source section no pair cites. Warning. */
  uncitedSection: 'uncited-section',
  /** An answer longer than `maxAnswerWords`. Warning. */
  longAnswer: 'long-answer',
  /** A pair with fewer `asked:` phrasings than `minPhrasings`. Warning. */
  fewPhrasings: 'few-phrasings',
  /** A `not:` phrasing that is, once analyzed, a question or phrasing of a pair or handoff topic. Warning. */
  notAlsoAsked: 'not-also-asked',
} as const
/** One of {@link LintCheck}'s values. */
export type LintCheck = (typeof LintCheck)[keyof typeof LintCheck]

/** One finding, pinned to the line to edit. */
export interface LintFinding {
  severity: LintSeverity
  check: LintCheck
  file: string
  line: number
  message: string
}

/** Where a source section's heading is, for findings about it. */
export interface SectionLocation {
  file: string
  line: number
}

/** Options of {@link lintKb}. Every field is optional; see {@link defaultLintOptions}. */
export interface LintOptions {
  /** Questions whose analyzed terms have at least this Jaccard similarity (0..1) are near-duplicates. */
  nearDuplicate?: number
  /** Answers longer than this many words are flagged. */
  maxAnswerWords?: number
  /** Pairs with fewer `asked:` phrasings than this are flagged. */
  minPhrasings?: number
  /** The engine threshold to check retrieval at; the engine's default when undefined. */
  threshold?: number
  /** Locates a source section's heading, keyed `page#section`; without it a finding points at the page's first line. */
  sections?: ReadonlyMap<string, SectionLocation>
  /** The folder the pages were compiled from, to name page files when `sections` lacks one. */
  kbDir?: string
}

/** Default {@link LintOptions}. */
export const defaultLintOptions = {
  nearDuplicate: 0.8,
  maxAnswerWords: 80,
  minPhrasings: 4,
  threshold: undefined,
  sections: new Map<string, SectionLocation>(),
  kbDir: 'kb',
} satisfies LintOptions

/** Splits a pair's `origin` ("kb/qa/file.md:12") into file and line. Lint reads compiled folders, which have one. */
export function originOf({ origin = '' }: Pick<KbPair, 'origin'>): SectionLocation {
  const at = origin.lastIndexOf(':')
  return at < 0 ? { file: origin, line: 1 } : { file: origin.slice(0, at), line: Number(origin.slice(at + 1)) || 1 }
}

/** The Jaccard similarity of two term sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0
  let shared = 0
  for (const term of a) if (b.has(term)) shared++
  return shared / (a.size + b.size - shared)
}

/** Lints a compiled knowledge base. Findings come in knowledge-base order, errors and warnings mixed. */
export function lintKb(kb: KbFile, options: LintOptions = {}): LintFinding[] {
  const settings = { ...defaultLintOptions, ...options }
  const findings: LintFinding[] = []
  const at = (pair: KbPair) => originOf(pair)
  const add = (severity: LintSeverity, check: LintCheck, where: SectionLocation, message: string): void => {
    findings.push({ severity, check, file: where.file, line: where.line, message })
  }
  const analyze = createAnalyzer(textOptionsOf(kb))
  const termSet = (text: string): Set<string> => new Set(analyze(text))
  const key = (terms: Set<string>): string => [...terms].sort().join(' ')

  // Questions and phrasings compared across pairs, each finding reported once, at the later pair.
  const seen = new Map<string, { pair: KbPair; text: string; isQuestion: boolean }>()
  const questionTerms = kb.pairs.map((pair) => termSet(pair.question))
  kb.pairs.forEach((pair, j) => {
    for (let i = 0; i < j; i++) {
      const other = kb.pairs[i]!
      const similarity = jaccard(questionTerms[i]!, questionTerms[j]!)
      if (similarity === 1) {
        add('error', LintCheck.duplicateQuestion, at(pair), `question "${pair.question}" reads the same as "${other.question}" (${other.origin}) once analyzed; merge the pairs or reword one`)
      } else if (similarity >= settings.nearDuplicate) {
        add('warning', LintCheck.nearDuplicateQuestion, at(pair), `question "${pair.question}" is nearly the same as "${other.question}" (${other.origin}, ${Math.round(similarity * 100)}% of terms shared)`)
      }
    }
    const reported = new Set<string>()
    ;[pair.question, ...pair.aliases].forEach((text, k) => {
      const terms = termSet(text)
      if (terms.size === 0) return
      const first = seen.get(key(terms))
      if (!first) {
        seen.set(key(terms), { pair, text, isQuestion: k === 0 })
        return
      }
      // Question against question is the duplicate check above; within one pair a repeat only wastes a line.
      if (first.pair === pair || (first.isQuestion && k === 0) || reported.has(first.pair.id)) return
      reported.add(first.pair.id)
      add('error', LintCheck.sharedPhrasing, at(pair), `phrasing "${text}" of pair "${pair.id}" is also a phrasing of pair "${first.pair.id}" ("${first.text}", ${first.pair.origin}); keep it in one pair`)
    })
  })

  const engine = createEngine(kb, { threshold: settings.threshold })
  for (const pair of kb.pairs) {
    for (const check of checkPhrasings(engine, pair)) {
      if (!check.problem) continue
      const what = check.isQuestion ? `question "${check.text}"` : `phrasing "${check.text}"`
      const message = `${what} of pair "${pair.id}" ${describeMisroute(check, engine.options.threshold)}`
      if (check.problem === MisrouteKind.intent) add('warning', LintCheck.caughtByIntent, at(pair), message)
      else add('error', LintCheck.notRetrieved, at(pair), message)
    }
  }

  const linked = new Set(kb.pairs.flatMap((pair) => pair.related.filter((id) => id !== pair.id)))
  for (const pair of kb.pairs) {
    if (!linked.has(pair.id)) add('warning', LintCheck.unlinkedPair, at(pair), `pair "${pair.id}" is not related from any other pair, so no follow-up leads to it`)
    const repeated = pair.related.filter((id, i) => pair.related.indexOf(id) !== i)
    for (const id of new Set(repeated)) add('warning', LintCheck.repeatedRelated, at(pair), `pair "${pair.id}" lists related id "${id}" more than once`)
    const words = pair.answerText.split(/\s+/).filter(Boolean).length
    if (words > settings.maxAnswerWords) {
      add('warning', LintCheck.longAnswer, at(pair), `the answer of pair "${pair.id}" has ${words} words (at most ${settings.maxAnswerWords} read well in a chat)`)
    }
    if (pair.aliases.length < settings.minPhrasings) {
      add('warning', LintCheck.fewPhrasings, at(pair), `pair "${pair.id}" has ${pair.aliases.length} "asked:" phrasing${pair.aliases.length === 1 ? '' : 's'} (at least ${settings.minPhrasings} help visitors' wordings match)`)
    }
  }

  // A `not:` phrasing the same as an `asked:` one elsewhere: redundant at best (that entry takes it anyway), and a
  // sign that the two were written at different times for different answers.
  const entries = [...kb.pairs.map((pair) => ({ ...pair, ways: [pair.question, ...pair.aliases] })), ...kb.handoffs.map((h) => ({ ...h, ways: [h.topic, ...h.aliases] }))]
  const asked = new Map<string, { id: string; text: string }>()
  for (const entry of entries) {
    for (const text of entry.ways) {
      const terms = termSet(text)
      if (terms.size > 0 && !asked.has(key(terms))) asked.set(key(terms), { id: entry.id, text })
    }
  }
  for (const entry of entries) {
    for (const text of entry.not ?? []) {
      const other = asked.get(key(termSet(text)))
      if (other) add('warning', LintCheck.notAlsoAsked, originOf(entry), `"not:" phrasing "${text}" of "${entry.id}" is also how "${other.id}" is asked ("${other.text}"); keep it in one place`)
    }
  }

  for (const page of sourceCoverage(kb)) {
    for (const section of page.sections) {
      if (section.citedBy.length > 0) continue
      const where = settings.sections.get(`${page.id}#${section.id}`) ?? { file: `${settings.kbDir}/pages/${page.id}.md`, line: 1 }
      add('warning', LintCheck.uncitedSection, where, `section "${section.title}" (${page.id}#${section.id}) is not cited by any pair`)
    }
  }
  return findings
}

/** A finding as printed: `file:line: severity: message [check]`, the form editors link to. */
export function formatFinding(finding: LintFinding): string {
  return `${finding.file}:${finding.line}: ${finding.severity}: ${finding.message} [${finding.check}]`
}
