/**
 * Typo tolerance: a query term the index does not know is replaced by the closest known term, within a bounded
 * edit distance, using MiniSearch's radix tree (`SearchableMap#fuzzyGet`). Correcting before searching keeps the
 * search itself exact, so it costs what plain MiniSearch costs, and the confidence knows which term matched.
 */
import SearchableMap from 'minisearch/SearchableMap'

/** Words this short are never corrected: too many real words lie one edit apart. */
const MIN_CORRECTABLE_LENGTH = 4

/**
 * Message terms (stems) this short are corrected towards the knowledge base's terms only across a slip of typing
 * (see {@link isTypingSlip}), a stricter bar than red flags get (`intents.ts`, where a false correction only errs
 * towards safety). Short real words lie one edit from the knowledge base's own: over every evaluation set, 54 of the
 * 56 corrections of shorter stems turned a real word into another ("night" into "right", "real" into "heal",
 * "solely" into "sore"), which both hid an unknown word and invented a match. With the rule 15 are made: both
 * typos, now both mended ("comon", "elegible"), and 13 of the 54 ("left" into "lift").
 */
const MIN_CORRECTED_STEM = 6

/**
 * What a real word of the language may add to a known stem and still be read as it (stems as the stemmer leaves
 * them): "healthy" (healthi), "commonly" (commonli), "closer", "earlier", "smallest". Other endings make another
 * word: "afternoon" is not "after", "standard" not "stand", "thought" not "though".
 */
const REAL_WORD_ENDINGS = ['i', 'li', 'r', 'er', 'est']

/** Vowels, with "y", which stems end in ("many" is "mani"). */
const VOWELS = 'aeiouy'

/** A QWERTY keyboard's rows. */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']

/** True for keys side by side, or touching across two rows (each row sits half a key right of the one above). */
export function nearKeys(a: string, b: string): boolean {
  const [ra, rb] = [a, b].map((key) => ROWS.findIndex((row) => row.includes(key))) as [number, number]
  if (ra < 0 || rb < 0) return false
  const right = ROWS[rb]!.indexOf(b) - ROWS[ra]!.indexOf(a)
  if (rb === ra) return Math.abs(right) === 1
  if (rb === ra - 1) return right === 0 || right === 1
  return rb === ra + 1 && (right === 0 || right === -1)
}

/** A word with each run of one letter written once ("needle" → "nedle"). */
const squeezed = (word: string): string => word.replace(/(.)\1+/g, '$1')

/**
 * True when `typed` is `known` with one slip of typing: a vowel put for another, added or left out ("meny",
 * "damge", "wher"), a letter doubled or not ("hurtt", "comon"), or a key next to the right one ("hurr"). Asked every
 * phrasing of the clinic's knowledge base with one such slip in each of its words of 4–5 letters (`frontdesk eval
 * --slips`), the engine answers with its own pair about as often as when every one-edit correction was made (95.8 /
 * 79.9 / 94.3 / 95.2 % for a vowel put for another / left out / a doubled letter / a near key, against 93.5 / 79.3
 * / 94.7 / 95.3 %; measured when the rule came in, the README has today's) and with another pair less often.
 * Allowing doubled letters alone had dropped the first, second and last to 71–73 %.
 */
export function isTypingSlip(typed: string, known: string): boolean {
  if (squeezed(typed) === squeezed(known)) return true
  if (typed.length === known.length) {
    const letters = substituted(typed, known)
    return letters !== null && slipOfKey(...letters)
  }
  // A vowel added or left out: the longer word has it where the two first differ.
  const [longer, shorter] = typed.length > known.length ? [typed, known] : [known, typed]
  const at = firstDifference(longer, shorter)
  return longer.length === shorter.length + 1 && VOWELS.includes(longer[at]!) && longer.slice(at + 1) === shorter.slice(at)
}

/**
 * True when `typed` is `known` with one letter put for another neither beside it on the keyboard nor, for a vowel,
 * another vowel ("consent" for "content", "infecton" for "injecton"): in a longer word that is rarely a slip of
 * typing and usually another word. Letters swapped ("corticosteriod") or added and left out are not this.
 */
export function isFarSubstitution(typed: string, known: string): boolean {
  const letters = substituted(typed, known)
  return letters !== null && !slipOfKey(...letters)
}

/** Where two words first differ. */
function firstDifference(a: string, b: string): number {
  let at = 0
  while (at < a.length && a[at] === b[at]) at++
  return at
}

/** The letter `typed` has where `known` has another, when that is all two words of one length differ by. */
function substituted(typed: string, known: string): [string, string] | null {
  const at = firstDifference(typed, known)
  return typed.length === known.length && at < typed.length && typed.slice(at + 1) === known.slice(at + 1) ? [typed[at]!, known[at]!] : null
}

