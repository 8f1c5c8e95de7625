/** Fixture host pages, generated at test time: a plain clinic page with the one-line embed, and variations. */
import { CONFIG } from './paths.ts'

/** Settings as `data-*` on the script tag (or as attributes on the element): name → value. */
export type Settings = Record<string, string>

/** The settings every fixture page uses unless told otherwise. */
export const DEFAULT_SETTINGS: Settings = {
  'booking-url': CONFIG.bookingUrl,
  phone: CONFIG.phone,
}

const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The one-line embed: `<script type="module" src="/frontdesk.js" data-…>`. */
export function embed(settings: Settings = DEFAULT_SETTINGS, src = '/frontdesk.js'): string {
  const attrs = Object.entries(settings)
    .map(([name, value]) => ` data-${name}="${escape(value)}"`)
    .join('')
  return `<script type="module" src="${escape(src)}"${attrs}></script>`
}

/** `<frontdesk-chat …>` placed by the page itself. */
export function element(settings: Settings = DEFAULT_SETTINGS): string {
  const attrs = Object.entries(settings)
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('')
  return `<frontdesk-chat${attrs}></frontdesk-chat>`
}

/**
 * A complete, accessible host page: no inline script or style (so it is valid under the strict CSP), landmarks and
 * some text, then `body` (usually the embed) at the end of `<body>`.
 */
export function hostPage(options: { title?: string; head?: string; body?: string } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title ?? 'Test clinic'}</title>
<link rel="icon" href="data:,">
${options.head ?? ''}
</head>
<body>
<header><p>Test clinic</p></header>
<main>
<h1>Trigger point injections</h1>
<p>A page of a clinic's website, used by the real-browser tests. <a href="#more">Read more</a>.</p>
<p id="more">Trigger point injections ease muscle knots.</p>
</main>
${options.body ?? embed()}
</body>
</html>
`
}
