export { renderMap, mapJourneys, type MapOptions } from './render.js'
export { journeyFlow, stepWords, type Flow, type FlowEdge, type FlowNode } from './flow.js'
export type { JourneyMap, Box, Arrow, Rect, CountLine, CountPart } from './layout.js'
