/** Texts of the printable report and its recipe checklist. */
export default {
  preparing: 'Preparing the report…',
  failed: 'The report could not be made: {reason}',
  title: 'MNIST Lab report: {name}',
  meta: '{date} · MNIST Lab {version} · trained on backend {backend} · run {id}',
  metaNow:
    '{date} · MNIST Lab {version} · trained on backend {backend}, lab now on {now} · run {id}',
  unknownBackend: 'unknown',
  summary:
    '{model} · status {status} · test accuracy {accuracy} (end of run, kept weights) · {duration} of training',
  dataset: {
    heading: 'Dataset',
    facts:
      '{name}: {train} training and {test} test images of {shape} pixels ({inputs} inputs, values {min}–{max}), {classes} classes; largest class over smallest {ratio} in train.',
    short: '{name}: {train} training and {test} test images.',
    histogram: 'Class histogram',
    images: 'Images',
    chart: 'Images per class, train and test',
    train: 'Train',
    test: 'Test'
  },
  model: {
    heading: 'Model and hyperparameters',
    layers: 'Layers ({count} parameters)',
    layer: 'Layer',
    output: 'Output',
    parameters: 'Parameters',
    hyperparameters: 'Hyperparameters',
    optimizer: 'Optimizer',
    momentum: '{optimizer}, momentum {momentum}',
    learningRate: 'Learning rate',
    batchSize: 'Batch size',
    epochs: 'Epochs',
    epochsValue: '{done} of {total}',
    scaling: 'Input scaling',
    l2: 'L2 penalty',
    shuffleSeed: 'Shuffle, seed',
    shuffleOn: 'every epoch, {seed}',
    shuffleOff: 'off, {seed}'
  },
  curves: {
    heading: 'Training curves',
    none: 'No epoch has finished.',
    loss: 'Loss per epoch',
    accuracy: 'Accuracy per epoch',
    trainLoss: 'Train loss (measured)',
    runningLoss: 'Train loss (running mean)',
    testLoss: 'Test loss',
    trainAccuracy: 'Train accuracy (measured)',
    runningAccuracy: 'Train accuracy (running mean)',
    testAccuracy: 'Test accuracy',
    crossEntropy: 'Cross-entropy',
    accuracyAxis: 'Accuracy (%)'
  },
  evaluation: {
    confusion: 'Confusion matrix',
    confusionText:
      'Test split: accuracy {accuracy}, macro F1 {macroF1}, weighted F1 {weightedF1}. Rows are true classes, columns predicted; blue cells are right answers, orange ones mistakes.',
    confusionLabel: 'Confusion matrix of the test split, counts',
    perClass: 'Per-class metrics',
    perClassCaption: 'Test split',
    misclassified: 'Misclassified digits',
    misclassifiedText:
      "The most confident mistakes: true → predicted, with the model's probabilities.",
    heading: 'Evaluation',
    none: 'This run has no trained model to evaluate yet.'
  },
  search: {
    heading: 'Search',
    summary:
      'Search {id}: {trials} trials of up to {epochs} epochs, seed {seed}, judged on a validation split held out of the training data; the weaker half stopped after epochs {rungs}.',
    noRungs: '(none)',
    space: 'Search space',
    learningRate: 'Learning rate',
    learningRateRange: '{min} to {max}, log-uniform',
    batchSize: 'Batch size',
    model: 'Model',
    mlpSpace: 'widths {widths}; hidden layers {depths}',
    cnnSpace: 'filters {filters}; dense {dense}',
    dropout: 'Dropout',
    range: '{min} to {max}',
    l2: 'L2',
    optimizer: 'Optimizer',
    schedule: 'Schedule',
    chosen:
      'Chosen: trial {trial}, {optimizer}, learning rate {learningRate} ({schedule}), batch {batch}, L2 {l2}; validation accuracy {validation}.'
  },
  checklist: {
    heading: 'Recipe checklist',
    done: 'done',
    notYet: 'not yet',
    data: {
      step: '1. Explore: become one with the data',
      evidence:
        '{count} images of {shape} pixels in {classes} classes; largest class over smallest: {train} (train), {test} (test).',
      missing: 'The dataset could not be read for this report.'
    },
    skeleton: {
      evidence:
        'First batch loss {loss}; a {classes}-class model guessing uniformly starts at ln({classes}) = {expected}.',
      missing: 'No first-batch loss was recorded.'
    },
    train: {
      step: '2. Train: loss at initialization, then the loss falls',
      evidence: 'Running mean of the train loss {end} in epoch {epoch}.',
      missing: 'No epoch has finished.'
    },
    evaluate: {
      step: '3. Evaluate beyond accuracy',
      evidenceTest:
        'Test accuracy {accuracy}, macro F1 {macroF1}, weighted F1 {weightedF1}; confusion matrix and per-class table below.',
      evidenceTrain:
        'Train accuracy {accuracy}, macro F1 {macroF1}, weighted F1 {weightedF1}; confusion matrix and per-class table below.',
      missing: 'Not evaluated yet.'
    },
    overfit: {
      step: '4. Overfit: one batch, then the training set',
      oneBatch: 'One batch of {size}: loss {loss} after {steps} steps ({verdict}).',
      passed: 'passed',
      failed: 'not passed',
      noBatch: 'One batch not overfitted yet (Overfit tab).',
      evidence: 'Measured train accuracy {train}, test {test} (gap {gap} points).',
      notYet:
        'Measured train accuracy {train}, test {test} (gap {gap} points). Not yet: a model that cannot fit its training set is too small or trained too briefly.',
      missing:
        'No measured train accuracy: no epoch finished, or the run predates the measured train pass.'
    },
    regularize: {
      step: '5. Regularize'
    },
    tune: {
      step: '6. Tune',
      done: 'The best of search {searchId} ({trials} trials, validation accuracy {validation}), trial {trial}, trained fully: {optimizer}, learning rate {learningRate}, batch {batch}, {epochs}.',
      notYet:
        'Not yet: no finished search chose this configuration ({optimizer}, learning rate {learningRate}, batch {batch}). Run a search in Tune, then train its best configuration fully.',
      epochs: '{count} epoch | {count} epochs'
    }
  }
}
