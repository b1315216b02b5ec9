import { describeOutsideCorpus } from './outside-corpus.js';

// A file of its own per corpus so that the two run side by side.
describeOutsideCorpus('rt2', 42);
