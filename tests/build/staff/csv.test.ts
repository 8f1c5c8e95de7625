import { describe, expect, it } from 'vitest'
import { csvField, parseCsv, toCsv } from '../../../build/staff/csv.ts'

describe('parseCsv', () => {
  it('splits rows on line ends and fields on commas', () => {
    expect(parseCsv('question,date\ndoes it hurt,2024-01-02\n')).toEqual([
      ['question', 'date'],
      ['does it hurt', '2024-01-02'],
    ])
  })

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    expect(parseCsv('question\n"hi, does it hurt?"\n"she said ""ouch"""\n"two\nlines"\n')).toEqual([
      ['question'],
      ['hi, does it hurt?'],
      ['she said "ouch"'],
      ['two\nlines'],
    ])
  })

  it('drops a byte-order mark at the start', () => {
    expect(parseCsv('\uFEFFquestion\nis it safe')[0]).toEqual(['question'])
  })

  it('treats CRLF as one line end, also inside a quoted field it keeps as is', () => {
    expect(parseCsv('a,b\r\n1,2\r\n"x\r\ny",3\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['x\r\ny', '3'],
    ])
  })

  it('keeps empty fields and a last line without a line end', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ])
  })

  it('returns no rows for empty text', () => {
    expect(parseCsv('')).toEqual([])
  })
})

describe('csvField', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField(0.5)).toBe('0.5')
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
  })
})

describe('toCsv', () => {
  it('writes CRLF rows that parseCsv reads back', () => {
    const rows = [
      ['question', 'kind'],
      ['does it hurt, much?', 'answer'],
      ['"quoted"', 'fallback'],
    ]
    const text = toCsv(rows)
    expect(text).toBe('question,kind\r\n"does it hurt, much?",answer\r\n"""quoted""",fallback\r\n')
    expect(parseCsv(text)).toEqual(rows)
  })

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@a', -3]])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@a,-3\r\n`)
  })
})
