/**
 * Matching: a message becomes weighted terms (typos corrected, synonyms applied), candidates are retrieved from the
 * index with the message's rarer terms, and each candidate is scored (`confidence.ts`). DOM-free, like the rest of
 * the engine; the engine decides what to reply from what this module ranks.
 */
import type { KbFile, KbHandoff, KbPair } from './kb-format.ts'
import type { LoadedIndex } from './index-reader.ts'
import { createSpeller, nearIgnoredWord } from './spelling.ts'
import { CONFIDENCE_TUNING, idf, scoreCandidate, weighPhrasing, type CandidateTerms, type Fit } from './confidence.ts'
import type { CalibrationSignals } from './calibration.ts'
import { fold, stem, words, type Token } from './text.ts'
import { askingSentences, formsOf, questionClauses, questionForms } from './question-form.ts'
import { negatives } from './negatives.ts'

/** Candidates re-scored per message: enough to hold every plausible pair, few enough to stay fast. */
const CANDIDATES = 12
/**
 * How much the closest phrasing (`Fit#phrase`) adds when ranking: a message that is one of a candidate's phrasings
 * word for word ("who should not get them") beats one whose words are spread over several phrasings.
 */
const PHRASE_WEIGHT = 0.1
/**
 * Retrieval uses at most this many of the rarest terms. (Terms in more than 2 % of the documents were once left out
 * too: at 10,000 pairs the right pair then often went unretrieved, top-1 0.63 on the benchmark's paraphrases
 * against plain MiniSearch's 0.73; retrieving with them costs little since the index reads postings into arrays.)
 */
const MAX_RETRIEVAL_TERMS = 10
/** Unknown words corrected per message: each costs a fuzzy search, and a message of mostly typos is noise. */
const MAX_CORRECTIONS = 3
/**
 * A candidate none of whose phrasings begins with the message's telling question word ("where is it done?" to a
 * pair only ever asked "who…") keeps this share of its confidence.
 */
const FORM_MISMATCH = 0.7
/** Query terms kept: a long message's extra words change nothing but the time taken. */
const MAX_QUERY_TERMS = 32
/**
 * A candidate alone is measured against a rival this share as sure as itself. Measured against nothing, its margin
 * was its whole confidence, and a lone, weak match looked sure ("What are the Travell and Simons criteria?" finds only
 * the pair where pain "travels"); against a rival as sure (a margin of 0), a small knowledge base, where one
 * candidate is common, fell back on questions it answers. Half: real-dev's untouched half B, false answers 5.6 → 0 %,
 * as with a margin of 0; leave-one-out 59.6 → 59.7 % (59.9 % with a margin of 0).
 */
const LONE_RIVAL = 0.5
/**
 * In a message that tells as well as asks ("I had six injections on Tuesday. It's Thursday and I'm still sore. How
 * long does this last?"), words only in the telling sentences weigh this share of their weight: the backstory stays
 * in the reading, but no longer outweighs the question. (Read by its question sentence alone, as once, "I have a
 * pacemaker. Can I still get them?" lost what mattered.) Half, against 1, 0.7, 0.4 and 0.3: patient posts
 * (posts.jsonl) 15 → 18 right of 28; the holdouts' backstories +2 and +1; real-dev and leave-one-out unchanged; no
 * new wrong or false answer on any set (0.3 added one on real-dev; 0.4, tried later, gained one holdout answer only).
 * Unknown words kept whole found fewer right answers and no fewer false ones: a backstory's unknown words are mostly
 * its days and people.
 */
const BACKSTORY_WEIGHT = 0.5
/** The leading candidates whose phrasings count when asking what a candidate leaves to others (`leftover`). */
const LEFTOVER_RIVALS = 3

/** A pair or handoff the message may be asking, with how well it fits. */
export interface Candidate {
  id: string
  pair?: KbPair
  handoff?: KbHandoff
  fit: Fit
  /** The search score that retrieved it (BM25+, as MiniSearch scores). */
  score: number
  /** What calibration weighs (`calibration.ts`). */
  signals: CalibrationSignals
}

/** A message's distinct terms, each with its weight. */
type Query = ReadonlyMap<string, number>

/** What ranking a message's candidates depends on besides its terms. */
interface RankContext {
  /** The message's telling question word, if any (see `question-form.ts`). */
  form: string | null
  /** A phrasing left out of its pair, for leave-one-out. */
  heldOut?: HeldOut
  /** Candidates the message refuses (`not:` phrasings). */
  ruledOut?: (id: string) => boolean
}

/** A message as terms. */
export interface MessageTerms {
  /** The message's distinct terms after the text pipeline. */
  terms: string[]
  /** The visitor's own word, or words, behind each term. */
  words: Map<string, string>
}

/** A message read as terms, with the candidates ranked best first. */
export interface Reading extends MessageTerms {
  ranked: Candidate[]
}

/** One phrasing left out of its pair, to ask how the engine does on a wording it has never seen. */
export interface HeldOut {
  id: string
  /** The phrasing's position among the pair's `aliases`. */
  alias: number
}