/** A letter typed for another by a slip: a vowel for a vowel, or a key beside the right one. */
const slipOfKey = (slip: string, meant: string): boolean => (VOWELS.includes(slip) && VOWELS.includes(meant)) || nearKeys(slip, meant)

/** The largest edit distance tried, whatever the word's length (MiniSearch's `maxFuzzy`). */
export const MAX_FUZZY = 2

/**
 * The edit distance allowed for a word: 1 up to 8 letters, then {@link MAX_FUZZY}. Two edits on a short word
 * reach too many real words, and cost ten times as much to search.
 */
export function allowedDistance(term: string): number {
  if (term.length < MIN_CORRECTABLE_LENGTH) return 0
  return term.length < 9 ? 1 : MAX_FUZZY
}

/**
 * A known stem that begins the word: a typo near the end of a word ("complicatons") defeats the stemmer, which
 * then keeps a longer, unknown stem, though the word still starts with the right one ("complic"). At most four
 * letters may be cut, and the stem must keep at least five.
 */
function knownStemOf(tree: SearchableMap<number>, term: string): string | null {
  for (let length = term.length - 1; length >= Math.max(5, term.length - 4); length--) {
    if (tree.has(term.slice(0, length))) return term.slice(0, length)
  }
  return null
}

/**
 * Recognises an unknown word one edit from an ignored word ("actualy", "becuase"): a misspelt filler, not a word
 * that names what the message is about. Its tree is built on first use.
 */
export function nearIgnoredWord(ignored: Iterable<string>): (word: string) => boolean {
  let tree: SearchableMap<boolean> | null = null
  return (word) => {
    if (word.length < 5 || word.length > 12) return false
    tree ??= SearchableMap.from([...ignored].map((stop) => [stop, true])) as SearchableMap<boolean>
    return tree.fuzzyGet(word, 1).size > 0
  }
}

/** Corrects unknown terms against a vocabulary of document frequencies. */
export interface Speller {
  /** True for a term of the index or of a synonym. */
  knows(term: string): boolean
  /**
   * The known term closest to `term` that begins with the same letter (fewest edits, then a doubled letter, then
   * most common), or null; for a short term, only one a slip of typing away ({@link isTypingSlip}). Known terms
   * return themselves. `slips: false` is for a real word of the language (`KbLanguage#realWords`): then only a known
   * stem that begins it with a {@link REAL_WORD_ENDINGS} counts ("healthy" is "health"), never a word an edit away
   * ("both" is not "bath").
   */
  correct(term: string, slips?: boolean): string | null
}

/** What a speller reads: the index's terms and synonym variants, and their radix tree (built on first use). */
export interface SpellerSource {
  df: ReadonlyMap<string, number>
  analyzer: { readonly variantTerms: ReadonlySet<string> }
  vocabulary(): SearchableMap<number>
}

/**
 * Creates a speller over the index's terms (with their document frequencies) and the synonym variants, which the
 * index holds only as their canonical. The vocabulary's radix tree is asked for on the first unknown term, so
 * loading stays cheap.
 */
export function createSpeller({ df, analyzer, vocabulary }: SpellerSource): Speller {
  const knows = (term: string): boolean => df.has(term) || analyzer.variantTerms.has(term)
  return {
    knows,
    correct(term, slips = true) {
      if (knows(term)) return term
      const distance = allowedDistance(term)
      // Long strings cost fuzzy search dearly (minisearch notes: one 30-letter term took 64 ms); real words are shorter.
      if (distance === 0 || term.length > 24) return null
      const tree = vocabulary()
      if (!slips) {
        const known = knownStemOf(tree, term)
        return known && REAL_WORD_ENDINGS.includes(term.slice(known.length)) ? known : null
      }
      const short = term.length < MIN_CORRECTED_STEM
      let best: { term: string; distance: number; doubled: boolean; df: number } | null = null
      for (const [candidate, [count, edits]] of tree.fuzzyGet(term, distance)) {
        // Typists rarely miss a word's first letter, while real words one edit apart often differ there ("hollow", "follow").
        if (candidate[0] !== term[0]) continue
        // A doubled letter is the surest slip: "shott" is "shot", however common "short" is.
        const doubled = squeezed(candidate) === squeezed(term)
        if (short ? !doubled && !isTypingSlip(term, candidate) : isFarSubstitution(term, candidate)) continue
        const closer = !best || edits < best.distance || (edits === best.distance && (doubled !== best.doubled ? doubled : count > best.df))
        if (closer) {
          best = { term: candidate, distance: edits, doubled, df: count }
        }
      }
      return best?.term ?? knownStemOf(tree, term)
    },
  }
}
