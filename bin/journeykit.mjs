#!/usr/bin/env node
// The store owner's command line: validate, build (seal) and explain journeykit.json (see README).
import { readFileSync, writeFileSync } from 'node:fs'
import { runCli } from '../dist/cli.js'

const { code, output } = runCli(
  process.argv.slice(2),
  (path) => readFileSync(path, 'utf8'),
  (path, text) => writeFileSync(path, text),
)
;(code === 0 ? console.log : console.error)(output)
process.exit(code)
