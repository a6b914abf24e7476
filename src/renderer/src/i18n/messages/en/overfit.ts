/** Texts of the Overfit tab. */
export default {
  errors: {
    batchTooLarge:
      'A batch of {batchSize} images is larger than the training split ({count} images). Choose a batch of at most {count}.',
    engineBusy: {
      baselines: 'The engine is busy with the baselines; wait for it or stop it first.',
      batch: 'The engine is busy with a one-batch overfit; wait for it or stop it first.'
    }
  },
  intro:
    'Step 4 of the recipe: prove that the model and the training loop can learn at all. The model is the one on the Train tab ({model}) on {dataset}.',
  noModel: 'The Train tab’s form has an invalid field: fix it there first.',
  init: {
    title: 'Loss at initialisation',
    explain:
      'An untrained model should spread its guesses evenly: its mean loss on 1,000 fixed training images sits near ln(number of classes), and its logits near zero.',
    run: 'Check the loss at init',
    running: 'Checking…',
    loss: 'Loss at init',
    expected: 'Expected: ln({classes})',
    spread: 'Spread of the initial logits',
    ok: 'As expected: the model starts by guessing evenly.',
    off: 'Far off. Usual causes: an output layer that starts too large, inputs that are not scaled, labels that are wrong.'
  },
  baselines: {
    title: 'Baselines',
    explain:
      'Dumb baselines on the test split: the numbers a model has to beat before it shows it learned anything from the pixels.',
    run: 'Train the baselines',
    running: 'Training the baselines…',
    name: 'Baseline',
    accuracy: 'Test accuracy',
    loss: 'Test loss',
    meaning: 'What it means',
    majority: 'Majority class',
    majorityMeaning: 'Always answers the most frequent training class.',
    independent: 'Input-independent',
    independentMeaning: 'Trained on blank images: it can learn only how often each class occurs.',
    linear: 'Linear softmax',
    linearMeaning: 'One layer from pixels to classes, trained for a few epochs.',
    current: 'Best run so far',
    currentMeaning: 'The best test accuracy among your runs on this dataset.'
  },
  batch: {
    stuck: {
      diverged:
        'The loss became NaN or infinite: the learning rate is too large (try a tenth of it), or the inputs are not scaled.',
      flat: 'The loss hardly moved. Suspect the learning rate (far too small or too large), a layer that cannot learn (see the diagnostics below), or labels shuffled against their images.',
      slow: 'The loss falls, but too slowly: give it more steps or a larger learning rate. A model too small for the batch, or labels shuffled against their images, also stop it short of zero.'
    },
    title: 'Overfit one batch',
    explain:
      'One fixed batch, no shuffling, no dropout, no L2: the loss must fall below {pass}. It stops early below {stop}.',
    size: 'Batch size',
    steps: 'Steps at most',
    run: 'Overfit one batch',
    running: 'Overfitting…',
    stop: 'Stop',
    chart: 'Loss on the batch (log scale)',
    step: 'Step',
    loss: 'Loss',
    chartSummary: 'Loss on the batch: {loss} after step {step}',
    chartEmpty: 'Loss on the batch: not started',
    passed: 'Passed: loss {loss} after {steps} steps.',
    failed: 'Not passed: loss {loss} after {steps} steps.',
    images: 'The batch, with the model’s answers',
    digit: 'Image labelled {label}, predicted {predicted}',
    right: '{right} of {total} right'
  },
  layers: {
    title: 'Per-layer diagnostics (after the last step, on one batch)',
    layer: 'Layer',
    mean: 'Activation mean',
    spread: 'Activation spread',
    dead: 'Dead units',
    gradient: 'Gradient norm',
    healthy: 'No warnings: every layer is alive and learning.',
    warnings: {
      dead: '{layer}: {share} of its units never fire on this batch (dead ReLUs). Lower the learning rate, or check the input scaling and the initialization.',
      vanishing:
        '{layer}: its gradient (norm {norm}) is vanishingly small beside the largest ({largest}), so it barely learns. Look for saturated activations (sigmoid, tanh) or dead units before it.'
    }
  },
  preset: {
    title: 'Overfit the training set',
    explain:
      'A model big enough to memorise the data, with nothing holding it back: MLP 784-512-512-10, no dropout, no L2, {epochs} epochs. Step 4 is done once a model reaches 99% measured train accuracy. Watch the gap between train and test accuracy open on the Train tab.',
    apply: 'Load the overfit preset and go to Train'
  },
  dynamics: {
    title: 'Prediction dynamics',
    explain:
      'The first 16 test images and what the model predicted after each epoch; the paler a cell, the less sure the model was. Which digits settle early, which flip?',
    none: 'Train a run on this dataset (for example the overfit preset) to fill the grid.',
    caption: 'Predictions per epoch of {run}',
    image: 'Image',
    imageLabel: 'Test image labelled {label}',
    cell: 'Epoch {epoch}: predicted {predicted} with probability {confidence}'
  },
  quiz: {
    title: 'Human baseline',
    explain:
      'Label 20 random test images yourself. The lab then shows your accuracy beside the model’s on the same 20 images ({run}).',
    noRun: 'Train a run on this dataset first: the quiz compares you with it.',
    start: 'Start the quiz (20 test images)',
    image: 'Quiz image {n}',
    answerFor: 'Your answer for image {n}',
    score: 'Score my answers',
    truth: 'label {label}, model {model}',
    result:
      'You: {you} of {total} right ({youPercent}). The model: {model} of {total} ({modelPercent}).',
    row: 'You (quiz)',
    rowMeaning: 'Your accuracy on 20 random test images; the model got {model} of them right.'
  },
  report: {
    otherModel: 'Checked with another model on this dataset: {model}.',
    title: 'Step 4 evidence: overfit',
    none: 'The Overfit tab has not been used for this dataset and model yet.',
    init: 'Loss at init {loss} on {images} images; ln({classes}) = {expected} ({verdict}).',
    initOk: 'as expected',
    initOff: 'far off',
    noInit: 'Loss at init not checked.',
    oneBatch: 'One batch of {size}: loss {loss} after {steps} steps ({verdict}).',
    passed: 'passed',
    failed: 'not passed',
    noBatch: 'No one-batch overfit yet.',
    curve: 'One-batch loss per step (log scale)',
    gap: 'Measured train accuracy {train}, test {test}: a gap of {gap} points after epoch {epoch}.',
    noGap: 'No measured train accuracy in this run.',
    noBaselines: 'Baselines not trained.'
  }
}
