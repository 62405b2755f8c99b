/** Runs the repository suite against every store engine available here. */
import { afterAll } from 'vitest';
import { testEngines } from './engines.js';
import { repositorySuite } from './repository.suite.js';

const { engines, teardown } = await testEngines();
afterAll(teardown);

for (const engine of engines) repositorySuite(engine);