/** Reads messages against one knowledge base. */
export interface Matcher {
  /**
   * The reading of a message whose leader is surest: the whole message, or, for several questions in one ("What are
   * they, and can they help me?"), one of its questions. `heldOut` leaves one phrasing out of its candidate's
   * scoring and refusals, to see how the engine does on a wording it has never seen (calibration); the phrasing stays
   * in the search index and its word counts, which only decide what is retrieved.
   */
  read(message: string, heldOut?: HeldOut): Reading
  /** The message's terms and the words behind them. */
  terms(message: string): MessageTerms
  /** The ways a pair or handoff is asked, in order: its question (or topic) first, then its `asked` phrasings. */
  phrasings(id: string): readonly string[]
  /** True for a word (folded) the knowledge base knows: a term, a synonym's word, or an ignored word. */
  knowsWord(word: string): boolean
}

/** Creates the matcher over a knowledge base and its loaded index. */
export function createMatcher(kb: KbFile, index: LoadedIndex): Matcher {
  const isNearStopWord = nearIgnoredWord(index.analyzer.ignored)
  const speller = createSpeller(index)
  const realWords = new Set(kb.language.realWords)
  const pairsById = new Map(kb.pairs.map((pair) => [pair.id, pair]))
  const handoffsById = new Map(kb.handoffs.map((handoff) => [handoff.id, handoff]))
  const termCache = new Map<string, CandidateTerms>()
  const formOf = questionForms(kb.language.questionWords)
  const clauses = questionClauses(kb.language.questionWords)
  const n = index.documentCount
  const unknownWeight = idf(1, n) * CONFIDENCE_TUNING.unknownWeight

  const weight = (term: string): number => {
    const df = index.df.get(term)
    return df === undefined ? unknownWeight : idf(df, n)
  }

  const phrasings = (id: string): readonly string[] => {
    const pair = pairsById.get(id)
    const handoff = handoffsById.get(id)
    return pair ? [pair.question, ...pair.aliases] : handoff ? [handoff.topic, ...handoff.aliases] : []
  }

  /** A document's analyzed text, computed when it first becomes a candidate (never cached with a phrasing held out). */
  const termsOf = (id: string, heldOut?: HeldOut): CandidateTerms => {
    const held = heldOut?.id === id
    let cached = held ? undefined : termCache.get(id)
    if (!cached) {
      const pair = pairsById.get(id)
      const kept = (_: unknown, i: number): boolean => !held || i !== heldOut!.alias + 1
      // Analyzed when the index was built.
      const analyzed = index.analyzed(id)
      const weighted = (analyzed?.phrasings ?? phrasings(id).map(index.analyzer)).filter(kept).map((terms) => weighPhrasing(terms, weight))
      let answer: Set<string> | null = null
      // Read from the wording when there is one (never held out in a `kb.json` read without it).
      const stored = (pair ?? handoffsById.get(id))?.asked?.forms
      const forms = new Set(stored ?? formsOf(phrasings(id).filter(kept), formOf))
      cached = {
        phrasings: weighted,
        asked: new Set(weighted.flatMap((phrasing) => phrasing.terms)),
        forms,
        // Needed only for words the phrasings lack, so analyzed on first need.
        get answer() {
          return (answer ??= new Set(pair ? (analyzed?.answer ?? index.analyzer(pair.answerText)) : []))
        },
      }
      if (!held) termCache.set(id, cached)
    }
    return cached
  }

  /** The message's terms, typos corrected; unknown words are kept, they weigh against coverage. */
  const terms = (text: string): MessageTerms => {
    const tokens: Token[] = []
    let kept = 0
    let corrections = 0
    for (const word of words(fold(text))) {
      if (kept >= MAX_QUERY_TERMS) break
      const term = stem(word)
      // Ignored words stay until synonyms are applied: a synonym phrase may hold them ("waste of time").
      if (index.analyzer.isIgnored(word)) {
        tokens.push({ term, ignored: true, word })
        continue
      }
      kept++
      if (speller.knows(term)) {
        tokens.push({ term, ignored: false, word })
        continue
      }
      // A real word ("both", "staff") is never taken for a typo: neither corrected nor dropped as a misspelt filler.
      if (realWords.has(term)) {
        tokens.push({ term: speller.correct(term, false) ?? term, ignored: false, word })
        continue
      }
      // A misspelt filler ("exactley") is dropped before it can be "corrected" into some other word.
      if (isNearStopWord(word)) continue
      // Correct before applying synonyms, so a misspelt variant ("corticosteriod") still finds its canonical.
      const fixed = corrections++ < MAX_CORRECTIONS ? speller.correct(term) : null
      tokens.push({ term: fixed ?? term, ignored: false, word })
    }
    const wordsOf = new Map<string, string>()
    for (const token of index.analyzer.finishTokens(tokens)) if (!wordsOf.has(token.term)) wordsOf.set(token.term, token.word)
    return { terms: [...wordsOf.keys()], words: wordsOf }
  }

  /**
   * A message's question and its backstory read as one: the question's terms first, so that a long backstory cannot
   * push them past the cap on a message's terms; each sentence is read once.
   */
  const withBackstory = (question: MessageTerms, backstory: MessageTerms): MessageTerms => {
    const words = new Map(question.words)
    for (const [term, word] of backstory.words) if (words.size < MAX_QUERY_TERMS && !words.has(term)) words.set(term, word)
    return { terms: [...words.keys()], words }
  }

  /** Retrieval searches the rarer terms only, a long message's commonest adding little. Confidence weighs every term. */
  const retrievalTerms = (query: Query): string[] =>
    [...query.keys()]
      .filter((term) => index.df.has(term))
      .sort((a, b) => index.df.get(a)! - index.df.get(b)!)
      .slice(0, MAX_RETRIEVAL_TERMS)

  // Null without `not:` phrasings, so that knowledge bases without them pay nothing.
  const refusals = negatives(kb, { read: (text) => terms(text).terms, weight })

  /**
   * A message's terms with their weights: their rarity, less for a term only its backstory holds (`asked`: the terms
   * of its asking sentences, when it has a backstory; see `BACKSTORY_WEIGHT`).
   */
  const weighted = (list: readonly string[], asked?: ReadonlySet<string>): Query =>
    new Map(list.map((term) => [term, weight(term) * (!asked || asked.has(term) ? 1 : BACKSTORY_WEIGHT)]))

  /** The candidates for a weighted message, best first, each with the signals calibration weighs. */
  const rank = (query: Query, { form, heldOut, ruledOut }: RankContext): Candidate[] => {
    // The held-out pair's terms are analyzed once per reading, not once per use.
    let held: CandidateTerms | undefined
    const termsFor = (id: string): CandidateTerms => (heldOut?.id === id ? (held ??= termsOf(id, heldOut)) : termsOf(id))
    let total = 0
    for (const w of query.values()) total += w
    const results = index.search(retrievalTerms(query), { limit: CANDIDATES }).filter((result) => !ruledOut?.(result.id))
    const candidates = results.map((result): Candidate => {
      const { id } = result
      const terms = termsFor(id)
      let fit = scoreCandidate(query, terms)
      if (form && !terms.forms.has(form)) fit = { ...fit, confidence: fit.confidence * FORM_MISMATCH }
      return { id, pair: pairsById.get(id), handoff: handoffsById.get(id), fit, score: result.score, signals: { fit, margin: 0, leftover: 0 } }
    })
    // Confidence, nudged by the closest single phrasing; then the search score.
    const key = (c: Candidate): number => c.fit.confidence + PHRASE_WEIGHT * c.fit.phrase
    candidates.sort((a, b) => key(b) - key(a) || b.score - a.score)
    const rivals = candidates.slice(0, LEFTOVER_RIVALS)
    const rivalTerms = rivals.map((rival) => termsFor(rival.id).asked)
    // Plain loops, without a set or a closure per rival: this runs for every message, and a reply's garbage is what
    // makes its slowest times (a collection during a reply).
    for (const c of candidates) {
      // The next candidate in rank order: for the leader, the runner-up.
      const next = candidates[0] === c ? candidates[1] : candidates[0]
      const own = c.fit.matched
      let leftover = 0
      query.forEach((w, term) => {
        if (own.includes(term)) return
        for (let r = 0; r < rivals.length; r++) {
          if (rivals[r] !== c && rivalTerms[r]!.has(term)) {
            leftover += w
            return
          }
        }
      })
      c.signals = { fit: c.fit, margin: c.fit.confidence - (next ? next.fit.confidence : LONE_RIVAL * c.fit.confidence), leftover: total > 0 ? leftover / total : 0 }
    }
    return candidates
  }

  return {
    terms,
    phrasings,
    knowsWord: (word) => index.analyzer.isIgnored(word) || speller.knows(stem(word)),
    read(message, heldOut) {
      const sentences = askingSentences(message)
      const asking = sentences ? terms(sentences.asking.join(' ')) : null
      const wholeTerms = sentences && asking ? withBackstory(asking, terms(sentences.telling.join(' '))) : terms(message)
      // Decided on the whole message, so that no part of it read alone gets a candidate the message may not.
      const ruledOut = refusals?.(wholeTerms.terms, (id) => termsOf(id, heldOut).phrasings)
      const readOne = (text: string, read = terms(text), asked?: ReadonlySet<string>): Reading => ({
        ...read,
        ranked: rank(weighted(read.terms, asked), { form: formOf(text), heldOut, ruledOut }),
      })
      const sureness = (reading: Reading): number => reading.ranked[0]?.fit.confidence ?? 0
      let whole = readOne(message, wholeTerms, asking ? new Set(asking.terms) : undefined)
      // A question of several questions ("What are they, and can they help me?") is read as its surest part.
      for (const part of clauses(message)) {
        const reading = readOne(part)
        if (sureness(reading) > sureness(whole)) whole = reading
      }
      // A message of several sentences is read whole, its backstory weighing less (`BACKSTORY_WEIGHT`), never by its
      // question sentence alone: a generic question ("Can I still get them?") read alone drops what the sentence
      // before it said ("I have a pacemaker."), and patient posts were answered confidently wrong.
      return whole
    },
  }
}
