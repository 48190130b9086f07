// What a frontend developer writes. Without a bundler, index.html's import map resolves
// 'journeykit' to the built dist/npm/ and its dependencies to node_modules/.
import { h, render } from 'preact'
import { init } from 'journeykit'
import { Welcome } from './welcome.js'

// Rendered at once: it shows the first-visit text until init() knows the visitor.
render(h(Welcome), document.getElementById('welcome'))

const collector = new URLSearchParams(location.search).get('collector') ?? 'http://127.0.0.1:8787/v1/batch'

const jk = await init({
  collector,
  config: {
    version: 1,
    items: {
      hello: { kind: 'focus', style: 'modal', title: 'Hello from npm', body: 'This item was shown by a rule.', cta: { label: 'Sign up', url: '#signup' } },
    },
    rules: [{ id: 'hello-on-signup', on: 'signup', show: 'hello' }],
    // A visit ends after 30 minutes without activity: from the second one on, Welcome says so.
    segments: { returning: { if: { 'visit.count': { $gte: 2 } } } },
  },
})

document.getElementById('signup').addEventListener('click', () => jk.track('signup', { plan: 'pro' }))
window.jk = jk
