/** Set up for every jest project: the clock of tests/helpers/clock.ts starts at TEST_NOW. */
import { pinClock, TEST_NOW } from './clock';

pinClock(TEST_NOW);
