/** `createTypeahead`: suggestions for what is typed, arrow-key highlight, Escape and clearing. */
import { describe, expect, it } from 'vitest'
import { createTypeahead } from '../../../widget/state/typeahead.ts'

const QUESTIONS = ['Does it hurt?', 'Does it work?', 'Is it safe?']
const suggest = (text: string) => (text.length < 2 ? [] : QUESTIONS.filter((q) => q.toLowerCase().startsWith(text.toLowerCase())).map((question) => ({ id: question, question })))

describe('createTypeahead', () => {
  it('suggests for what is typed and shows the list only when there is something to show', () => {
    const typeahead = createTypeahead(suggest)
    expect(typeahead.expanded.value).toBe(false)
    typeahead.input('does')
    expect(typeahead.options.value.map((o) => o.question)).toEqual(['Does it hurt?', 'Does it work?'])
    expect(typeahead.expanded.value).toBe(true)
    typeahead.input('zzz')
    expect(typeahead.expanded.value).toBe(false)
  })

  it('moves the highlight with wrapping, and current() is the highlighted suggestion', () => {
    const typeahead = createTypeahead(suggest)
    typeahead.input('does')
    expect(typeahead.current()).toBeNull()
    typeahead.move(1)
    expect(typeahead.current()?.question).toBe('Does it hurt?')
    typeahead.move(1)
    typeahead.move(1)
    expect(typeahead.active.value).toBe(0)
    typeahead.move(-1)
    expect(typeahead.current()?.question).toBe('Does it work?')
  })

  it('dismiss() hides the list and says whether it was showing; typing or an arrow shows it again', () => {
    const typeahead = createTypeahead(suggest)
    typeahead.input('does')
    expect(typeahead.dismiss()).toBe(true)
    expect(typeahead.expanded.value).toBe(false)
    expect(typeahead.current()).toBeNull()
    expect(typeahead.dismiss()).toBe(false)
    typeahead.move(-1)
    expect(typeahead.current()?.question).toBe('Does it work?')
    typeahead.dismiss()
    typeahead.input('does it')
    expect(typeahead.expanded.value).toBe(true)
  })

  it('clear() empties the field and the highlight', () => {
    const typeahead = createTypeahead(suggest)
    typeahead.input('does')
    typeahead.move(1)
    typeahead.clear()
    expect([typeahead.text.value, typeahead.active.value, typeahead.expanded.value]).toEqual(['', -1, false])
  })
})
