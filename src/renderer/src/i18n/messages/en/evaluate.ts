/** Texts of the Evaluate tab: metrics, the confusion matrix, images, drawing. */
export default {
  errors: {
    noModel:
      'Run "{name}" has no trained model to evaluate yet. Training saves the model after each finished epoch: train the run for at least one epoch, then evaluate it.',
    noTrueClass: 'The true class {value} does not exist: this dataset has classes 0..{last}.',
    noPredictedClass:
      'The predicted class {value} does not exist: this dataset has classes 0..{last}.',
    imageSize: 'An image is {pixels} pixels, not {given}.',
    outputsMismatch:
      'The model gives {outputs} outputs per image, but the dataset has {classes} classes. Evaluate the run on the dataset it was trained on.'
  },
  noRun: 'No trained run yet. Train one in the Train tab; its evaluation appears here.',
  evaluating: 'Evaluating…',
  toolbar: {
    run: 'Run',
    runOption: '{name} ({status})',
    split: 'Split',
    test: 'Test',
    train: 'Train',
    export: 'Export report (PDF)'
  },
  splits: {
    train: 'train',
    test: 'test'
  },
  summary: {
    heading: 'How well it does on the {split} split',
    accuracy: 'Accuracy',
    macroF1: 'Macro F1',
    weightedF1: 'Weighted F1',
    balance: '{count} images; the largest class is {ratio} the smallest.',
    missing: '{count} images; the largest class is present while another is missing.',
    whyTitle: 'Why accuracy alone misleads:',
    why: 'it counts every image once, so common classes dominate it. On data where 95% of images are one class, a model that always answers that class scores 95% accuracy and has learned nothing. Macro F1 averages the classes equally and would expose it; weighted F1 weights them by how often they occur.'
  },
  table: {
    caption: 'Per-class metrics ({split} split)',
    class: 'Class',
    precision: 'Precision',
    recall: 'Recall',
    f1: 'F1',
    support: 'Support',
    neverPredicted: 'never predicted',
    neverNote:
      'The model never predicted {classes}. Precision is the share of predictions of a class that were right; with no predictions it is undefined, and is reported as 0 by convention.'
  },
  heatmap: {
    heading: 'Confusion matrix',
    show: 'Show',
    counts: 'Counts',
    recall: 'Row-normalized (recall)',
    precision: 'Column-normalized (precision)',
    label:
      'Confusion matrix heatmap of the {split} split: rows are true classes, columns predicted classes. Choose a cell with the confused pairs list or the cell picker.',
    hint: 'Blue: right answers; orange: mistakes (each scaled to its own largest cell). Hover a cell for its numbers; click it, or choose it with the cell picker, to see its images.',
    predicted: 'Predicted class',
    true: 'True class',
    cell: 'True {true}, predicted {predicted}',
    prompt: 'Click a cell of the heatmap, or choose a pair with the keyboard, to see its images.',
    images: 'no images | one image | {count} images',
    ofTrue: '{share} of true {name} (row)',
    ofPredicted: '{share} of predicted {name} (column)'
  },
  pairs: {
    heading: 'Most confused pairs',
    none: 'No mistakes on this split.',
    pair: 'True {true}, predicted {predicted}: {count}'
  },
  picker: {
    true: 'True class',
    predicted: 'Predicted class',
    show: 'Show cell'
  },
  cell: {
    heading: 'Images of a cell',
    loading: 'Loading images…',
    empty: 'No image falls in this cell.',
    summary: 'no images | One image, most confident first. | {count} images, most confident first.',
    summaryShowing:
      'no images | One image, most confident first (showing {shown}). | {count} images, most confident first (showing {shown}).',
    images: 'Images: {title}'
  },
  losses: {
    heading: 'Most confident mistakes (top losses)',
    gallery: 'Top losses'
  },
  digit: {
    label: 'Image {index}: true {true}, predicted {predicted}',
    loss: 'loss {loss}',
    probability: '{name}: {share}'
  },
  draw: {
    heading: 'Draw a digit',
    pad: 'Drawing area: draw a digit with mouse, touch or pen',
    clear: 'Clear',
    sees: 'What the model sees (28×28, centred by mass as MNIST was)',
    input: 'Model input, 28 by 28 pixels',
    prediction: 'Prediction:',
    probabilities: 'Probabilities',
    prompt: 'Draw to see the ten probabilities.'
  }
}
