import { describeOutsideCorpus } from './outside-corpus.js';

// A file of its own per corpus so that the corpora run side by side.
describeOutsideCorpus('rt12', 25);
