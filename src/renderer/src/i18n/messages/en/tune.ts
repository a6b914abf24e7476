/** Texts of the Tune tab, and the schedule fields of the Train form. */
export default {
  errors: {
    unknownSearch: 'There is no search "{id}".',
    damagedSearch: 'The file of search {id} is damaged; the search cannot be resumed.',
    searchFinished: 'Search {id} has finished; there is nothing to resume.',
    ensembleDatasets:
      'Run {run} was trained on {dataset}, run {other} on {otherDataset}: an ensemble needs one dataset.',
    ensembleSplits: 'Run {run} used another split ({split}) than run {other} ({otherSplit}).',
    noTrialEngines: 'This lab cannot start extra engine processes for trials.'
  },
  schedule: {
    label: 'Learning-rate schedule',
    kinds: {
      constant: 'Constant',
      step: 'Step decay',
      cosine: 'Cosine with warm-up',
      onecycle: 'One-cycle'
    },
    fields: {
      everyEpochs: 'Decay interval',
      gamma: 'Decay factor',
      warmupEpochs: 'Warm-up length',
      minFactor: 'Final share of the peak',
      rampShare: 'Rising share of the run',
      divFactor: 'Start divisor'
    },
    describe: {
      constant: 'constant',
      step: 'step decay: ×{gamma} every epoch | step decay: ×{gamma} every {count} epochs',
      cosine:
        'cosine, {count} epoch warm-up, down to {minFactor}× the rate | cosine, {count} epochs warm-up, down to {minFactor}× the rate',
      onecycle:
        'one-cycle: from the rate ÷ {divFactor} up to it over {rampPercent}% of the run, then down'
    },
    note: 'Interval and warm-up count passes over the training data; they may be fractions.',
    reportRow: 'Schedule',
    preview: 'Schedule preview'
  },
  issues: {
    chooseOne: '{field}: choose at least one value.',
    atLeast: '{field} must be at least {min}.',
    above: '{field} must be greater than {min}.',
    atMost: '{field} must be at most {max}.',
    below: '{field} must be less than {max}.',
    number: '{field}: enter a number.',
    wholeNumber: '{field} must be a whole number.',
    oneOf: '{field}: choose from {values}.',
    minAboveMax: '{field}: the lower end {min} is above the upper end {max}.',
    logRangeZero:
      '{field}: a log-uniform range cannot include 0 or go below it; start at 1e-5, say.',
    count: '{field} must be a whole number from 1 to {max}.',
    seed: '{field} must be a whole number, 0 or more.'
  },
  charts: {
    rate: 'Learning rate',
    rateLog: 'Learning rate (log scale)',
    loss: 'Loss',
    smoothedLoss: 'Smoothed loss',
    suggested: 'Suggested rate',
    trials: 'Trials',
    validationPercent: 'Validation accuracy (%)',
    previewSummary: 'Schedule preview: from {from} to {to}, peak {peak}',
    finderEmpty: 'Learning-rate finder chart: no sweep yet',
    finderSummary: 'Learning-rate finder chart: {steps} steps from {from} to {to}',
    withSuggestion: '{sweep}, suggested rate {rate}',
    scatterSummary:
      'Trials scatter: {count} trial, validation accuracy against learning rate | Trials scatter: {count} trials, validation accuracy against learning rate'
  },
  finder: {
    title: 'Learning-rate finder',
    intro:
      "Trains a fresh copy of the Train tab's model on training batches while the learning rate grows from 10⁻⁷ to 10, and stops once the loss shoots up. The test split is never looked at.",
    find: 'Find a learning rate',
    progressLabel: 'Learning-rate sweep',
    progress: 'step {step}, learning rate {rate}',
    chart: 'Loss as the rate grows',
    suggested: 'Suggested learning rate: {rate}',
    alternatives: '(steepest descent {steepest}, minimum ÷ 10 {minimum})',
    reason:
      'The loss falls fastest at {steepest} and is lowest at {lowest}; a tenth of that is {tenth}. {suggestion} is the smaller of the two: fast learning, yet well below the rates where the loss turns up.',
    use: 'Use this rate'
  },
  search: {
    title: 'Hyperparameter search',
    intro:
      "Random search over the space below, with the Train tab's dataset and seed. After 1, 2, 4… epochs the weaker half of the trials stop (successive halving). Trials are judged on a validation split held out of the training data; the test split is used once, for the best.",
    fixTrainForm: "Fix the Train tab's form first: the search starts from it.",
    start: 'Start search',
    progressLabel: 'Search progress',
    progress: '{done} of about {planned} trial epochs',
    eta: ', about {seconds} s left',
    finished:
      'Search finished in {seconds} s. Best: trial {trial}, validation accuracy {validation}, test accuracy {test}.',
    ended: {
      allDiverged: 'Every trial diverged. Lower the learning-rate range (its maximum is {max}).',
      noneFinished: 'No trial finished its epochs; see the trials for why.'
    },
    trainBest: 'Train the best configuration fully',
    fields: {
      trials: 'Trials',
      epochs: 'Epoch budget per trial',
      parallel: 'Parallel trials',
      seed: 'Search seed',
      lrMin: 'Rate from (log-uniform)',
      lrMax: 'Rate up to',
      dropoutMin: 'Dropout from',
      dropoutMax: 'Dropout up to',
      batchSizes: 'Batch sizes',
      widths: 'Layer widths',
      depths: 'Hidden layer counts',
      l2: 'L2 penalties',
      optimizers: 'Optimizers (adam, sgd, rmsprop)',
      schedules: 'Schedules (constant, step, cosine, onecycle)'
    },
    table: {
      caption: 'Trials',
      trial: 'Trial',
      rate: 'Rate',
      batch: 'Batch',
      layers: 'Layers',
      status: 'Status',
      epochs: 'Epochs',
      accuracy: 'Validation accuracy',
      best: '(best)',
      stoppedAt: 'stopped after epoch {epoch}'
    },
    trial: {
      status: {
        pending: 'pending',
        running: 'running',
        stopped: 'stopped',
        completed: 'completed',
        diverged: 'diverged',
        failed: 'failed'
      },
      crashResumed: 'The trial engine crashed; the trial resumes from its checkpoint.',
      crashedRepeatedly: 'The trial engine crashed repeatedly.'
    },
    interrupted: {
      title: 'Interrupted searches',
      item: 'Search {id}, started {started}: {done} of {trials} trials done',
      resume: 'Resume',
      resumeNamed: 'Resume search {id}'
    },
    scatter: 'Validation accuracy by rate',
    parallel: {
      title: 'All trials across their settings',
      label: 'Parallel coordinates of {count} trials; the arrow keys pick a trial',
      hint: 'Arrow keys or a click pick a trial; its settings appear here.',
      trial: 'Trial {trial}: {values}',
      axes: {
        rate: 'Rate',
        batch: 'Batch',
        width: 'Width',
        depth: 'Layers',
        dropout: 'Dropout',
        l2: 'L2',
        accuracy: 'Validation accuracy'
      }
    }
  },
  ensemble: {
    title: 'Ensemble',
    intro:
      'Runs on the same dataset and split vote with their averaged probabilities on the test split.',
    members: 'Members',
    none: 'No trained runs yet.',
    evaluate: 'Evaluate ensemble',
    evaluating: 'Evaluating the ensemble',
    table: 'Ensemble and members on the test split',
    model: 'Model',
    accuracy: 'Accuracy',
    macroF1: 'Macro F1',
    ensembleOf: 'Ensemble of {count}',
    bestMember: '(best member)'
  }
}
