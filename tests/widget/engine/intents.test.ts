import { describe, expect, it } from 'vitest'
import { defaultLanguage } from '../../../build/compiler/language.ts'
import { emergencyDetector, smalltalkDetector } from '../../../widget/engine/intents.ts'

const detectSmalltalk = smalltalkDetector(defaultLanguage())
const detectEmergency = emergencyDetector(defaultLanguage())

describe('emergencyDetector', () => {
  it.each([
    ['I am having a heart attack', 'heart attack'],
    ['my chest hurts and i am short of breath', 'chest pain'],
    ['crushing pressure in my CHEST', 'chest pain'],
    ["I can't breathe", 'breathing'],
    ['cant breath properly after the shot', 'breathing'],
    ['her face is drooping and her speech is slurred', 'stroke'],
    ['my throat is swelling up', 'swelling of the throat or face'],
    ['lips and tongue swollen after the injection', 'swelling of the throat or face'],
    ['the injection site wont stop bleeding', 'heavy bleeding'],
    ['my husband fainted', 'fainting'],
    ['I passed out in the car park', 'fainting'],
    ['i took a whole bottle of pills', 'overdose'],
    ['my frend is unconscous and not responding', 'fainting'],
    // Signs of a collapsed lung after an injection near the ribs.
    ['a weird tight feeling in my chest after the shots in my upper back', 'chest pain'],
    ['it hurts when i breath since the shot', 'painful breathing'],
    ['sharp pain when taking deep breaths', 'painful breathing'],
    // Two words between the trouble and the breath.
    ["I can't catch my breath after my trigger point injection", 'breathing'],
    ["I'm having trouble with my breathing", 'breathing'],
  ])('recognises "%s" as %s', (message, label) => {
    expect(detectEmergency(message)).toEqual({ kind: 'medical', label })
  })

  it.each(['I want to kill myself', 'thinking about ending my life', 'i keep hurting myself', 'I just want to die'])(
    'recognises "%s" as self-harm, which names the crisis line',
    (message) => expect(detectEmergency(message)?.kind).toBe('self-harm'),
  )

  it.each(['does it hurt', 'can it cause bleeding or bruising', 'what helps headaches', 'is it safe for my back', 'swelling at the injection site'])(
    'lets the ordinary question "%s" through',
    (message) => expect(detectEmergency(message)).toBeNull(),
  )
})

describe('smalltalkDetector', () => {
  it.each([
    ['hello', 'greeting'],
    ['Good morning!', 'greeting'],
    ['hellooo', 'greeting'],
    ['thanks so much', 'thanks'],
    ['thank you, that really helped', 'thanks'],
    ["you're awesome", 'thanks'],
    ['ok great', 'thanks'],
    ['bye!', 'goodbye'],
    ['see you later', 'goodbye'],
    ['who are you?', 'identity'],
    ['are you a real person', 'identity'],
    ['am i talking to a bot', 'identity'],
    ['   ', 'empty'],
    ['?!', 'empty'],
    ['r u human', 'identity'],
    ['who am i talking to', 'identity'],
    ['are you a real person or a bot', 'identity'],
    ['ta', 'thanks'],
    ['thanks heaps', 'thanks'],
  ])('recognises "%s" as %s', (message, kind) => expect(detectSmalltalk(message)).toBe(kind))

  it.each(['hi, does it hurt?', 'thanks, and how long does it take', 'lol', 'qwerty'])('does not take "%s" for small talk', (message) => {
    expect(detectSmalltalk(message)).toBeNull()
  })
})

describe('emergencyDetector on everyday phrases', () => {
  it.each([
    'my neck has been killing me for weeks',
    'will it bleed a lot?',
    'can i faint from the needle',
    'could the shot make my face swell',
    'can trigger point injections help tight chest muscles',
    'will it hurt when i breathe during the procedure',
    'How do trigger point injections help a tight chest?',
    'Trigger points in tight chest muscles',
    'Is the injection painful? They told me to breathe out as the needle goes in.',
    // "conscious" is a red-flag word of its own, so that it is not read as a misspelt "unconscious".
    "Is the procedure done while I'm conscious?",
    'Are the injections done while I am conscious?',
    // The question names the side effect; the sentence before it tells of nothing alarming.
    'I had my shots today. Will it bleed a lot?',
  ])(
    'takes "%s" for a question, not an emergency',
    (message) => expect(detectEmergency(message)).toBeNull(),
  )
  it.each(['I am bleeding a lot from the injection site', 'i fainted after the shot', 'will it stop? my chest hurts so much', 'is the patient unconscious', 'is the injection making my face swell up', 'is the treatment making my throat swell', 'is the procedure site bleeding heavily', 'Is the procedure over? He collapsed in the waiting room',
    // A question first, then a sentence that tells of the emergency: only a question naming the flag excuses it.
    'will it go away? my throat is swelling', 'Will the bleeding stop on its own? It is pouring out everywhere.',
    // A line break ends a sentence too.
    'will it go away\nmy throat is swelling'])(
    'still flags "%s"',
    (message) => expect(detectEmergency(message)).not.toBeNull(),
  )
})

describe('emergencyDetector on misspellings that are also words', () => {
  // A frightened person's typo may be another English word: a red flag is read through it, whatever a false alarm
  // costs ("painting" read as "fainting"), since a missed emergency costs more. Found in review.
  it.each([
    ['i think my mum is having a strike', 'stroke'],
    ['his face is dropping on one side', 'stroke'],
    ['i have cheat pain after the injection', 'chest pain'],
    ['i think im having a heard attack', 'heart attack'],
    ['my throat is selling up', 'swelling of the throat or face'],
    ['the flood wont stop', 'heavy bleeding'],
    ['i cant breach', 'breathing'],
    ['my husband is not conscious', 'fainting'],
    ['he is barely conscious', 'fainting'],
    ['she is semi conscious', 'fainting'],
    ['he keeps going in and out of consciousness', 'fainting'],
  ])('reads "%s" as %s', (message, label) => expect(detectEmergency(message)).toEqual({ kind: 'medical', label }))
})

describe('smalltalkDetector on short questions', () => {
  it('does not take "is this right for me" for thanks', () => expect(detectSmalltalk('is this right for me')).toBeNull())
})
