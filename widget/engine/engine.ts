/**
 * The answer engine: given a visitor's message, decide what to say. DOM-free; the widget, the CLI and the staff
 * console all call {@link createEngine}.
 */
import type { KbFile, KbHandoff, KbPair } from './kb-format.ts'
import type { Engine, EngineOptions, Match, Reply, ReplyKind, ReplyWhy, Suggestion } from './types.ts'
import { emergencyDetector, smalltalkDetector, type EmergencyHit } from './intents.ts'
import { loadIndex } from './index-reader.ts'
import { createSpeller, nearIgnoredWord } from './spelling.ts'
import { CONFIDENCE_TUNING, idf, scoreCandidate, weighPhrasing, type CandidateTerms, type Fit } from './confidence.ts'
import { fold, stem, words, type Token } from './text.ts'

/** Default engine options. The threshold and margin were chosen on the evaluation sets (README, "Matching"). */
export const defaultEngineOptions: Required<EngineOptions> = {
  threshold: 0.5,
  clarifyMargin: 0.015,
  emergencyNumber: '911',
  crisisLine: '988',
  maxLength: 500,
}

/** Candidates re-scored per message: enough to hold every plausible pair, few enough to stay fast. */
const CANDIDATES = 12
/** How much the closest phrasing (`Fit#phrase`) adds when ranking: enough to settle a near-tie, no more. */
const PHRASE_TIE_BREAK = 0.02
/**
 * A runner-up within the clarify margin is offered as a "did you mean" choice only if its search score is also
 * this close to the leader's (real ambiguity shows in both signals)…
 */
const CLARIFY_SCORE_RATIO = 0.8
/** …and no phrasing of the leader matches the message clearly better than the runner-up's best one. */
const CLARIFY_PHRASE_MARGIN = 0.1
/**
 * Terms in more than this share of documents, and in more than the floor, are too common to retrieve with.
 * The floor keeps every term of a clinic-sized knowledge base (a few hundred pairs) usable.
 */
const COMMON_DF_SHARE = 0.02
const COMMON_DF_FLOOR = 100
/** Retrieval uses at most this many of the rarest terms. */
const MAX_RETRIEVAL_TERMS = 10
/** Unknown words corrected per message: each costs a fuzzy search, and a message of mostly typos is noise. */
const MAX_CORRECTIONS = 3
/** Query terms kept: a long message's extra words change nothing but the time taken. */
const MAX_QUERY_TERMS = 32

interface Candidate {
  id: string
  pair?: KbPair
  handoff?: KbHandoff
  fit: Fit
  score: number
}

