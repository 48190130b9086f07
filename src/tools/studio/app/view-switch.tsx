/** Journeys on the canvas, or the rules, items or segments lists: which part of the file the studio shows. */
export type View = 'journeys' | 'rules' | 'items' | 'segments'

const labels: Record<View, string> = { journeys: 'Journeys', rules: 'Rules', items: 'Items', segments: 'Segments' }

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
