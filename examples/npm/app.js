// The smallest app that uses journeykit from npm. scripts/app-bundle.mjs bundles it with
// esbuild (code splitting on) and size-limit.json budgets the main chunk it yields.
import { init } from 'journeykit'

void init({ config: '/journeykit.json' })
