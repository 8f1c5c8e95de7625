/** What the console's models are tested on: the small knowledge base, served as a stub `fetch` would. */
import { compileKb } from '../../../../build/compiler/compile.ts'
import { serializeKb, serializeKbStaff, type KbFile } from '../../../../widget/engine/index.ts'
import type { FetchText } from '../../../../demo/coverage/state/kb-model.ts'

/** The small knowledge base of tests/fixtures/kb-small, compiled. */
export const SMALL: KbFile = compileKb('tests/fixtures/kb-small')

/** A fetch that serves `files` by URL and fails with HTTP 404 for anything else; it records what was asked. */
export function stubFetch(files: Readonly<Record<string, string>>): FetchText & { asked: string[] } {
  const asked: string[] = []
  const fetchText = async (url: string): Promise<string> => {
    asked.push(url)
    const text = files[url]
    if (text === undefined) throw new Error(`${url}: HTTP 404`)
    return text
  }
  return Object.assign(fetchText, { asked })
}

/** The files the console fetches, with the small knowledge base and a short sample log. */
export const CONSOLE_FILES = {
  '../kb.json': serializeKb(SMALL),
  '../kb-staff.json': serializeKbStaff(SMALL),
  'sample-questions.txt': 'hello\nwill the shot hurt\nwhat is a tpi\nhow much does it cost\nwhere do I park\n',
}
