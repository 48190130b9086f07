/**
 * A wait step's fields: a duration ("2h"), or the next weekly window (`{ weekly, timezone }`,
 * as JSON until it has a form of its own). The kind is a choice of its own, so an owner who
 * never opens the JSON can turn a duration into a weekly wait and back.
 */
import type { Step } from '../../../config/types.js'
import { JsonField, SelectField, TextField } from './fields.js'
import type { Placed } from './problems-by-box.js'

/** What a weekly wait starts as: Thursdays, 8 to 20, in the owner's time zone. */
export function weeklyDefault(zone = Intl.DateTimeFormat().resolvedOptions().timeZone): Step['wait'] {
  return { weekly: [{ days: ['thu'], from: '08:00', to: '20:00' }], timezone: zone || 'UTC' }
}

export function WaitField(props: { wait: Step['wait']; problems: Placed[]; commit(value: unknown): void }) {
  const weekly = typeof props.wait === 'object'
  return (
    <>
      <SelectField
        label="Wait until"
        value={weekly ? 'weekly' : 'duration'}
        choices={[
          { value: 'duration', label: 'a duration has passed' },
          { value: 'weekly', label: 'the next weekly window' },
        ]}
        commit={(kind) => props.commit(kind === 'weekly' ? weeklyDefault() : '1h')}
      />
      {weekly ? (
        <JsonField
          label="Wait for the next weekly window (JSON)"
          value={props.wait}
          problems={props.problems}
          hint='Like {"weekly": [{"days": ["thu"], "from": "08:00", "to": "20:00"}], "timezone": "Europe/Belgrade"}'
          commit={props.commit}
        />
      ) : (
        <TextField label="Wait for" value={String(props.wait ?? '')} problems={props.problems} hint="A duration: 30m, 2h, 3d." commit={props.commit} />
      )}
    </>
  )
}
