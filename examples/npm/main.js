// What a frontend developer writes: `import { init } from 'journeykit'` (here the built file,
// since this page runs without a bundler).
import { init } from '/dist/npm/index.js'

const collector = new URLSearchParams(location.search).get('collector') ?? 'http://127.0.0.1:8787/v1/batch'

const jk = await init({
  collector,
  config: {
    version: 1,
    items: {
      hello: { kind: 'focus', style: 'modal', title: 'Hello from npm', body: 'This item was shown by a rule.', cta: { label: 'Sign up', url: '#signup' } },
    },
    rules: [{ id: 'hello-on-signup', on: 'signup', show: 'hello' }],
  },
})

document.getElementById('signup').addEventListener('click', () => jk.track('signup', { plan: 'pro' }))
window.jk = jk
