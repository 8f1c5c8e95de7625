#!/usr/bin/env node
// The `frontdesk` command. It runs the TypeScript sources directly through tsx, so the command is always the
// code in the repository, with no compile step to forget.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./main.ts')
const { endQuietlyWhenOutputCloses } = await import('./lines.ts')
endQuietlyWhenOutputCloses()
process.exitCode = await main(process.argv.slice(2))
