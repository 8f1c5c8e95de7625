/**
 * Messages that are not questions for the knowledge base: red flags, which override everything, and small talk.
 * Patterns run on folded text (see `fold`), so case, accents and contractions are already straightened.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { allowedDistance } from './spelling.ts'
import { fold, words } from './text.ts'

/** The kinds of emergency, which decide what number the reply names. */
export const EmergencyKind = { medical: 'medical', selfHarm: 'self-harm' } as const
/** One of {@link EmergencyKind}'s values. */
export type EmergencyKind = (typeof EmergencyKind)[keyof typeof EmergencyKind]

/** A detected red flag. */
export interface EmergencyHit {
  kind: EmergencyKind
  /** What was recognised, for staff ("chest pain"). */
  label: string
}

const NEAR = '\\b[\\w\\s]{0,30}?\\b'
const BREATHE = '(?:breath|breathe|breathing|breth|breathin)'
const SWELL = '(?:swell\\w*|swollen|swole|closing|closed up|puff\\w*|tight\\w*)'
const AIRWAY = '(?:throat|tongue|lips?|mouth|airway|face)'

/** Red flags: [label, pattern]. Kept broad on purpose: a false alarm costs little, a miss can cost a life. */
const MEDICAL_RED_FLAGS: ReadonlyArray<readonly [string, RegExp]> = [
  ['chest pain', new RegExp(`\\bchest${NEAR}(?:pain|hurt\\w*|ache|aching|tight\\w*|pressure|crush\\w*|squeez\\w*|heavy)`)],
  ['chest pain', new RegExp(`\\b(?:pain|pressure|tightness|crushing)${NEAR}chest\\b`)],
  ['heart attack', /\b(?:heart attack|cardiac arrest|heartattack)\b/],
  ['breathing', new RegExp(`\\b(?:can not|cannot|could not|unable to|struggling to|struggle to|hard to|trouble|difficulty|difficult to|hard time|problems?)\\s+(?:\\w+\\s+)?${BREATHE}\\b`)],
  ['breathing', /\b(?:short(?:ness)? of breath|out of breath|not breathing|stopped breathing|gasping|choking|can not get (?:enough )?air)\b/],
  ['stroke', /\b(?:stroke|face (?:is )?droop\w*|droop\w* (?:face|mouth|side)|slurr\w*|worst headache)\b/],
  ['stroke', /\bsudden\w*\b[\w\s]{0,30}\b(?:numb\w*|weak\w*|paraly\w*)\b[\w\s]{0,20}\b(?:one side|arm|leg|face)\b/],
  ['stroke', /\bcan not (?:speak|talk|move (?:my )?(?:arm|leg|face))\b/],
  ['swelling of the throat or face', new RegExp(`\\b${AIRWAY}${NEAR}${SWELL}`)],
  ['swelling of the throat or face', new RegExp(`\\b${SWELL}${NEAR}${AIRWAY}\\b`)],
  ['severe allergic reaction', /\b(?:anaphyla\w*|severe allergic reaction|hives all over)\b/],
  ['heavy bleeding', /\b(?:bleed\w*|blood)\b[\w\s]{0,30}\b(?:will not stop|not stop\w*|does not stop|heavily|heavy|a lot|everywhere|gushing|pouring|spurting|so much|badly|soak\w*|through)\b/],
  ['heavy bleeding', /\b(?:heavy|heavily|severe|uncontrolled|massive|profuse\w*|lots of|so much) (?:bleed\w*|blood)\b/],
  ['heavy bleeding', /\bnot stop\w* (?:the )?bleed\w*/],
  ['fainting', /\b(?:faint\w*|passed out|pass out|passing out|blacked out|black out|lost consciousness|unconscious|unresponsive|not responding|(?:will|can|does) not wake up|collapsed?)\b/],
  ['seizure', /\b(?:seizure\w*|convuls\w*|fitting)\b/],
  ['overdose', /\boverdos\w*/],
  ['overdose', /\b(?:took|take|taken|swallowed|ate)\b[\w\s]{0,25}\b(?:too many|whole bottle|bottle|all (?:my|the|of))\b[\w\s]{0,20}\b(?:pills?|tablets?|meds|medications?|medicine|painkillers?)\b/],
]

const SELF_HARM_RED_FLAGS: ReadonlyArray<readonly [string, RegExp]> = [
  ['suicide', /\b(?:suicid\w*|kill\w* myself|end\w* (?:my (?:own )?life|it all|things)|tak\w* my (?:own )?life|unalive)\b/],
  ['suicide', /\b(?:want|wanna|going|wish|ready) (?:to )?(?:die|be dead)\b/],
  ['suicide', /\b(?:not|no) (?:want to|reason to) (?:live|be alive|be here)\b|\bbetter off dead\b/],
  ['self-harm', /\b(?:self ?harm\w*|hurt\w* myself|cut\w* myself|harm\w* myself)\b/],
]

/** The words red flags turn on, so a panicked misspelling of one ("unconscous", "bleedin") still counts. */
const RED_FLAG_WORDS = `unconscious unresponsive responding breathe breathing breath bleeding blood chest stroke suicide suicidal
  seizure seizures fainted fainting faint swelling swollen throat tongue overdose collapsed choking anaphylaxis
  allergic heart attack myself drooping slurred numbness crushing pressure`.split(/\s+/)
let redFlagWords: SearchableMap<boolean> | null = null

