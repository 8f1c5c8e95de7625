/** Slugs (the ids of source pages' sections) and the keys questions are compared by. */
import { fold } from '../../widget/engine/text.ts'

/** Lower case, accents dropped, every run of other characters a single '-', no '-' at either end. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** True for a valid pair or handoff id: lower-case letters, digits and single hyphens. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text)
}

/** A question or phrasing compared as visitors' text: folded, punctuation and spacing ignored. */
export function phrasingKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}
