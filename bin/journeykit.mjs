#!/usr/bin/env node
// The store owner's command line: validate, explain and map journeykit.json (see README).
import { readFileSync } from 'node:fs'
import { runCli } from '../dist/cli.js'

const { code, output } = runCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'))
;(code === 0 ? console.log : console.error)(output)
process.exit(code)