/** Replaces words one or two edits from a red-flag word with that word. */
function correctRedFlagWords(text: string): string {
  redFlagWords ??= SearchableMap.from(RED_FLAG_WORDS.map((word) => [word, true])) as SearchableMap<boolean>
  const tree = redFlagWords
  return text
    .split(' ')
    .map((word) => {
      if (word.length < 5 || tree.has(word)) return word
      let best: [string, number] | null = null
      for (const [candidate, [, edits]] of tree.fuzzyGet(word, allowedDistance(word))) if (!best || edits < best[1]) best = [candidate, edits]
      return best?.[0] ?? word
    })
    .join(' ')
}

/**
 * Flags that a visitor may ask about as a possible side effect ("will it bleed a lot?", "can I faint from the
 * needle?"): such a question about the treatment is a question, not an emergency. Chest pain, breathing,
 * stroke signs and self-harm are never excused.
 */
const ASKABLE = new Set(['heavy bleeding', 'fainting', 'swelling of the throat or face', 'severe allergic reaction'])
const ABOUT_THE_TREATMENT = /^(?:will|would|can|could|does|do|might|may|is it normal|is it common|how likely|what if)\s+(?:it|this|that|the|these|they|a|an|trigger|injections?|shots?|i|you)\b/

/** Finds a red flag in a message, self-harm first (its reply names the crisis line). */
export function detectEmergency(message: string): EmergencyHit | null {
  // Punctuation between words must not hide a phrase ("chest...pain"), so match on the words alone.
  const text = correctRedFlagWords(words(fold(message)).slice(0, 200).join(' '))
  for (const [label, pattern] of SELF_HARM_RED_FLAGS) if (pattern.test(text)) return { kind: 'self-harm', label }
  const hypothetical = ABOUT_THE_TREATMENT.test(text)
  for (const [label, pattern] of MEDICAL_RED_FLAGS) {
    if (pattern.test(text) && !(hypothetical && ASKABLE.has(label))) return { kind: 'medical', label }
  }
  return null
}

/** The kinds of small talk, each with its own reply. */
export const SmalltalkKind = {
  greeting: 'greeting',
  thanks: 'thanks',
  goodbye: 'goodbye',
  identity: 'identity',
  empty: 'empty',
} as const
/** One of {@link SmalltalkKind}'s values. */
export type SmalltalkKind = (typeof SmalltalkKind)[keyof typeof SmalltalkKind]

/** Phrases of each kind, longest first within a kind so they are removed whole. */
const SMALLTALK_PHRASES: ReadonlyArray<readonly [SmalltalkKind, RegExp]> = [
  ['identity', /\b(?:who|what) (?:are|r) (?:you|u|ya)\b|\b(?:are|r) (?:you|u) (?:a |an )?(?:real |actual )?(?:robot|bot|human|person|ai|machine|computer|chatbot|real|people|alive)\b|\bwho am i (?:talking|speaking|chatting) (?:to|with)\b|\b(?:am i )?(?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:real )?(?:robot|bot|human|person|ai|machine|computer|someone)\b|\bwhat is your name\b|\bwho (?:am i|is this|made you)\b|\bwhat can (?:you|u) do\b|\bhow does this (?:chat|work)\b/],
  ['goodbye', /\b(?:good ?bye|bye bye|bye|see (?:you|ya|u)(?: later| soon)?|later|cya|farewell|take care|good night|gotta go|have a (?:good|nice|great) (?:day|one|night|evening))\b/],
  ['thanks', /\b(?:thank (?:you|u)(?: so much| very much)?|thanks(?: a lot| so much| heaps| a bunch| a million)?|thanx|thnx|thx|ty|tysm|ta|cheers|much appreciated|appreciate (?:it|that|you)|that (?:helps|helped|is helpful)|helpful)\b/],
  ['greeting', /\b(?:hello|hi|hey|hiya|howdy|heya|yo|greetings|hola|good (?:morning|afternoon|evening|day)|morning|afternoon|evening|what is up|sup|how are (?:you|u|ya)(?: doing| today)?|how is it going|nice to meet you)\b/],
]

/** Words that may stand beside small talk without making it a question. */
const FILLER = new Set(
  `so very much a lot lots again all you u ya the there for your help ok okay okey k great good nice cool awesome
  perfect brilliant lovely wonderful fine got it that this is was and well oh ah yes yeah yep no nope sure alright
  right guys folks team everyone friend doc doctor bot really just then now too me again today everybody
  sir madam mate hun dear love um uh are am is helped helps useful informative clear understood makes sense
  a an or to with heaps lots lol haha
  amazing excellent fantastic superb sweet best star legend kind`
    .split(/\s+/)
    .filter(Boolean),
)

/** Words that acknowledge an answer. */
const ACKNOWLEDGEMENTS = new Set(
  'ok okay okey k great good nice cool awesome perfect brilliant lovely wonderful fine alright helped helps useful amazing excellent fantastic superb sweet best star legend'.split(' '),
)

/** Recognises a message that is only small talk; a greeting followed by a real question is not small talk. */
export function detectSmalltalk(message: string): SmalltalkKind | null {
  let text = words(fold(message)).join(' ')
  if (text === '') return 'empty'
  let found: SmalltalkKind | null = null
  for (const [kind, pattern] of SMALLTALK_PHRASES) {
    const global = new RegExp(pattern.source, 'g')
    if (global.test(text)) {
      found ??= kind
      text = text.replace(global, ' ')
    }
  }
  const rest = text.split(' ').filter((word) => word && !FILLER.has(word))
  if (found) return rest.length === 0 ? found : null
  // "ok", "great", "you're awesome": an acknowledgement, answered like thanks; "is this right for me" is not one.
  const all = words(fold(message))
  return all.every((word) => FILLER.has(word)) && all.some((word) => ACKNOWLEDGEMENTS.has(word)) ? 'thanks' : null
}
