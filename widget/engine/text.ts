/**
 * The one text pipeline, used to index the knowledge base and to read visitors' messages, so that both sides
 * always agree: Unicode normalisation, case and diacritic folding, contractions, punctuation, stop words,
 * stemming and the knowledge base's synonyms.
 */
import { stemmer } from 'stemmer'
import { runSteps } from './steps.ts'
import type { KbFile, KbSynonym } from './kb-format.ts'

/**
 * Contractions expanded before splitting, so "can't" and "cannot" read alike (and a currency sign read as "price").
 * Each comes with a piece of text every match holds (null: none worth checking): a message without it skips the rule,
 * which is most of folding's cost.
 */
const REWRITES: ReadonlyArray<readonly [RegExp, string, string | null]> = [
  [/\bcan'?t\b/g, 'can not', 'can'],
  [/\bwon'?t\b/g, 'will not', 'won'],
  [/\bshan'?t\b/g, 'shall not', 'shan'],
  [/\b(\w+)n't\b/g, '$1 not', "n't"],
  [/\b(\w+)'re\b/g, '$1 are', "'re"],
  [/\b(\w+)'ve\b/g, '$1 have', "'ve"],
  [/\b(\w+)'ll\b/g, '$1 will', "'ll"],
  [/\b(\w+)'d\b/g, '$1 would', "'d"],
  [/\bi'm\b/g, 'i am', "i'm"],
  // A currency sign asks a price ("how much $$ for 1 shot"), whatever the words around it.
  [/\$+/g, ' price ', '$'],
  // On phones apostrophes are often skipped: "wont stop", "cant breathe", "doesnt work".
  [/\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)nt\b/g, '$1 not', 'nt'],
  [/\bwont\b/g, 'will not', 'wont'],
  [/\bcant\b/g, 'can not', 'cant'],
  [/\bim\b/g, 'i am', 'im'],
  [/\bive\b/g, 'i have', 'ive'],
  [/\b(you|they|we)re\b/g, '$1 are', 're'],
  // Question words typed without the apostrophe ("hows", "wheres") keep their meaning.
  [/\b(how|who|where|when|why)s\b/g, '$1', null],
  // "it's", "what's", "doctor's": the 's adds nothing a search can use.
  [/\b(\w+)'s\b/g, '$1', "'s"],
]

/** Plain ASCII: what most messages and knowledge bases are, and what needs no Unicode normalisation. */
const ASCII = /^[\x00-\x7f]*$/

/**
 * Folds a string for matching: NFKC (full-width letters, ligatures), lower case, diacritics removed, curly
 * apostrophes straightened, zero-width characters dropped, contractions expanded, currency signs read as "price".
 */
export function fold(text: string): string {
  // ASCII is unchanged by normalisation and holds no marks or zero-width characters: the same result, faster.
  let out = ASCII.test(text)
    ? text.toLowerCase().replace(/`/g, "'").replace(/([a-z])\1{2,}/g, '$1')
    : text
        .normalize('NFKC')
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
        // Zero-width characters are not separators in MiniSearch's default tokenizer (its issue #249); here they vanish.
        .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
        // "hellooo", "sooo painful": no English word has a letter three times in a row.
        .replace(/(\p{L})\1{2,}/gu, '$1')
        // Other currency signs become "$", which the rules below read as a price.
        .replace(/[£€¥₹]+/gu, ' $ ')
  for (const [pattern, replacement, needle] of REWRITES) if (needle === null || out.includes(needle)) out = out.replace(pattern, replacement)
  return out
}

/** Splits folded text into words: runs of letters and digits. Everything else separates. */
export function words(folded: string): string[] {
  return (ASCII.test(folded) ? folded.match(/[a-z\d]+/gi) : folded.match(/[\p{L}\p{N}]+/gu)) ?? []
}

/** Stems already computed: words repeat (Zipf), and stemming is most of the pipeline's cost. */
const stems = new Map<string, string>()
const MAX_CACHED_STEMS = 50_000

/** Stems an English word; leaves words in other scripts and numbers as they are. */
export function stem(word: string): string {
  let stemmed = stems.get(word)
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(word) ? stemmer(word) : word
    if (stems.size >= MAX_CACHED_STEMS) stems.clear()
    stems.set(word, stemmed)
  }
  return stemmed
}

/**
 * A word of a message as the pipeline reads it: its stem, and whether it is an ignored word. Ignored words are kept
 * until synonyms are applied, so a synonym phrase matches only where its words really stand ("same time" must not
 * become "time" and catch every "time", "visit" or "appointment").
 */
export interface Token {
  term: string
  ignored: boolean
  /** The visitor's own word, or words for a synonym phrase, that the term stands for (what staff are shown). */
  word: string
}

/** A function from text to index terms, with its steps exposed for typo correction. */
export interface Analyzer {
  (text: string): string[]
  /** Folded, split and stemmed words, ignored words and bare numbers marked, synonyms not yet applied. */
  tokens(text: string): Token[]
  /** Applies the synonyms to tokens, then drops the ignored ones: the terms of the index and of messages. */
  finish(tokens: readonly Token[]): string[]
  /** {@link Analyzer.finish}, keeping each term's own words. */
  finishTokens(tokens: readonly Token[]): Token[]
  /** The pipeline without synonyms: folded, split, ignored words and numbers dropped, stemmed. */
  base(text: string): string[]
  /** True for a word the pipeline drops: an ignored word, or a bare number ("I'm 67", "for 2 years"). */
  isIgnored(word: string): boolean
  /** The ignored words. */
  readonly ignored: ReadonlySet<string>
  /** Every term that appears in a synonym variant: known words, though the index holds their canonical. */
  readonly variantTerms: ReadonlySet<string>
}

/** What decides how text becomes terms: the knowledge base's synonyms, ignored words and ignored phrases. */
export interface TextOptions {
  synonyms: readonly KbSynonym[]
  ignored: readonly string[]
  /** Phrases dropped where they stand, as a synonym with nothing for its canonical ("has anyone"). */
  ignoredPhrases?: readonly string[]
}

/** The text options of a knowledge base: what the compiler indexed it with, and what it must be read with. */
export function textOptionsOf(kb: Pick<KbFile, 'synonyms' | 'language'>): TextOptions {
  return { synonyms: kb.synonyms, ignored: kb.language.ignored, ignoredPhrases: kb.language.ignoredPhrases ?? [] }
}

/** A compiled synonym table: variant token sequences mapped to canonical terms. */
interface SynonymTable {
  /**
   * Variants keyed by their first term, longest first; with how many of their words carry meaning (not ignored),
   * and whether the canonical reads otherwise than the variant ("bleeding" is already "bleed").
   */
  byFirst: Map<string, Array<{ variant: string[]; canonical: Token[]; meaning: number; changes: boolean }>>
  /** The variants' own terms, ignored words left out. */
  variantTerms: Set<string>
}

/**
 * Compiles synonyms. Variants go through the same tokens as text, ignored words included, so a variant matches
 * whatever the stemmer makes of it, word for word. A variant made only of ignored words can never be told apart
 * from filler; the compiler reports it.
 */
function* compileSynonyms(synonyms: readonly KbSynonym[], ignoredPhrases: readonly string[], tokens: (text: string) => Token[]): Generator<void, SynonymTable, void> {
  const byFirst: SynonymTable['byFirst'] = new Map()
  const variantTerms = new Set<string>()
  const add = (variant: Token[], canonical: Token[]): void => {
    const terms = variant.map((token) => token.term)
    const meant = variant.filter((token) => !token.ignored).map((token) => token.term)
    const list = byFirst.get(terms[0]!) ?? []
    list.push({ variant: terms, canonical, meaning: meant.length, changes: meant.join(' ') !== canonical.map((token) => token.term).join(' ') })
    byFirst.set(terms[0]!, list)
  }
  // An ignored phrase is a variant that stands for nothing.
  for (const phrase of ignoredPhrases) {
    const variant = tokens(phrase)
    if (variant.length > 0) add(variant, [])
  }
  for (const [n, { canonical, variants }] of synonyms.entries()) {
    if (n > 0 && n % SYNONYMS_PER_STEP === 0) yield
    const canonicalTokens = tokens(canonical).filter((token) => !token.ignored)
    for (const variant of variants) {
      const variantTokens = tokens(variant)
      if (variantTokens.length === 0 || canonicalTokens.length === 0 || variantTokens.every((token) => token.ignored)) continue
      add(variantTokens, canonicalTokens)
      for (const token of variantTokens) if (!token.ignored) variantTerms.add(token.term)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.variant.length - a.variant.length)
  return { byFirst, variantTerms }
}

/**
 * Replaces every synonym variant in a token sequence with its canonical terms, longest variant first; then again
 * over what that made, so that one synonym's canonical can complete another's phrase: "triggerpoint injection" is
 * "trigger point injection", which is "tpi". The later rounds only assemble phrases of two words that carry meaning
 * or more: a one-word rewrite in context ("dose it" is "does it") applies to the visitor's own word, never to one a
 * synonym made ("dosage it has" keeps its dose). A few rounds are enough for any real table, and bound a cycle.
 */
function applySynonyms(tokens: readonly Token[], table: SynonymTable): readonly Token[] {
  // Read-only: a message that no synonym touches is returned as it came, without a copy.
  let current = tokens
  for (let round = 0, replaced = table.byFirst.size > 0; replaced && round < SYNONYM_ROUNDS; round++) {
    const out: Token[] = []
    replaced = false
    for (let i = 0; i < current.length; ) {
      const candidates = table.byFirst.get(current[i]!.term)
      const hit = candidates?.find(({ variant, meaning }) => (round === 0 || meaning > 1) && variant.every((term, k) => current[i + k]?.term === term))
      if (hit) {
        // The visitor's words, each once: a canonical of several terms shares the words it stood for.
        const word = [...new Set(current.slice(i, i + hit.variant.length).map((token) => token.word))].join(' ')
        for (const token of hit.canonical) out.push({ ...token, word })
        i += hit.variant.length
        replaced ||= hit.changes
      } else out.push(current[i++]!)
    }
    current = out
  }
  return current
}

/** Rounds of synonym replacement at most (see {@link applySynonyms}). */
const SYNONYM_ROUNDS = 3

/**
 * Synonym groups compiled per step of {@link analyzerSteps}: the stemmer's first few hundred words, before the
 * JavaScript engine has compiled it, take tens of milliseconds on a slow phone.
 */
const SYNONYMS_PER_STEP = 10

/** Creates the analyzer for a knowledge base's synonyms and ignored words. The same one must index and query. */
export function createAnalyzer(options: TextOptions): Analyzer {
  return runSteps(analyzerSteps(options))
}

/** Creates the analyzer ({@link createAnalyzer}) in steps, so that a caller can spread the work over idle time. */
export function* analyzerSteps({ synonyms, ignored, ignoredPhrases = [] }: TextOptions): Generator<void, Analyzer, void> {
  const ignoredSet = new Set(ignored)
  // A number, bare or with its unit ("9am", "45yo", "10mg", "1st"), says nothing a pair is asked by; counted as an
  // unknown word, it weighed against the question ("got my shot at 9am, when will it work" fell back).
  const isIgnored = (word: string): boolean => ignoredSet.has(word) || /^\d/.test(word)
  // Tokens are never changed once made, so a word's token is made once and shared: building an index reads
  // hundreds of thousands of words, most of them again and again.
  const known = new Map<string, Token>()
  const token = (word: string): Token => {
    let made = known.get(word)
    if (!made) {
      if (known.size >= MAX_CACHED_STEMS) known.clear()
      known.set(word, (made = { term: stem(word), ignored: isIgnored(word), word }))
    }
    return made
  }
  const tokens = (text: string): Token[] => words(fold(text)).map(token)
  const terms = (list: readonly Token[]): string[] => list.filter((token) => !token.ignored).map((token) => token.term)
  const base = (text: string): string[] => terms(tokens(text))
  const table = yield* compileSynonyms(synonyms, ignoredPhrases, tokens)
  const finishTokens = (list: readonly Token[]): Token[] => applySynonyms(list, table).filter((token) => !token.ignored)
  const finish = (list: readonly Token[]): string[] => terms(applySynonyms(list, table))
  return Object.assign((text: string) => finish(tokens(text)), { tokens, finish, finishTokens, base, isIgnored, ignored: ignoredSet, variantTerms: table.variantTerms })
}
