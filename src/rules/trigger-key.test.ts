import { describe, expect, it } from 'vitest'
import { triggerKey } from './trigger-key.js'

describe('triggerKey', () => {
  it('adds the parameter of a parameterised trigger', () => {
    expect(triggerKey({ on: 'scroll', percent: 50 })).toBe('scroll:50')
    expect(triggerKey({ on: 'time_on_page', seconds: 30 })).toBe('time_on_page:30')
    expect(triggerKey({ on: 'idle', seconds: 10 })).toBe('idle:10')
    expect(triggerKey({ on: 'click', selector: '.buy' })).toBe('click:.buy')
  })

  it('is the trigger alone for every other trigger and event name', () => {
    expect(triggerKey({ on: 'page_view' })).toBe('page_view')
    expect(triggerKey({ on: 'exit_intent' })).toBe('exit_intent')
    expect(triggerKey({ on: 'order_completed', percent: 50 })).toBe('order_completed')
  })

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('reads nothing inherited for an event named %s', (on) => {
    expect(triggerKey({ on })).toBe(on)
  })
})
