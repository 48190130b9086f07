// A component that follows the visitor's segments: `$segments` is a nanostores store that
// init() keeps up to date, and `useStore` re-renders on every change (with React, import
// useStore from '@nanostores/react' instead). No JSX here, as the page has no bundler:
// h('p', props, text) is <p {...props}>text</p>.
import { h } from 'preact'
import { useStore } from '@nanostores/preact'
import { $segments } from 'journeykit/stores'

export function Welcome() {
  const segments = useStore($segments)
  return segments.includes('returning')
    ? h('p', { class: 'welcome' }, 'Welcome back! Good to see you again.')
    : h('p', { class: 'welcome' }, 'Welcome! First time here? Have a look around.')
}
