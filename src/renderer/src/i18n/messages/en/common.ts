/** The shell: title, tabs, status bar, language switcher, words used everywhere. */
export default {
  appTitle: 'MNIST Lab',
  tagline: 'A recipe for training neural networks, one step at a time',
  tabs: {
    label: 'Recipe steps',
    Explore: 'Explore',
    Train: 'Train',
    Evaluate: 'Evaluate',
    Overfit: 'Overfit',
    Regularize: 'Regularize',
    Tune: 'Tune',
    Runs: 'Runs'
  },
  language: {
    label: 'Language',
    en: 'English',
    de: 'Deutsch'
  },
  comingSoon: {
    title: '{step}: coming next',
    intro: 'This step of the recipe is not built yet. Here is what it will hold:'
  },
  dismiss: 'Dismiss',
  close: 'Close',
  cancel: 'Cancel'
}
