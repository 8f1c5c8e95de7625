/**
 * The compiled knowledge base as the engine, the widget, the CLI and the staff console hold it: what the compiler
 * (`build/compiler`) produces and what reading `kb.json` (`load.ts`) gives back. The file stores it compactly, without
 * what readers derive and without what only staff tools read ({@link KbJson}, {@link KbStaffJson}). Bump
 * {@link KB_FORMAT_VERSION} on any change to the files a reader must know about.
 */

/** The version of the `kb.json` format (and of `kb-staff.json` beside it). Readers refuse any other. */
export const KB_FORMAT_VERSION = 4 as const

/** Inline rich text: plain text, emphasis and links. Never HTML: renderers build elements from it. */
export type RichInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: RichInline[] }
  | { type: 'em'; children: RichInline[] }
  /** `href` is always `https:`, `mailto:` or `tel:` (checked by the compiler and again by renderers). */
  | { type: 'link'; href: string; children: RichInline[] }

/** Block rich text: paragraphs and lists. */
export type RichBlock =
  | { type: 'paragraph'; children: RichInline[] }
  | { type: 'list'; ordered: boolean; items: RichInline[][] }

/** An answer as a safe rich-text tree. */
export type RichText = RichBlock[]

/** Where an answer comes from: a section of one of the clinic's source pages in `kb/pages/`. */
export interface KbSource {
  /** The page's id: its file name without `.md`. Staff data, like `section` (see {@link KbPair.topic}). */
  page?: string
  /** The section's id: the slug of its heading. */
  section?: string
  /** What a visitor reads: "Page title › Section title". */
  label: string
}

/** One question-and-answer pair. */
export interface KbPair {
  /** A stable slug, unique in the knowledge base. */
  id: string
  /** The question as staff wrote it. */
  question: string
  /**
   * Other ways visitors ask the same question. Staff data where only `kb.json` was read (the widget): there it is
   * empty and {@link KbPair.asked} holds the phrasings as the engine reads them.
   */
  aliases: string[]
  /** The `aliases` as the engine reads them, where only `kb.json` was read: see {@link KbAsked}. */
  asked?: KbAsked
  /**
   * Questions this pair must not answer (`not:` in the Markdown): a message closer to one of them than to any way
   * the pair is asked never gets it (`negatives.ts`). Absent when there are none.
   */
  not?: string[]
  /** The answer as rich text. */
  answer: RichText
  /** The answer as plain text, for the CLI, screen-reader summaries and search. Derived on load, not stored. */
  answerText: string
  /** Where the answer comes from. */
  source: KbSource
  /** Ids of pairs a visitor may want next. */
  related: string[]
  /**
   * The topic heading of the file the pair is in, for grouping in the staff console. Staff data, like `note` and
   * `origin`: stored in `kb-staff.json`, not `kb.json`, so absent where only `kb.json` was read (in the widget).
   */
  topic?: string
  /** A staff note kept beside the pair, such as where the documents disagree. */
  note?: string
  /** Where the pair is written: `kb/qa/FILE.md:LINE`. */
  origin?: string
}

/**
 * A topic the knowledge base deliberately does not answer (prices, opening hours, other treatments…).
 * A message that matches one gets the fallback kind with this reply, which points to booking.
 */
export interface KbHandoff {
  /** A stable slug, unique among pairs and handoffs. */
  id: string
  /** A short name for the topic, shown to staff. */
  topic: string
  /** Ways visitors ask about it. Empty where only `kb.json` was read, as {@link KbPair.aliases}. */
  aliases: string[]
  /** The `aliases` as the engine reads them, where only `kb.json` was read: see {@link KbAsked}. */
  asked?: KbAsked
  /** Questions it must not take, as {@link KbPair.not}. Absent when there are none. */
  not?: string[]
  /** What the visitor reads before the booking offer. */
  answer: RichText
  /** The same as plain text. Derived on load, not stored. */
  answerText: string
  /** Where the handoff is written: `kb/FILE.md:LINE`. Staff data, as {@link KbPair.topic}. */
  origin?: string
}

/**
 * A pair's or handoff's phrasings as the engine reads them, computed when `kb.json` is written: what the widget
 * needs of them is their terms, not their wording, and the terms are two thirds of the text gzipped. The wording
 * is in `kb-staff.json`; readers that have it analyze it instead ({@link withStaff} drops this).
 */
export interface KbAsked {
  /** Each of the `aliases`' terms, in order: the text pipeline's output (`text.ts`: stems, synonyms applied). */
  terms: string[][]
  /** The telling question words its question and `aliases` begin with (`question-form.ts`). */
  forms: string[]
}

/** A section of a source page. */
export interface KbSection {
  id: string
  title: string
}

