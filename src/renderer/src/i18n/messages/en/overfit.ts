/** Texts of the Overfit tab. */
export default {
  plan: {
    initialLoss:
      'Check the loss at initialisation: a 10-class model should start near ln(10) = 2.303.',
    oneBatch: 'Overfit a single batch to zero loss: proof that the model and loop can learn at all.',
    wholeSet: 'Then overfit the whole training set and watch the train/test gap open.'
  }
}
