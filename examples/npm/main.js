// What a frontend developer writes. Without a bundler, index.html's import map resolves
// 'journeykit' to the built dist/npm/ and its dependencies to node_modules/.
import { init } from 'journeykit'

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