/** A source page in `kb/pages/`. */
export interface KbPage {
  id: string
  title: string
  sections: KbSection[]
}

/** A group of words that mean the same here: visitors' words first mapped onto the canonical one. */
export interface KbSynonym {
  /** The word or phrase the index uses. */
  canonical: string
  /** Words or phrases visitors use for it. */
  variants: string[]
}

/** The replies the assistant writes itself; `{emergency}` and `{crisis}` stand for the configured numbers. */
export const LANGUAGE_REPLIES = ['greeting', 'thanks', 'goodbye', 'identity', 'empty', 'fallback', 'handoff', 'clarify', 'emergency', 'crisis'] as const
/** Replies a language file may leave out; the engine says `fallback` instead. */
export const OPTIONAL_REPLIES = ['otherLanguage'] as const
/** One of {@link LANGUAGE_REPLIES}. */
export type LanguageReply = (typeof LANGUAGE_REPLIES)[number] | (typeof OPTIONAL_REPLIES)[number]

/** The kinds of small talk, each with its own reply. */
export const SMALLTALK_KINDS = ['identity', 'goodbye', 'thanks', 'greeting'] as const
/** One of {@link SMALLTALK_KINDS}. */
export type SmalltalkPhraseKind = (typeof SMALLTALK_KINDS)[number]

/**
 * The assistant's language (`kb/language.md`, or the compiler's English default): its own replies and the everyday
 * words it needs to read messages. Words and phrases are stored folded (lower case, no accents, one space).
 */
export interface KbLanguage {
  replies: Record<(typeof LANGUAGE_REPLIES)[number], string> & Partial<Record<(typeof OPTIONAL_REPLIES)[number], string>>
  /** Words left out of the index and of messages. */
  ignored: string[]
  /**
   * Phrases left out of the index and of messages, though their words count elsewhere ("has anyone" asks nothing
   * about who may have the treatment). Optional, for older `kb.json` files.
   */
  ignoredPhrases?: string[]
  /** Words left out before small-talk phrases are matched ("a", "the"). */
  articles: string[]
  /** Short forms read as the full word in small talk ("u" → "you"). */
  shortForms: Record<string, string>
  /** Small-talk phrases by kind, longest first. */
  smalltalk: Record<SmalltalkPhraseKind, string[]>
  /** Words that may stand beside small talk without turning it into a question. */
  filler: string[]
  /** Words that acknowledge an answer ("great"): with only filler around them, they get the thanks reply. */
  acknowledgements: string[]
  /** Words red flags turn on; misspellings are corrected towards them before red flags are looked for. */
  redFlagWords: string[]
  /** Suicide and self-harm: the reply names the crisis line. */
  crisisFlags: KbRedFlag[]
  /** Medical emergencies: the reply names the emergency number. */
  redFlags: KbRedFlag[]
  /** How a question about the treatment begins (a regular expression); see {@link KbRedFlag.askable}. */
  aboutTheTreatment: string
  /**
   * Common words of other languages that are not words of this one ("la", "und", "est"): a message made of them is
   * answered with the `otherLanguage` reply. Optional, like the fields below, for older `kb.json` files.
   */
  foreignWords?: string[]
  /** How questions begin; optional, for knowledge bases compiled before it existed. */
  questionWords?: KbQuestionWords
  /**
   * Common words of the language that the engine would otherwise take for a typo of a word of the knowledge base
   * ("both" for "bath", "left" for "lift", "fine" for "find") or of an ignored word ("staff" for "stuff"), stemmed as
   * the engine reads words: read as words the knowledge base does not know, never corrected by an edit or dropped
   * (only a comparison or adverb of a known stem is read as that stem: "healthy" as "health"). The compiler picks
   * them from {@link KbLanguage.commonWords}; optional, for older `kb.json` files.
   */
  realWords?: string[]
  /**
   * The language's common words (the language file's `## Real words`), from which the compiler picks
   * {@link KbLanguage.realWords}. Not written to `kb.json`.
   */
  commonWords?: string[]
  /**
   * Questions no clinic's knowledge base answers (the weather, other services…): negatives for calibration at
   * compile time. Not written to `kb.json`.
   */
  offTopic?: string[]
}

/** Question words (`## Question words` in the language file). */
export interface KbQuestionWords {
  /** Words a question begins with ("what", "can", "is"…): where a message of several questions is cut. */
  asks: string[]
  /**
   * Words that point back to what an earlier question of the message names ("it", "they"…): a later question with
   * one is not read alone. Optional, for older `kb.json` files.
   */
  pointsBack?: string[]
  /**
   * Telling question words by what they ask for ("when": when, how soon…; "who": who, whom…), folded; "(a|b)" is a
   * choice of words, and " … " leaves room for any words ("(when will|when does) … go away"), within a message's
   * first words.
   */
  forms: Record<string, string[]>
}

