import { describe, expect, it } from 'vitest'
import schema from './journeykit.schema.json'
import { messages } from '../validate/messages.js'
import { likelyTrigger } from '../validate/near-name.js'
import { builtInTriggers, triggerParameters, watchedTriggers } from './trigger-names.js'

/** The trigger names live in config/trigger-names; what cannot import them must not drift from it. */
describe('built-in triggers', () => {
  it('are the ones the schema offers editors and the validation message names', () => {
    const on = schema.definitions.rule.properties.on
    expect(on.examples).toEqual([...builtInTriggers])
    expect(on.description).toContain(builtInTriggers.join(', '))
    expect(messages.trigger).toContain(`(${builtInTriggers.join(', ')})`)
  })

  it('need a watcher unless the runtime fires them itself on every load', () => {
    expect(watchedTriggers).toEqual(['exit_intent', 'scroll', 'time_on_page', 'idle', 'click'])
    expect(Object.keys(triggerParameters).every((name) => watchedTriggers.includes(name))).toBe(true)
  })
})

describe('likelyTrigger', () => {
  it.each([
    ['exit_itent', 'exit_intent'], // a letter missing
    ['exit_intnet', 'exit_intent'], // two letters swapped
    ['exit-intent', 'exit_intent'],
    ['exitintent', 'exit_intent'],
    ['page_veiw', 'page_view'],
    ['pageview', 'page_view'],
    ['Page_View', 'page_view'],
    ['page_views', 'page_view'],
    ['scrol', 'scroll'],
    ['time_on_pg', 'time_on_page'],
    ['visit_started', 'visit_start'],
    ['idel', 'idle'],
    ['clcik', 'click'],
    ['clicks', 'click'],
  ])('takes %s for a typo of %s', (name, trigger) => {
    expect(likelyTrigger(name)).toBe(trigger)
  })

  it.each([...builtInTriggers, 'signup', 'order_completed', 'add_to_cart', 'side', 'tick', 'idle_time', 'click_buy', 'scrolled_far', 'exit_survey', 'page'])(
    'leaves %s alone',
    (name) => {
      expect(likelyTrigger(name)).toBeUndefined()
    },
  )
})
