#!/usr/bin/env node
// consentry audit <url…>: what a page stores and requests before consent, after Reject all and
// after Accept all, in a real Chromium; docs/audit.md. Exit code 0: no finding, 1: findings,
// 2: the audit could not run.
import { main } from '../dist/audit/index.js'

process.exitCode = await main(process.argv.slice(2))
