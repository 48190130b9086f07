/** `npm install` in a clone (prepare): git runs .githooks/ (the commit subject check). Not in a package install. */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (existsSync('.git') && existsSync('.githooks')) spawnSync('git', ['config', 'core.hooksPath', '.githooks'], { stdio: 'inherit' })
