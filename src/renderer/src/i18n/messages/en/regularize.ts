/** Texts of the Regularize tab and the comparison view. */
export default {
  errors: {
    testSplitsDiffer:
      "The two runs' test splits hold different images, so they cannot be compared image by image.",
    compareSameRun: 'Choose two different runs to compare.',
    compareDatasets:
      'The runs were trained on different datasets ({datasetA} and {datasetB}); their test accuracies measure different things.',
    compareSplits:
      "The runs were tested on different test splits ({testA} and {testB} images); McNemar's test needs the same images.",
    compareUnfinished:
      'Run "{name}" has no final test figures yet: let it finish (or stop it) first.'
  },
  stop: 'Stop',
  intro:
    'Trade training accuracy for test accuracy, one lever at a time: every variant differs from its baseline in exactly one thing, and the comparison says whether the difference is real or luck.',
  baseline: {
    title: 'Baseline',
    run: 'Baseline run',
    none: 'No finished run on this dataset yet: train a baseline first.',
    epochs: 'Epochs',
    validation: 'Validation share',
    validationHint:
      'Held out of the training split, stratified and seeded. Early stopping judges by it; the test split is touched once, at the end.',
    train: 'Train a baseline',
    summary: '{name}: test accuracy {accuracy}, train/test gap {gap}'
  },
  fields: {
    between: 'Enter a number from {min} to {max}.',
    wholeNumber: 'Enter a whole number from {min} to {max}.'
  },
  levers: {
    title: 'Levers',
    train: 'Train variant',
    running: 'Training {name}…',
    augmentation: 'Data augmentation',
    shift: 'Shift (pixels)',
    rotate: 'Rotation (degrees)',
    scale: 'Scale (±)',
    preview: 'One digit under 16 random draws',
    previewDigit: 'augmented draw {n}',
    dropout: 'Dropout',
    dropoutRate: 'Dropout rate',
    l2: 'L2 weight decay',
    l2Value: 'L2 factor',
    modelSize: 'Model size',
    factor: 'Width factor',
    factorHint: '0.5 halves every layer, 2 doubles it.',
    batchSize: 'Batch size',
    batchSizeValue: 'Batch size',
    earlyStopping: 'Early stopping',
    patience: 'Patience (epochs)',
    needsValidation:
      'Early stopping judges by the validation split, and this baseline has none: train a baseline with a validation share above 0.',
    noBaseline: 'Choose a baseline run first.'
  },
  curve: {
    title: 'More data: learning curve',
    fractions: 'Train fractions',
    start: 'Draw learning curve',
    running: 'Training on {done} of {total} fractions…',
    chart: 'Learning curve: test and train accuracy against training-set size, log scale',
    axis: 'Training images (log scale)',
    test: 'Test accuracy',
    train: 'Train accuracy',
    failed: 'The learning curve stopped: {message}',
    /** The run of one fraction did not complete, so the curve ends there. */
    ended: {
      stopped: 'the run on {percent}% of the train split was stopped; the curve ends there.',
      diverged: 'the run on {percent}% of the train split diverged; the curve ends there.',
      interrupted:
        'the run on {percent}% of the train split was interrupted; the curve ends there.',
      failed: 'the run on {percent}% of the train split failed; the curve ends there.'
    }
  },
  compare: {
    title: 'Comparison',
    baseline: 'Baseline',
    variant: 'Variant',
    choose: 'Choose two finished runs to compare.',
    runA: 'Run A (baseline)',
    runB: 'Run B (variant)',
    compare: 'Compare',
    accuracy: 'Test accuracy',
    interval: '95% interval (Wilson)',
    gap: 'Train/test gap at the kept epoch',
    bestEpoch: 'Kept epoch',
    disagreements: '{onlyA} test images only A got right, {onlyB} only B.',
    mcnemar: 'McNemar’s exact test: p = {p}.',
    real: 'The difference is likely real: luck alone would rarely split the test images this unevenly.',
    luck: 'The difference may well be luck: on these test images the two runs cannot be told apart.',
    seeds: 'Seeds',
    repeat: 'Repeat with {n} seeds',
    repeating: 'Repeating with other seeds: {done} of {total} runs…',
    spread: '{side}: mean test accuracy {mean} ± {sd} over {count} seeds',
    curves: 'Loss per epoch',
    accuracyCurves: 'Accuracy per epoch',
    fromRuns: 'Compare the two selected runs'
  },
  marks: {
    best: 'Best epoch {n}',
    stopped: 'Stopped after epoch {n}'
  },
  report: {
    title: 'Comparison with its baseline',
    lever: 'This run changed one lever ({lever}) of run {baseline}.',
    figures:
      'Test accuracy {baselineAccuracy} in the baseline, {variantAccuracy} here; train/test gap {baselineGap} in the baseline, {variantGap} here.',
    notCompared: 'Not compared with its baseline yet (Regularize tab, Comparison).'
  },
  splits: {
    validation: 'Validation accuracy',
    testAsValidation: 'Test accuracy (test split used for validation)',
    validationLoss: 'Validation loss',
    testLossAsValidation: 'Test loss (test split used for validation)',
    overlayValidation: '{name}: validation'
  },
  checklist: {
    noBaseline:
      'Not yet: this run is no variant of a baseline (start one from the Regularize tab).',
    notCompared: 'A variant ({lever}) of run {baseline}, not compared with it yet.',
    narrowed:
      'Changed {lever}: train/test gap {before} points in the baseline, {after} points here; McNemar p = {p}.',
    notNarrowed:
      'Changed {lever}: train/test gap {before} points in the baseline, {after} points here (not narrower); McNemar p = {p}.'
  },
  testAsValidation:
    'This run has no validation split, so its per-epoch figures come from the test split. Choosing epochs or settings by them fits the test split itself, and its score then flatters the model.'
}
