/**
 * What `npx journeykit init` writes: `empty` (a config with nothing in it yet) and `shop` (the
 * owners' quick start, docs/owners.md, as one file; scripts/owners-doc.test.ts keeps them the same).
 */
const schema = 'https://unpkg.com/journeykit/dist/journeykit.schema.json'
const collector = { url: 'https://collect.example.com/v1/batch' }

const empty = { $schema: schema, version: 1, collector, items: {}, rules: [] }

const shop = {
  $schema: schema,
  version: 1,
  collector,
  push: {
    vapidPublicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
    serviceWorker: '/journeykit-sw.js',
  },
  items: {
    welcome: {
      kind: 'focus',
      style: 'modal',
      title: 'Welcome to Step & Stride',
      body: 'Take 10% off your first pair.',
      code: 'WELCOME10',
      cta: { label: 'Shop new arrivals', url: '/collections/new' },
      dismissLabel: 'Maybe later',
    },
    'cart-offer': {
      kind: 'focus',
      style: 'modal',
      title: 'Wait! 10% off your shoes',
      body: 'Use this code at checkout today.',
      code: 'STAY10',
      cta: { label: 'Back to my cart', url: '/cart' },
      dismissLabel: 'No thanks',
    },
    'sizing-guide': {
      kind: 'asset',
      style: 'slidein',
      title: 'Free sizing guide',
      body: 'Find your size in every brand we sell.',
      asset: { url: '/files/sizing-guide.pdf', filename: 'sizing-guide.pdf' },
      gate: 'email',
      form: {
        submitLabel: 'Email me the guide',
        successMessage: 'Thank you! Your guide is ready.',
        consent: { text: 'Send me Step & Stride news and offers. I can unsubscribe any time.', required: false },
      },
    },
    'cart-reminder': {
      kind: 'focus',
      style: 'bar',
      title: 'Your shoes are still in your cart',
      body: 'Sizes sell out fast.',
      cta: { label: 'See my cart', url: '/cart' },
    },
    alerts: {
      kind: 'push',
      style: 'notification',
      title: 'Hear about your cart and new sizes?',
      body: 'A few notifications a month, never more.',
      dismissLabel: 'Not now',
    },
  },
  rules: [
    { id: 'welcome-first-visit', on: 'page_view', if: { 'visit.count': 1 }, show: 'welcome', delay: '3s', frequency: 'once' },
    {
      id: 'thursday-cart-exit',
      on: 'exit_intent',
      if: { 'page.path': { $startsWith: '/cart' } },
      show: 'cart-offer',
      schedule: { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: 'Europe/Belgrade' },
      frequency: { limit: 1, per: '7d' },
    },
    { id: 'guide-on-products', on: 'scroll', percent: 50, if: { 'page.path': { $startsWith: '/products/' } }, show: 'sizing-guide', frequency: 'session' },
    {
      id: 'ask-for-alerts',
      on: 'page_view',
      if: { 'visit.count': { $gte: 2 }, 'push.permission': { $nin: ['granted', 'denied'] } },
      show: 'alerts',
      frequency: 'once',
    },
    {
      id: 'left-cart',
      on: 'exit_intent',
      if: { 'page.path': { $startsWith: '/cart' } },
      push: { title: 'Still thinking it over?', body: 'Your shoes are saved in your cart.', url: '/cart', after: '1h', cancelOn: ['order_completed'] },
      frequency: { limit: 1, per: '1d' },
    },
    { id: 'button-adds-to-cart', on: 'click', selector: '.add-to-cart', track: 'add_to_cart' },
    { id: 'thank-you-is-an-order', on: 'page_view', if: { 'page.path': '/checkout/thank-you' }, track: 'order_completed' },
  ],
  journeys: {
    'cart-rescue': {
      entry: { on: 'add_to_cart' },
      exit: [{ on: 'order_completed' }],
      steps: [
        { id: 'pause', wait: '2h' },
        { id: 'remind', on: 'page_view', within: '3d', show: 'cart-reminder' },
      ],
    },
  },
}

/** By name, as `--template` gives it. */
export const templates: Record<string, object> = { empty, shop }
