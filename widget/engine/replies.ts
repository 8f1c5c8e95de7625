/** The fixed texts of replies that do not come from a pair. Kept together so they read as one voice. */
import type { EmergencyHit, SmalltalkKind } from './intents.ts'

/** The emergency reply: call now, do not wait here. */
export function emergencyText(hit: EmergencyHit, emergencyNumber: string, crisisLine: string): string {
  if (hit.kind === 'self-harm') {
    return `You deserve support right now. Please call or text ${crisisLine} (Suicide & Crisis Lifeline) now, or call ${emergencyNumber} if you are in immediate danger. Please don't wait for an answer here.`
  }
  return `This could be a medical emergency. Please call ${emergencyNumber} now or go to the nearest emergency department. Don't wait for an answer here.`
}

/** Small-talk replies, each inviting a question. */
export const SMALLTALK_TEXT: Readonly<Record<SmalltalkKind, string>> = {
  greeting: 'Hello! I can answer common questions about trigger point injections. What would you like to know?',
  thanks: "You're welcome! Is there anything else you'd like to know?",
  goodbye: 'Take care! If you have more questions later, I am here.',
  identity:
    "I'm the clinic's automated help assistant, not a person. I answer common questions about trigger point injections from the clinic's own information. What would you like to know?",
  empty: 'Please type a question about trigger point injections, for example "Does it hurt?"',
}

/** The fallback when nothing fits. */
export const FALLBACK_TEXT =
  "I'm sorry, I don't have a good answer to that. The clinic's team can help: you can book an appointment or give them a call."

/** Appended to a handoff's own text. */
export const HANDOFF_SUFFIX = 'You can book an appointment or call the clinic.'

/** The clarify prompt; the choices follow as a list. */
export const CLARIFY_TEXT = 'Did you mean one of these?'
