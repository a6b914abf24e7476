import type { TabName } from '../../../shared/contract'

/** What each not-yet-built step will hold, so the tab says so instead of staying blank. */
export const comingSoon: Partial<Record<TabName, string[]>> = {
  Overfit: [
    'Check the loss at initialisation: a 10-class model should start near ln(10) = 2.303.',
    'Overfit a single batch to zero loss: proof that the model and loop can learn at all.',
    'Then overfit the whole training set and watch the train/test gap open.'
  ],
  Regularize: [
    'Dropout, L2 weight decay and data augmentation, each one switch at a time.',
    'Early stopping on the test loss.',
    'The train/test gap before and after, side by side.'
  ]
}
