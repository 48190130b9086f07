/** journeys.js: journeys and segments (contract §8); downloaded as soon as a config with them arrives. */
export * from '../journeys/index.js'
