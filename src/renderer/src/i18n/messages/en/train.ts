/** Texts of the Train tab: the model, the hyperparameters, the live run. */
export default {
  errors: {
    noCheckpoint:
      'Run {run} has no readable checkpoint to resume from. Start it again as a new run.',
    otherRunTraining: 'Run {run} is training; pause or stop it before starting another.',
    otherRunStarting: 'Another run is starting; wait for it before starting another.',
    alreadyTraining: 'Run {run} is already training.',
    finished: 'Run {run} has finished all its epochs.',
    stopFirst: 'Run {run} is training; stop it first.',
    startingStopFirst: 'A run is starting; wait for it, then stop it first.',
    notTraining: 'Run {run} is not training.'
  },
  model: {
    heading: 'Model',
    architecture: 'Architecture',
    mlp: 'MLP (layers below)',
    cnn: 'CNN preset',
    reset: 'Reset to seed model',
    units: 'Units',
    activation: 'Activation',
    dropout: 'Dropout',
    layers: 'Hidden layers',
    hidden: 'Hidden {n}',
    unitsOf: 'Units, hidden layer {n}',
    activationOf: 'Activation, hidden layer {n}',
    dropoutOf: 'Dropout, hidden layer {n}',
    remove: 'Remove hidden layer {n}',
    output: 'Output: 10 logits, no activation (the loss applies softmax).',
    linear: 'No hidden layer: a linear model.',
    addLayer: 'Add layer',
    cnnIntro:
      'Two 3×3 convolutions with ReLU, each followed by a 2×2 max pool, then a dense layer and the 10 logits.',
    filters1: 'Filters, conv 1',
    filters2: 'Filters, conv 2',
    dense: 'Dense units',
    parameters: '{count} parameters',
    parametersInvalid: 'Parameters: fix the layer fields',
    diagram: 'Layer diagram',
    layer: '{label}, output {shape}, {count} parameters'
  },
  setup: {
    heading: 'Data and hyperparameters',
    dataset: 'Dataset',
    datasetOption: '{name}, {count} train',
    notReady: '{id} (not ready)',
    scaling: 'Input scaling (as chosen in Explore)',
    scalings: {
      none: 'None (0 to 255)',
      unit: '[0, 1]',
      symmetric: '[-1, 1]',
      standardize: 'Standardize (mean 0, std 1)'
    },
    optimizer: 'Optimizer',
    optimizers: {
      adam: 'Adam',
      sgd: 'SGD (momentum)',
      rmsprop: 'RMSprop'
    },
    backend: 'Backend',
    backends: {
      auto: 'Auto (best that loads)',
      webgpu: 'GPU, WebGPU (Chromium)',
      webgl: 'GPU, WebGL (Chromium)',
      'tensorflow-gpu': 'GPU (tfjs-node-gpu)',
      tensorflow: 'CPU, native',
      wasm: 'CPU, WebAssembly',
      cpu: 'CPU, plain JavaScript'
    },
    learningRate: 'Learning rate',
    momentum: 'Momentum',
    batchSize: 'Batch size',
    epochs: 'Epochs',
    seed: 'Seed',
    l2: 'L2 penalty',
    workers: 'Workers',
    workersField: 'Workers (empty: one per core)',
    shuffle: 'Shuffle every epoch'
  },
  form: {
    enter: 'Enter a value for {field}.',
    wholeAtLeast: '{field} must be a whole number at least {min} and at most {max}.',
    wholeAbove: '{field} must be a whole number greater than {min} and at most {max}.',
    numberAtLeast: '{field} must be a number at least {min} and at most {max}.',
    numberAbove: '{field} must be a number greater than {min} and at most {max}.',
    unitsOf: 'Units of layer {n}',
    dropoutOf: 'Dropout of layer {n}',
    filtersOf: 'Filters of conv {n}',
    tooManyLayers: 'A model has at most {max} hidden layers.',
    noDataset: 'Choose a dataset that is ready (download one in Explore).'
  },
  controls: {
    label: 'Training controls',
    start: 'Start training',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop'
  },
  live: {
    heading: 'Training',
    run: 'Run {id}',
    runOn: 'Run {id} on {backend}'
  },
  progress: {
    label: 'Training progress',
    valueText: '{percent}: {position}',
    preparing: 'Preparing data and model…',
    notStarted: 'Not started',
    position: 'Epoch {epoch} of {epochs}, batch {batch} of {batches}',
    eta: 'ETA {time}',
    speed: '{count} samples/s',
    firstLoss:
      'First loss {loss} (step {step}) beside ln(10) = 2.303, where a 10-class model should start.',
    firstLossFar:
      'First loss {loss} (step {step}) beside ln(10) = 2.303, where a 10-class model should start: this is far off, check the output layer and the input scaling.'
  },
  outcome: {
    completed:
      'Training completed after {done}. Test accuracy (test split used for validation) after epoch {epoch}: {accuracy}.',
    completedValidation:
      'Training completed after {done}. Validation accuracy after epoch {epoch}: {validation}. Test accuracy, measured once at the end on the weights of epoch {kept}: {test}.',
    completedValidationPending:
      'Training completed after {done}. Validation accuracy after epoch {epoch}: {validation}. The test split is being evaluated on the kept weights…',
    completedEmpty: 'Training completed.',
    done: '{done} of {total} epochs',
    paused: 'Paused. The optimizer state is kept: Resume continues where it stopped.',
    stopped: 'Training stopped after {done}.',
    stoppedAccuracy:
      'Training stopped after {done}. Test accuracy (test split used for validation) after epoch {epoch}: {accuracy}.',
    stoppedValidation:
      'Training stopped after {done}. Validation accuracy after epoch {epoch}: {accuracy}.',
    diverged:
      'Diverged. The loss became NaN or infinite, so training stopped. Lower the learning rate (try a tenth of it) or scale the inputs.',
    failed: 'Training failed: {reason}',
    noReason: 'no reason given.',
    outOfMemory:
      'Training ran out of memory ({reason}). Use a smaller batch size or model, or train on fewer samples.',
    interrupted:
      'The run was interrupted: {reason} The run is kept as interrupted; you can start a new training.',
    engineStopped: 'the engine stopped.',
    engineStoppedUnexpectedly: 'The engine stopped unexpectedly.',
    /** The reason of an interrupted run whose engine died under it. */
    engineLost: {
      beforeFirstEpoch:
        'The engine stopped unexpectedly. Training was cut off before the first epoch finished.',
      afterEpoch:
        'The engine stopped unexpectedly. Training was cut off; it can resume after epoch {epoch}.'
    },
    /** `why` is the GPU engine's last word: a catalogue message where the lab has words for it, else the browser's own English. */
    gpuLost: {
      beforeFirstEpoch:
        '{why} The run can resume from its last checkpoint; runs that do not ask for a GPU backend train on the Node engine. Training was cut off before the first epoch finished.',
      afterEpoch:
        '{why} The run can resume from its last checkpoint; runs that do not ask for a GPU backend train on the Node engine. Training was cut off; it can resume after epoch {epoch}.'
    }
  },
  charts: {
    loss: 'Loss',
    batchLoss: 'Batch loss',
    smoothed: 'Smoothed (EMA)',
    trainLoss: 'Train loss (epoch, measured)',
    runningLoss: 'Train loss (running mean over the epoch)',
    testLoss: 'Test loss (epoch, test split used for validation)',
    validationLoss: 'Validation loss (epoch)',
    chance: 'ln(10) = 2.303',
    step: 'Batch (step)',
    crossEntropy: 'Cross-entropy loss',
    lossSummary: 'Loss chart: {points} batch points, smoothed loss {loss} at step {step}',
    lossEmpty: 'Loss chart: no batches yet',
    accuracy: 'Accuracy per epoch',
    accuracyAxis: 'Accuracy (%)',
    trainAccuracy: 'Train accuracy',
    testAccuracy: 'Test accuracy',
    accuracySummary:
      'Accuracy chart: after epoch {epoch}, test accuracy (test split used for validation) {accuracy}',
    accuracySummaryValidation:
      'Accuracy chart: after epoch {epoch}, validation accuracy {accuracy}',
    accuracyEmpty: 'Accuracy chart: no finished epoch yet',
    afterFirstEpoch: 'Appears after the first epoch.'
  }
}
