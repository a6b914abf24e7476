/** Texts of the Runs tab: the table, actions, dialogs, the loss overlay. */
export default {
  errors: {
    saveFailed:
      'Could not save run "{name}" in {dir}. Free some disk space or check the folder\'s permissions, then try again.',
    noModel:
      'Run "{name}" has no saved model yet. Training saves the model after each finished epoch: train the run for at least one epoch, then export again.',
    missingWeights:
      'The model of run "{name}" lacks its weight file {file}. Train the run again to save a complete model.',
    modelUnreadable:
      'The saved model of run "{name}" cannot be read. Train the run again to save it afresh.',
    modelDamaged:
      'The saved model of run "{name}" is damaged. Train the run again to save it afresh.',
    modelMismatch:
      'The saved model of run "{name}" does not match the run\'s settings. Train the run again to save a matching model.',
    notFound: 'There is no run "{id}". It may have been deleted.',
    damaged:
      'The record of run "{id}" ({path}) cannot be read. Delete the run, or restore the file from a backup.'
  },
  empty: 'No runs yet. Every training run is kept here with its settings and results.',
  heading: 'Runs',
  lossCurves: 'Loss curves',
  status: {
    running: 'running',
    paused: 'paused',
    completed: 'completed',
    stopped: 'stopped',
    diverged: 'diverged',
    failed: 'failed',
    interrupted: 'interrupted'
  },
  table: {
    caption: 'Runs, newest first',
    selected: 'Selected',
    name: 'Name',
    dataset: 'Dataset',
    model: 'Model',
    hyperparameters: 'Hyperparameters',
    status: 'Status',
    testAccuracy: 'Test accuracy (end of run, kept weights)',
    duration: 'Duration',
    backend: 'Backend',
    inChart: 'In chart',
    searchGroup: 'Search {id}: {count} trial | Search {id}: {count} trials',
    select: 'Select {name}',
    epochs: '{done}/{total} epochs',
    compare: 'Show {name} in the loss chart'
  },
  describe: {
    cnn: 'CNN {filters} filters, dense {dense}',
    cnnDropout: 'CNN {filters} filters, dense {dense}, dropout {dropout}',
    linear: 'Linear (no hidden layer)',
    linearShort: 'linear',
    mlp: 'MLP {units} {activation}',
    mlpDropout: 'MLP {units} {activation}, dropout',
    sgdMomentum: 'SGD (momentum {momentum})',
    learningRate: 'lr {value}',
    batch: 'batch {value}',
    epochs: '{count} epoch | {count} epochs',
    l2: 'L2 {value}'
  },
  actions: {
    label: 'Actions for {name}',
    evaluate: 'Open in Evaluate',
    rename: 'Rename',
    resume: 'Resume',
    delete: 'Delete'
  },
  export: {
    button: 'Export',
    menu: 'Export this run',
    model: 'Model for TensorFlow.js (tfjs)',
    safetensors: 'Weights for PyTorch (.safetensors)',
    metricsCsv: 'Metrics (CSV)',
    metricsJson: 'Metrics (JSON)',
    report: 'Report (PDF)'
  },
  deleteDialog: {
    title: 'Delete “{name}”?',
    body: 'This removes the run, its trained model and its checkpoints from disk. It cannot be undone.',
    confirm: 'Delete'
  },
  renameDialog: {
    title: 'Rename run',
    name: 'Run name',
    save: 'Save'
  },
  ensemble: {
    evaluate: 'Evaluate the ticked runs as an ensemble ({count})',
    hint: 'Tick two or more trained runs of one dataset and split; the result opens in Tune.'
  },
  overlay: {
    train: '{name}: train',
    test: '{name}: test (test split used for validation)',
    axis: 'Loss (cross-entropy)',
    label:
      'Loss per epoch of the selected runs: solid train, dashed validation (or the test split where a run has no validation split)',
    empty: 'Tick runs in the table to compare their loss curves.'
  },
  newName: '{model} on {dataset}, {time}',
  resumed: 'Training resumed from the last checkpoint.',
  /** Why a run that was running when the lab went away is interrupted. */
  cutOff: {
    beforeFirstEpoch: 'Training was cut off before the first epoch finished.',
    afterEpoch: 'Training was cut off; it can resume after epoch {epoch}.'
  },
  reportSaved: 'Report saved to {path}.',
  reportSavedSomewhere: 'Report saved to the chosen file.',
  noRunToReport: 'There is no trained run to report on yet. Train one in the Train tab first.',
  damaged: {
    title: 'Damaged runs',
    intro:
      'These run folders hold a run.json the lab cannot read. The other runs are not affected.',
    /** What is wrong with a damaged run's run.json; `issue` is the schema check's own words. */
    why: {
      empty: 'Its run.json is empty.',
      notJson: 'Its run.json is not valid JSON: it may have been cut short.',
      newer:
        'Its run.json was written by a newer version of MNIST Lab (format {version}; this version reads up to {supported}). Update the app to open it.',
      notRecord: 'Its run.json is not a run record ({issue}).',
      badField: 'Its run.json is not a run record ({field}: {issue}).'
    },
    delete: 'Delete damaged run {id}'
  }
}
