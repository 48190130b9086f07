/**
 * The studio: the file as loaded, the owner's edits on top (draft.ts), validated in the browser by
 * the same validator as `journeykit validate` at every edit, drawn on the canvas (or listed: rules,
 * items with their live preview), edited in the side panel, and saved as the list of edits (the server applies them to the file's text). A file
 * changed on disk is never overwritten: the owner is told and may reload it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { validateConfig } from '../../../validate/validate.js'
import { builtInTriggers } from '../../../config/trigger-names.js'
import type { Box } from '../../map/layout.js'
import type { FileState, StudioApi } from './api.js'
import { Canvas } from './canvas.js'
import { applyEdits, editsOf, emptyHistory, record, redo, undo, valueAt, type Edit, type History } from './draft.js'
import { addStep, journeyOf, setStepField, stepsOf } from './journey-edits.js'
import { JourneyPanel, NewJourneyForm } from './journey-panel.js'
import { ProblemList } from './problem-list.js'
import { placeAll, type Placed } from './problems-by-box.js'
import { StepPanel } from './step-panel.js'
import { Message, NoticeView, plural, type Notice } from './notices.js'
import { Toolbar } from './toolbar.js'
import { RulesView } from './rules-view.js'
import { SegmentsView } from './segments-view.js'
import { ItemsView } from './items-view.js'
import { FactList } from './condition-builder.js'
import { ViewSwitch, type View } from './view-switch.js'
import { TryPanel } from './try-panel.js'
import type { TriedPath } from '../try-path.js'
import type { Template } from '../protocol.js'
import { useLiveCounts } from './live-counts.js'

type Selection = { kind: 'step'; id: string } | { kind: 'journey' } | { kind: 'new' } | { kind: 'try' } | null
interface After {
  select?: string | null
  journey?: string | null
  focus?: string
}

const newFile = { $schema: 'https://unpkg.com/journeykit/dist/journeykit.schema.json', version: 1, journeys: {} }

export function Studio({ api, site = null }: { api: StudioApi; site?: string | null }) {
  const [loaded, setLoaded] = useState<FileState | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [history, setHistory] = useState<History>(emptyHistory)
  const [chosenJourney, setJourney] = useState<string | null>(null)
  const [selection, setSelection] = useState<Selection>(null)
  const [picking, setPicking] = useState<{ index: number; field: 'goto' | 'else' } | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [status, setStatus] = useState('')
  const [seal, setSeal] = useState(false)
  const [saving, setSaving] = useState(false)
  const [view, setView] = useState<View>('journeys')
  const [lit, setLit] = useState<{ journey: string; path: TriedPath } | null>(null)
  const [templates, setTemplates] = useState<Template[]>([])
  const headingRef = useRef<HTMLHeadingElement>(null)
  const focusNext = useRef<string | null>(null)

  const adopt = (state: FileState) => {
    setLoaded(state)
    setHistory(emptyHistory)
    setNotice(null)
    setPicking(null)
  }
  const latest = useRef({ hash: '', dirty: false })
  latest.current = { hash: loaded?.hash ?? '', dirty: history.done.length > 0 }

  useEffect(() => {
    api.load().then(adopt, (err: Error) => setLoadError(err.message))
    api.templates().then(setTemplates, () => {}) // without them, New journey starts an empty one
    return api.watch(() => {
      api.load().then(
        (state) => {
          if (state.hash === latest.current.hash) return
          if (!latest.current.dirty) {
            adopt(state)
            setStatus(`${state.file} changed on disk: reloaded.`)
          } else setNotice({ kind: 'disk', state, onSave: false })
        },
        () => {},
      )
    })
  }, [api])

  const liveCounts = useLiveCounts()
  const edits = useMemo(() => editsOf(history), [history])
  const draft = useMemo(() => applyEdits(loaded?.config ?? undefined, edits), [loaded, edits])
  const validation = useMemo(() => (draft === undefined ? { problems: [], warnings: [] } : validateConfig(draft)), [draft])
  const problems = useMemo(() => placeAll(validation.problems, draft), [validation, draft])
  const warnings = useMemo(() => placeAll(validation.warnings, draft), [validation, draft])
  const items = useMemo(() => Object.keys((valueAt(draft, ['items']) as object | undefined) ?? {}), [draft])
  const journeys = valueAt(draft, ['journeys'])
  const journeyIds = typeof journeys === 'object' && journeys !== null && !Array.isArray(journeys) ? Object.keys(journeys) : []
  const journeyId = chosenJourney !== null && journeyIds.includes(chosenJourney) ? chosenJourney : (journeyIds[0] ?? null)
  const steps = journeyId === null ? [] : stepsOf(draft, journeyId)
  const stepIndex = selection?.kind === 'step' ? steps.findIndex((step) => step.id === selection.id) : -1
  const panel =
    selection?.kind === 'new' || journeyId === null
      ? 'new'
      : stepIndex >= 0
        ? 'step'
        : selection?.kind === 'journey' || selection?.kind === 'try'
          ? selection.kind
          : null

  useEffect(() => {
    if (!focusNext.current) return
    document.querySelector<HTMLElement>(focusNext.current)?.focus()
    focusNext.current = null
  })

  /** One thing the owner did: one group of edits, one undo. Values travel as JSON, so they are made JSON here. */
  const commit = (group: Edit[], after: After = {}) => {
    if (!group.length) return
    const wire = JSON.parse(JSON.stringify(group)) as Edit[]
    try {
      applyEdits(draft, wire)
    } catch (err) {
      return setStatus(`Not done: ${(err as Error).message}.`)
    }
    setHistory((now) => record(now, wire))
    if (after.journey !== undefined) {
      setJourney(after.journey)
      setSelection(after.journey === null ? null : { kind: 'journey' })
    }
    if (after.select !== undefined) setSelection(after.select === null ? null : { kind: 'step', id: after.select })
    if (after.focus) focusNext.current = `[data-box="${CSS.escape(after.focus)}"]`
    setPicking(null)
  }

  const doUndo = () => {
    if (!history.done.length) return
    setHistory(undo(history))
    setStatus('Undone.')
  }
  const doRedo = () => {
    if (!history.undone.length) return
    setHistory(redo(history))
    setStatus('Redone.')
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null
      if (event.key === 'Escape') {
        if (picking) return setPicking(null)
        const box = selection?.kind === 'step' ? `step:${selection.id}` : '@entry'
        if (target?.closest('aside')) document.querySelector<HTMLElement>(`[data-box="${CSS.escape(box)}"]`)?.focus()
        return
      }
      if (!(event.ctrlKey || event.metaKey) || target?.closest('input, textarea')) return // a field's own undo
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault()
        doUndo()
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault()
        doRedo()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  })

  const save = async () => {
    if (!loaded) return
    setSaving(true)
    const answer = await api.save(loaded.hash, edits, seal)
    setSaving(false)
    if (answer.kind === 'saved') {
      adopt(answer.state)
      setStatus(`Saved ${answer.state.file}${seal ? ', sealed' : ''}.`)
    } else if (answer.kind === 'conflict') setNotice({ kind: 'disk', state: answer.state, onSave: true })
    else setNotice(answer)
  }

  const open = (box: Box, byKeyboard: boolean) => {
    if (journeyId === null) return
    if (picking) {
      if (box.kind !== 'step' || box.step === undefined) return setStatus('Pick a step, or press Escape.')
      const from = steps[picking.index]?.id
      commit(setStepField(draft, journeyId, picking.index, picking.field, box.step))
      setStatus(picking.field === 'goto' ? `${from} then goes to ${box.step}.` : `${from} goes to ${box.step} when its time runs out.`)
      focusNext.current = '#panel-title'
      return
    }
    setSelection(box.kind === 'step' && box.step !== undefined ? { kind: 'step', id: box.step } : { kind: 'journey' })
    if (byKeyboard) focusNext.current = '#panel-title'
  }

  const add = (after: number, byKeyboard: boolean) => {
    if (journeyId === null) return
    const { edits: group, id } = addStep(draft, journeyId, after, { items })
    commit(group, { select: id })
    setStatus(`Step ${id} added.`)
    if (byKeyboard) focusNext.current = '#panel-title'
  }

  const show = (problem: Placed) => {
    const place = problem.place
    if (!place) return
    setJourney(place.journey)
    const id = place.box.startsWith('step:') ? place.box.slice(5) : null
    setSelection(id === null ? { kind: 'journey' } : { kind: 'step', id })
    focusNext.current = `[data-box="${CSS.escape(place.box)}"]`
  }

  if (loadError) return <Message title="The studio cannot read the file">{loadError}</Message>
  if (!loaded) return <p class="loading">Opening the file…</p>
  if (loaded.jsonError) {
    const { line, column, reason } = loaded.jsonError
    return (
      <Message title={`${loaded.file} is not valid JSON`}>
        <p>
          Line {line}, column {column}: {reason}.
        </p>
        <p>The studio leaves the file as it is. Fix it in your editor: the studio opens it as soon as it is valid JSON.</p>
      </Message>
    )
  }
  if (draft === undefined)
    return (
      <Message title={`${loaded.file} does not exist yet`}>
        <p>Start it here: the studio writes it when you save.</p>
        <button type="button" class="primary" onClick={() => commit([{ path: [], value: newFile }], { journey: null })}>
          Start {loaded.file}
        </button>
      </Message>
    )

  const dirty = edits.length > 0
  const saveState = problems.length
    ? `Fix ${plural(problems.length, 'problem')} to save.`
    : dirty
      ? `${plural(history.done.length, 'unsaved change')}.`
      : 'All changes saved.'
  const stepProblems = problems.filter((problem) => problem.place?.journey === journeyId && problem.place.index === stepIndex)
  const journeyProblems = problems.filter((problem) => problem.place?.journey === journeyId && problem.place.index === undefined)

  return (
    <>
      <Toolbar
        file={loaded.file}
        journeyIds={journeyIds}
        journeyId={journeyId}
        pickJourney={(id) => (setJourney(id), setSelection(null))}
        newJourney={() => (setSelection({ kind: 'new' }), (focusNext.current = '#new-journey-id'))}
        settings={() => (setSelection({ kind: 'journey' }), (focusNext.current = '#panel-title'))}
        tryIt={() => (setSelection({ kind: 'try' }), (focusNext.current = '#panel-title'))}
        history={history}
        undo={doUndo}
        redo={doRedo}
        seal={seal}
        setSeal={setSeal}
        canSave={!saving && problems.length === 0 && (dirty || seal)}
        saving={saving}
        save={() => void save()}
        saveState={saveState}
      />
      <ViewSwitch view={view} setView={setView} />
      <p role="status" class="status">
        {status}
      </p>
      {notice && <NoticeView notice={notice} changes={history.done.length} reload={adopt} dismiss={() => setNotice(null)} />}
      {view === 'rules' && <RulesView config={draft} items={items} problems={problems} commit={(group) => commit(group)} />}
      {view === 'segments' && <SegmentsView config={draft} problems={problems} commit={(group) => commit(group)} />}
      {view === 'items' && (
        <ItemsView config={draft} problems={problems} commit={(group) => commit(group)} say={setStatus} frameOf={(scheme) => api.previewFrame(scheme)} />
      )}
      <div class="workspace" hidden={view !== 'journeys'}>
        <main aria-label={journeyId === null ? 'Canvas' : `Canvas: journey ${journeyId}`}>
          {picking && (
            <p class="picking-banner">
              Pick the step {steps[picking.index]?.id} {picking.field === 'goto' ? 'then goes to' : 'goes to when its time runs out'}: click its box, or press
              Escape.{' '}
              <button type="button" onClick={() => setPicking(null)}>
                Cancel
              </button>
            </p>
          )}
          {journeyId === null ? (
            <p class="canvas-empty">No journeys yet: start one with New journey.</p>
          ) : (
            <>
              {steps.length === 0 && <p class="canvas-empty">No steps yet: add the first with the + under the entry.</p>}
              <Canvas
                journeyId={journeyId}
                journey={journeyOf(draft, journeyId)}
                problems={problems}
                selected={stepIndex >= 0 ? `step:${steps[stepIndex]!.id}` : null}
                picking={picking !== null}
                counts={liveCounts ? (liveCounts[journeyId] ?? {}) : undefined}
                open={open}
                add={add}
                lit={lit?.journey === journeyId ? lit.path : null}
              />
            </>
          )}
        </main>
        <aside aria-label="Editor">
          {panel === 'new' && <NewJourneyForm config={draft} templates={templates} headingRef={headingRef} commit={(group, after) => commit(group, after)} />}
          {panel === 'step' && journeyId !== null && (
            <StepPanel
              config={draft}
              journeyId={journeyId}
              steps={steps}
              index={stepIndex}
              problems={stepProblems}
              context={{ items }}
              headingRef={headingRef}
              commit={commit}
              pick={(field) => {
                setPicking({ index: stepIndex, field })
                setStatus('Pick a step on the canvas, or press Escape.')
              }}
            />
          )}
          {panel === 'journey' && journeyId !== null && (
            <JourneyPanel config={draft} journeyId={journeyId} problems={journeyProblems} headingRef={headingRef} commit={commit} />
          )}
          {panel === 'try' && journeyId !== null && (
            <TryPanel
              key={journeyId}
              config={draft}
              journeyId={journeyId}
              site={site}
              headingRef={headingRef}
              run={(request) => api.tryJourney(request)}
              light={(path) => setLit(path && { journey: journeyId, path })}
            />
          )}
          {panel === null && <p class="hint">Select a box to edit it, or press + to add a step.</p>}
          <ProblemList problems={problems} warnings={warnings} show={show} />
        </aside>
      </div>
      <datalist id="studio-triggers">
        {[...builtInTriggers, 'add_to_cart', 'order_completed'].map((trigger) => (
          <option key={trigger} value={trigger} />
        ))}
      </datalist>
      <FactList segments={Object.keys((valueAt(draft, ['segments']) as object | undefined) ?? {})} />
    </>
  )
}
