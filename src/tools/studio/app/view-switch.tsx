/** Journeys on the canvas, the rules list or the segments list: which part of the file the studio shows. */
export type View = 'journeys' | 'rules' | 'segments'

const labels: Record<View, string> = { journeys: 'Journeys', rules: 'Rules', segments: 'Segments' }

export function ViewSwitch({ view, setView }: { view: View; setView(view: View): void }) {
  return (
    <nav class="views" aria-label="Part of the file">
      {(Object.keys(labels) as View[]).map((name) => (
        <button key={name} type="button" aria-pressed={view === name} onClick={() => setView(name)}>
          {labels[name]}
        </button>
      ))}
    </nav>
  )
}
