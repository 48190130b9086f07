import { describe, expect, it } from 'vitest'
import example from '../../../examples/configs/12-contract-cart-rescue.json'
import { tryJourney } from './try.js'

const row = (at: string, event = '', facts = '') => ({ at, event, facts })
const keen = '{"segment": {"hot-shoppers": true}}'
const request = (rows: unknown[], more: Record<string, unknown> = {}) => ({
  config: example,
  journey: 'cart-rescue',
  start: '2026-12-01T09:00:00Z',
  rows,
  ...more,
})

describe('tryJourney: POST /api/try', () => {
  it.each([
    ['not entered: not a keen shopper', [row('+0m', 'add_to_cart')], [], null],
    ['entered, waiting at the reminder', [row('+0m', 'add_to_cart', keen)], ['@entry', 'step:nudge'], 'step:nudge'],
    [
      'through the reminder and the pause, waiting for the exit',
      [row('+0m', 'add_to_cart', keen), row('+1m', 'page_view', '{"page": {"path": "/cart"}}'), row('+3h', 'page_view')],
      ['@entry', 'step:nudge', 'step:pause', 'step:watch'],
      'step:watch',
    ],
    [
      'shown the offer, the run ends at done; an order after it still meets the goal',
      [row('+0m', 'add_to_cart', keen), row('+1m', 'page_view', '{"page": {"path": "/cart"}}'), row('+3h', 'exit_intent'), row('+1h', 'order_completed')],
      ['@entry', 'step:nudge', 'step:pause', 'step:watch', 'step:done', '@goal'],
      'step:done',
    ],
  ])('%s', (_name, rows, visited, here) => {
    const { status, answer } = tryJourney(request(rows))
    expect(status).toBe(200)
    expect(answer).toMatchObject({ path: { visited, here } })
    expect((answer as { lines: string[] }).lines.at(-1)).toMatch(/^where the visitor is: /)
  })

  it.each([
    [request([row('', 'x')]), 422, 'Row 1: give a time, like +2h or 2026-12-03T10:00:00Z'],
    [request([row('+0m')], { start: 'tomorrow' }), 422, 'Starts at: give an ISO time, like 2026-12-01T09:00:00Z'],
    [request([row('+0m')], { journey: 'nope' }), 422, 'no journey "nope" in the config (journeys: cart-rescue)'],
    [{ config: example }, 400, 'a try needs { config, journey, start, rows: [{ at, event, facts }] }'],
    [undefined, 400, 'a try needs { config, journey, start, rows: [{ at, event, facts }] }'],
  ])('%j → %i %s', (body, status, error) => {
    expect(tryJourney(body)).toEqual({ status, answer: { error } })
  })
})