/** A red flag: what it is, and a regular expression over the message's folded words. */
export interface KbRedFlag {
  label: string
  pattern: string
  /** A question about the treatment may mention it without being an emergency ("will it bleed a lot?"). */
  askable: boolean
}

/** The whole compiled knowledge base. */
export interface KbFile {
  /** Always {@link KB_FORMAT_VERSION}. */
  format: typeof KB_FORMAT_VERSION
  /** A hash of the content, so caches and reports can tell two builds apart. */
  hash: string
  /** The source pages and their sections. Staff data, like {@link KbPair.topic}: absent where only `kb.json` was read. */
  pages?: KbPage[]
  pairs: KbPair[]
  handoffs: KbHandoff[]
  synonyms: KbSynonym[]
  language: KbLanguage
  /** What the search index, built at load from the pairs' phrasings, must be built with (`widget/engine/index-reader.ts`). */
  index: KbIndex
  /** How raw confidences become probabilities, learned at compile time (`widget/engine/calibration.ts`). */
  calibration?: KbCalibration
}

/** A logistic model over a candidate's signals, learned from the knowledge base when it is compiled. */
export interface KbCalibration {
  /** The names of the signals, in order; an engine that computes others ignores the model. */
  features: string[]
  weights: number[]
  bias: number
  /** What it was learned from, for staff: held-out phrasings and off-topic questions. */
  examples: number
}

/**
 * The index section. The index itself is not stored: the engine builds it from the phrasings when it loads, which
 * costs about what parsing a stored one did, and keeps the file a third smaller.
 */
export interface KbIndex {
  /**
   * A hash of what decides the index (the text pipeline's revision, synonyms, ignored words): the engine refuses
   * a `kb.json` compiled for another one, whose calibration and checks were made with other terms.
   */
  optionsHash: string
}

/**
 * `kb.json` as stored: the {@link KbFile} every visitor who opens the chat downloads, so kept small. Nothing readers
 * derive is stored (plain-text answers, the search index), nothing twice, and nothing only staff tools read: that is
 * in `kb-staff.json` ({@link KbStaffJson}). `load.ts` writes and reads both. Pairs, handoffs and synonyms are
 * tuples, answers {@link PackedRichText}; the other sections are stored as {@link KbFile} holds them.
 */
export interface KbJson extends Pick<KbFile, 'format' | 'hash' | 'index' | 'calibration'> {
  /**
   * `asked` is {@link KbAsked.terms}, each phrasing's terms joined by spaces, `forms` {@link KbAsked.forms};
   * `source` is the source's label, `related` numbers pairs (in this order, from 0).
   */
  pairs: Array<[id: string, question: string, asked: string[], forms: string[], answer: PackedRichText, source: string, related: number[], not?: string[]]>
  handoffs: Array<[id: string, topic: string, asked: string[], forms: string[], answer: PackedRichText, not?: string[]]>
  synonyms: Array<[canonical: string, ...variants: string[]]>
  /** Without the off-topic questions and the common words, which only the compiler reads. */
  language: Omit<KbLanguage, 'offTopic' | 'commonWords'>
}

/**
 * `kb-staff.json`, written beside `kb.json` by the same build: what only staff tools read (the CLI, the coverage
 * console). The widget never fetches it, and a clinic copies only `kb.json` to its site.
 */
export interface KbStaffJson {
  format: typeof KB_FORMAT_VERSION
  /** The {@link KbFile.hash} of the `kb.json` it belongs to: readers refuse a pair of files from two builds. */
  hash: string
  pages: KbPage[]
  /** By id: the ways it is asked, where the answer comes from, the topic, the note, where the pair is written. */
  pairs: Array<{ id: string; source: Required<Omit<KbSource, 'label'>> } & Required<Pick<KbPair, 'aliases' | 'topic' | 'origin'>> & Pick<KbPair, 'note'>>
  handoffs: Array<Required<Pick<KbHandoff, 'id' | 'aliases' | 'origin'>>>
}

/**
 * An answer as `kb.json` stores it, read back into {@link RichText} (`rich-text.ts`): each block is an array of
 * inline nodes (a paragraph) or `{"ul": items}` / `{"ol": items}` (a list, each item an array of inline nodes).
 * Text is only ever text: nothing is parsed out of a string.
 */
export type PackedRichText = Array<PackedInline[] | { ul: PackedInline[][] } | { ol: PackedInline[][] }>

/** An inline node as stored: a string (text), `["b", ...nodes]` (strong), `["i", ...nodes]` (em) or `["a", href, ...nodes]`. */
export type PackedInline = string | ['b' | 'i', ...PackedInline[]] | ['a', string, ...PackedInline[]]
