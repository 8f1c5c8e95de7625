/** Knowledge-base folders written for a test: a small clean one, and ways to break it on purpose. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Writes files (path → content) into a new temporary folder and returns its path. */
export function writeDir(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-staff-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

/** One pair in the `kb/qa` format. */
export function pairMd(question: string, id: string, asked: readonly string[], source: string, related: readonly string[], answer: string): string {
  return [`## ${question}`, `id: ${id}`, 'asked:', ...asked.map((a) => `- ${a}`), `source: ${source}`, `related: ${related.join(', ')}`, '', answer, ''].join('\n')
}

/** The source page of the clean knowledge base: three sections, each cited by one pair. */
export const CARE_PAGE = `# Care at the clinic

## How it feels
A brief sting, then soreness.

## Numbness
The area can feel numb for a while.

## Ultrasound
Some injections are guided by ultrasound.
`

/** The three pairs of the clean knowledge base, linked in a ring. */
export const CLEAN_PAIRS = [
  pairMd('Does the injection hurt?', 'does-it-hurt', ['will the needle sting', 'is it painful', 'how much does the jab ache', 'am i going to be sore'], 'care#how-it-feels', ['numbness'], 'Most people feel a brief sting, then some soreness.'),
  pairMd('How long does the numbness last?', 'numbness', ['when will the numb feeling wear off', 'my skin feels numb', 'numb for how many hours', 'is numbness normal'], 'care#numbness', ['ultrasound'], 'The area can feel numb for an hour or two.'),
  pairMd('Do you use ultrasound guidance?', 'ultrasound', ['is the needle guided by imaging', 'ultrasound guided shots', 'do you scan before injecting', 'can you see the muscle on a screen'], 'care#ultrasound', ['does-it-hurt'], 'Some injections are guided by ultrasound so the needle goes to the right spot.'),
]

/** The files of the clean knowledge base, with `qa/care.md` replaced or extended by `pairs`. */
export function clinicKb(pairs: readonly string[] = CLEAN_PAIRS, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    'pages/care.md': CARE_PAGE,
    'synonyms.md': '# Words visitors use\n\n- injection: shot, jab\n- pain: hurt, ache, painful\n',
    'qa/care.md': `# Care\n\n${pairs.join('\n')}`,
    ...extra,
  }
}
