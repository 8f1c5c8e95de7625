import { describe, expect, it } from 'vitest'
import { QuestionsModel, SAMPLE_NAME } from '../../../../demo/coverage/state/questions-model.ts'
import { stubFetch } from './fixtures.ts'

const file = (name: string, text: string) => ({ name, text: async () => text })

describe('QuestionsModel', () => {
  it('runs pasted text: one question per line, or CSV with a question column', () => {
    const model = new QuestionsModel({ fetchText: stubFetch({}) })
    model.setDraft('does it hurt\n\n is it safe \n')
    expect(model.questions.value).toEqual([])
    model.runDraft()
    expect(model.questions.value).toEqual(['does it hurt', 'is it safe'])
    expect(model.source.value).toBe('pasted questions')
    model.setDraft('question,when\n"hi, does it hurt",today\n')
    model.runDraft()
    expect(model.questions.value).toEqual(['hi, does it hurt'])
  })

  it('keeps the log it has when pasted text has no questions, and says so', () => {
    const model = new QuestionsModel({ fetchText: stubFetch({}) })
    model.loadText('a\nb', 'log.txt')
    model.setDraft('  \n')
    model.runDraft()
    expect(model.questions.value).toEqual(['a', 'b'])
    expect(model.error.value).toBe('pasted questions has no questions.')
  })

  it('reads dropped .txt and .csv files, refusing other files and CSV without a question column', async () => {
    const model = new QuestionsModel({ fetchText: stubFetch({}) })
    await model.loadFile(file('notes.pdf', 'x'))
    expect(model.error.value).toBe('notes.pdf is not a .txt, .csv or .jsonl file.')
    await model.loadFile(file('export.csv', 'text\nhello\n'))
    expect(model.error.value).toBe('export.csv has no "question" column (columns: "text")')
    await model.loadFile(file('export.CSV', '\uFEFFQuestion\r\nis it safe\r\n'))
    expect([model.questions.value, model.source.value, model.error.value]).toEqual([['is it safe'], 'export.CSV', null])
    await model.loadFile(file('log.txt', 'one\ntwo\n'))
    expect(model.questions.value).toEqual(['one', 'two'])
  })

  it('reads a JSON Lines log, counting each question once with how often it was asked and its "No"s', async () => {
    const model = new QuestionsModel({ fetchText: stubFetch({}) })
    const log = [
      '{"question": "do you take amex", "kind": "fallback", "pairId": null, "confidence": 0.1}',
      '{"question": "Do you take Amex?", "kind": "fallback", "pairId": null, "confidence": 0.1}',
      '{"question": "is it safe", "kind": "answer", "pairId": "safety", "confidence": 0.5}',
      '{"question": "is it safe", "pairId": "safety", "helpful": false}',
    ].join('\n')
    await model.loadFile(file('frontdesk-log.jsonl', log))
    expect(model.error.value).toBeNull()
    expect(model.questions.value).toEqual(['do you take amex', 'is it safe'])
    expect(model.entries.value).toEqual([
      { question: 'do you take amex', asked: 2, unhelpful: 0 },
      { question: 'is it safe', asked: 1, unhelpful: 1 },
    ])
    expect(model.asked.value).toBe(3)
    await model.loadFile(file('broken.jsonl', '{"question": "a"}\nnot json\n'))
    expect(model.error.value).toBe('broken.jsonl:2: not a JSON object: not json')
  })

  it('loads the bundled sample log beside the page', async () => {
    const fetch = stubFetch({ 'sample-questions.txt': 'hello\ndoes it hurt\n' })
    const model = new QuestionsModel({ fetchText: fetch })
    await model.loadSample()
    expect(fetch.asked).toEqual(['sample-questions.txt'])
    expect([model.questions.value, model.source.value]).toEqual([['hello', 'does it hurt'], SAMPLE_NAME])
  })

  it('keeps the log staff chose while the sample was still on its way (the sample does not replace it)', async () => {
    let arrive: (text: string) => void = () => {}
    const model = new QuestionsModel({ fetchText: () => new Promise<string>((resolve) => (arrive = resolve)) })
    const sample = model.loadSample()
    await model.loadFile(file('frontdesk-log.jsonl', '{"question": "can i bring my dog"}'))
    arrive('hello\ndoes it hurt\n')
    await sample
    expect([model.questions.value, model.source.value]).toEqual([['can i bring my dog'], 'frontdesk-log.jsonl'])
  })

  it('explains a sample log that cannot be fetched', async () => {
    const model = new QuestionsModel({ fetchText: stubFetch({}) })
    await model.loadSample()
    expect(model.error.value).toBe('Could not load the sample log: sample-questions.txt: HTTP 404')
  })

  it('clears the log', () => {
    const model = new QuestionsModel({ fetchText: stubFetch({}) })
    model.loadText('a', 'log.txt')
    model.clear()
    expect([model.questions.value, model.source.value, model.error.value]).toEqual([[], '', null])
  })
})
