/** Texts of the Tune tab. */
export default {
  plan: {
    lrFinder: 'A learning-rate finder: loss against a growing learning rate.',
    search: 'A small hyperparameter search over learning rate, batch size and width.',
    compare: 'Compare the resulting runs on one chart.'
  }
}