/** Creates an engine over a compiled knowledge base. Throws only for a `kb.json` it cannot use. */
export function createEngine(kb: KbFile, options: EngineOptions = {}): Engine {
  const settings: Required<EngineOptions> = { ...defaultEngineOptions, ...dropUndefined(options) }
  const { replies } = kb.language
  const index = loadIndex(kb.index, { synonyms: kb.synonyms, ignored: kb.language.ignored })
  const isNearStopWord = nearIgnoredWord(index.analyzer.ignored)
  const detectSmalltalk = smalltalkDetector(kb.language)
  const detectEmergency = emergencyDetector(kb.language)
  const emergencyText = (hit: EmergencyHit): string =>
    replies[hit.kind === 'self-harm' ? 'crisis' : 'emergency'].replaceAll('{emergency}', settings.emergencyNumber).replaceAll('{crisis}', settings.crisisLine)
  const speller = createSpeller(index)
  const pairsById = new Map(kb.pairs.map((pair) => [pair.id, pair]))
  const handoffsById = new Map(kb.handoffs.map((handoff) => [handoff.id, handoff]))
  const termCache = new Map<string, CandidateTerms>()
  const n = index.documentCount
  const unknownWeight = idf(1, n) * CONFIDENCE_TUNING.unknownWeight

  const weight = (term: string): number => {
    const df = index.df.get(term)
    return df === undefined ? unknownWeight : idf(df, n)
  }

  /** A document's analyzed text, computed when it first becomes a candidate. */
  const termsOf = (id: string): CandidateTerms => {
    let cached = termCache.get(id)
    if (!cached) {
      const pair = pairsById.get(id)
      const handoff = handoffsById.get(id)
      const texts = pair ? [pair.question, ...pair.aliases] : handoff ? [handoff.topic, ...handoff.aliases] : []
      const phrasings = texts.map((text) => weighPhrasing(index.analyzer(text), weight))
      let answer: Set<string> | null = null
      cached = {
        phrasings,
        asked: new Set(phrasings.flatMap((phrasing) => phrasing.terms)),
        // Needed only for words the phrasings lack, so analyzed on first need.
        get answer() {
          return (answer ??= new Set(pair ? index.analyzer(pair.answerText) : []))
        },
      }
      termCache.set(id, cached)
    }
    return cached
  }

  /** The message's terms, typos corrected; unknown words are kept, they weigh against coverage. */
  const queryTerms = (text: string): string[] => {
    const tokens: Token[] = []
    let kept = 0
    let corrections = 0
    for (const word of words(fold(text))) {
      if (kept >= MAX_QUERY_TERMS) break
      const term = stem(word)
      // Ignored words stay until synonyms are applied: a synonym phrase may hold them ("waste of time").
      if (index.analyzer.isIgnored(word)) {
        tokens.push({ term, ignored: true })
        continue
      }
      kept++
      if (speller.knows(term)) {
        tokens.push({ term, ignored: false })
        continue
      }
      // A misspelt filler ("exactley") is dropped before it can be "corrected" into some other word.
      if (isNearStopWord(word)) continue
      // Correct before applying synonyms, so a misspelt variant ("corticosteriod") still finds its canonical.
      const fixed = corrections++ < MAX_CORRECTIONS ? speller.correct(term) : null
      tokens.push({ term: fixed ?? term, ignored: false })
    }
    return [...new Set(index.analyzer.finish(tokens))]
  }

  /**
   * Retrieval searches the rarer terms only: a term found in most documents adds no candidate that the rarer
   * ones miss, yet makes the search score nearly every document. Confidence still weighs every term.
   */
  const retrievalTerms = (terms: string[]): string[] => {
    const known = terms.filter((term) => index.df.has(term)).sort((a, b) => index.df.get(a)! - index.df.get(b)!)
    const cutoff = Math.max(COMMON_DF_FLOOR, n * COMMON_DF_SHARE)
    // A message made only of such words is too vague to answer, in a knowledge base large enough to have them.
    return known.filter((term) => index.df.get(term)! <= cutoff).slice(0, MAX_RETRIEVAL_TERMS)
  }

  const rank = (terms: string[]): Candidate[] => {
    const query = new Map(terms.map((term) => [term, weight(term)]))
    const results = index.search(retrievalTerms(terms)).slice(0, CANDIDATES)
    const candidates = results.map((result): Candidate => {
      const { id } = result
      return { id, pair: pairsById.get(id), handoff: handoffsById.get(id), fit: scoreCandidate(query, termsOf(id)), score: result.score }
    })
    // Near-ties in confidence are settled by the closest single phrasing, then by the search score.
    const key = (c: Candidate): number => c.fit.confidence + PHRASE_TIE_BREAK * c.fit.phrase
    return candidates.sort((a, b) => key(b) - key(a) || b.score - a.score)
  }

  const toMatch = (candidate: Candidate): Match => ({
    pair: candidate.pair!,
    confidence: round(candidate.fit.confidence),
    terms: candidate.fit.matched,
  })

  const related = (pair: KbPair | undefined): KbPair[] =>
    (pair?.related ?? []).map((id) => pairsById.get(id)).filter((p): p is KbPair => p !== undefined)

  const starters = (): KbPair[] => kb.pairs.slice(0, 3)

  /**
   * The reading of a message whose leader is surest: the whole message, or, when it has several sentences, each
   * sentence that asks something ("…for years. What makes trigger points form?"), since the context around a
   * question adds words no phrasing holds.
   */
  const bestReading = (message: string): { terms: string[]; ranked: Candidate[] } => {
    const read = (text: string) => {
      const terms = queryTerms(text)
      return { terms, ranked: rank(terms) }
    }
    const sureness = (reading: ReturnType<typeof read>): number => reading.ranked[0]?.fit.confidence ?? 0
    const whole = read(message)
    // A message sure enough as a whole needs no second reading.
    if (sureness(whole) >= settings.threshold) return whole
    return questionSentences(message).map(read).reduce((best, reading) => (sureness(reading) > sureness(best) ? reading : best), whole)
  }

  function decide(raw: string): Reply {
    const question = raw.slice(0, settings.maxLength)
    const { terms, ranked } = bestReading(question)
    const pairs = ranked.filter((candidate) => candidate.pair)
    const best = pairs[0]
    const top = best ? toMatch(best) : null
    const alternatives = pairs.slice(1, 4).map(toMatch)
    const leader = ranked[0]
    const why: ReplyWhy = {
      queryTerms: terms,
      matchedTerms: leader?.fit.matched ?? [],
      coverage: round(leader?.fit.coverage ?? 0),
      threshold: settings.threshold,
      reason: '',
    }
    const make = (kind: ReplyKind, reply: string, extra: Partial<Reply> = {}): Reply => ({
      question,
      kind,
      reply,
      rich: null,
      confidence: top?.confidence ?? 0,
      top,
      alternatives,
      choices: [],
      followUps: [],
      why,
      ...extra,
    })

    const emergency = detectEmergency(question)
    if (emergency) {
      why.reason = `emergency: ${emergency.label}`
      why.emergency = emergency.kind
      return make('emergency', emergencyText(emergency), { confidence: 1 })
    }
    const smalltalk = detectSmalltalk(question)
    if (smalltalk) {
      why.reason = `small talk: ${smalltalk}`
      return make('smalltalk', replies[smalltalk], { confidence: 1, followUps: starters() })
    }
    if (!leader || leader.fit.confidence < settings.threshold) {
      // A message without words was small talk ("empty") above; here it had words, none of them known.
      why.reason = leader ? `best confidence ${round(leader.fit.confidence)} is below the threshold ${settings.threshold}` : 'no known words'
      return make('fallback', replies.fallback, { followUps: related(best?.pair) })
    }
    if (leader.handoff) {
      why.reason = `handoff topic: ${leader.handoff.topic}`
      why.handoff = leader.handoff.id
      return make('fallback', `${leader.handoff.answerText} ${replies.handoff}`, { rich: leader.handoff.answer })
    }
    const close = pairs.filter(
      (c) =>
        c === leader ||
        (c.fit.confidence >= settings.threshold &&
          leader.fit.confidence - c.fit.confidence <= settings.clarifyMargin &&
          leader.fit.phrase - c.fit.phrase <= CLARIFY_PHRASE_MARGIN &&
          c.score >= leader.score * CLARIFY_SCORE_RATIO),
    )
    if (close.length >= 2) {
      const choices = close.slice(0, 3).map((c) => c.pair!)
      why.reason = `${choices.length} pairs within ${settings.clarifyMargin} of each other`
      const reply = [replies.clarify, ...choices.map((pair) => `- ${pair.question}`)].join('\n')
      return make('clarify', reply, { choices })
    }
    const pair = leader.pair!
    why.reason = `confidence ${round(leader.fit.confidence)} ≥ threshold ${settings.threshold}`
    return make('answer', pair.answerText, { rich: pair.answer, followUps: related(pair) })
  }

  /** Synonym variants the word being typed may be: ones it begins, or whose stem it already spells out. */
  const variantsStartingWith = (prefix: string): string[] =>
    prefix.length < 3 ? [] : [...index.analyzer.variantTerms].filter((term) => term.startsWith(prefix) || prefix.startsWith(term)).slice(0, 3)

  function suggest(partial: string, limit = 5): Suggestion[] {
    const text = partial.slice(0, 100)
    if (text.trim().length < 2) return []
    // The word being typed is not a word yet: it is searched as a prefix of known terms, unstemmed and cut to
    // five letters so that it prefixes its own stem ("injecti" → "injec", which begins "inject").
    const typing = /[\p{L}\p{N}]+$/u.exec(text)?.[0] ?? ''
    const prefix = words(fold(typing))[0]?.slice(0, 5) ?? ''
    const terms = queryTerms(text.slice(0, text.length - typing.length))
    // A word synonyms map away ("hurt" → "pain") is not in the index: its canonical stands in for it.
    const canonicals = prefix.length >= 2 ? variantsStartingWith(prefix).flatMap((variant) => index.analyzer.finish([{ term: variant, ignored: false }])) : []
    const searched = prefix.length >= 2 ? [...terms, ...canonicals, prefix] : terms
    const results = index.search(searched, { prefixLast: prefix.length >= 2, fields: ['question', 'aliases'] })
    const out: Suggestion[] = []
    for (const result of results) {
      const pair = pairsById.get(result.id)
      if (pair) out.push({ id: pair.id, question: pair.question })
      if (out.length >= limit) break
    }
    return out
  }

  return {
    reply(message) {
      try {
        return decide(typeof message === 'string' ? message : String(message ?? ''))
      } catch (error) {
        // A reply must always come back; an engine bug becomes an honest fallback, not a broken widget.
        const question = String(message ?? '').slice(0, settings.maxLength)
        const why: ReplyWhy = { queryTerms: [], matchedTerms: [], coverage: 0, threshold: settings.threshold, reason: `internal error: ${String(error)}` }
        return { question, kind: 'fallback', reply: replies.fallback, rich: null, confidence: 0, top: null, alternatives: [], choices: [], followUps: [], why }
      }
    },
    suggest(partial, limit) {
      try {
        return suggest(typeof partial === 'string' ? partial : '', limit)
      } catch {
        return []
      }
    },
    pairs: kb.pairs,
    pair: (id) => pairsById.get(id),
    options: settings,
  }
}

/** The sentences of a message that end in a question mark, when it has more than one sentence (at most 3). */
function questionSentences(message: string): string[] {
  const sentences = message.match(/[^.!?\n]+[.!?\n]*/g) ?? []
  if (sentences.length < 2) return []
  return sentences.filter((sentence) => sentence.includes('?')).slice(0, 3)
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
