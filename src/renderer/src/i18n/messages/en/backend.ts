/**
 * Backends: why the better ones did not load, and what backend "auto" measured
 * and picked. Main sends these as catalogue messages beside its English (the
 * CLI's `lab info`); the status bar words them. Times are numbers the locale writes.
 */
export default {
  errors: {
    autoTimedNone:
      'Backend "auto" could not time any backend ({backends}). Choose a backend by name instead.'
  },
  auto: {
    pick: 'Auto ({kind}): {backend}, {ms} ms per step, the fastest of {count} measured',
    notMeasured: 'Auto: measures the backends when the first run starts',
    /** Why auto chose a backend, or why not. */
    reason: {
      notMeasured: 'Not measured.',
      /** `why` is a message of its own (unavailable.*, gpu.errors.*), or a library's words as they are. */
      unavailable: 'Not available: {why}',
      fastest: 'Fastest: {ms} ms per step, of {measured} measured.',
      fastestSoftware: 'Fastest: {ms} ms per step on a software adapter, of {measured} measured.',
      onlyOne: 'The only one that ran: {ms} ms per step.',
      onlyOneSoftware: 'The only one that ran: {ms} ms per step on a software adapter.',
      softwareNotAllowed:
        'Software adapter, a GPU emulated on the CPU ({ms} ms per step): auto never picks one unless software is allowed.',
      slower: 'Slower: {ms} ms per step, {ratio}× the {winnerMs} ms of {winner}.',
      slowerSoftware:
        'Slower: {ms} ms per step on a software adapter, {ratio}× the {winnerMs} ms of {winner}.',
      optIn:
        'Never tried by auto: opt-in only (--backend tensorflow-gpu), as it needs CUDA 11.2 and cuDNN 8.1.'
    },
    /** Why a backend could not be timed. */
    unavailable: {
      noEngine: 'No engine to measure with.',
      noAnswer: 'No answer within {seconds} s.',
      otherGpuBackend: 'This GPU engine runs {running}, not {asked}.',
      didNotLoad: '{backend} did not load.'
    }
  },
  /** Why a backend better than the one running did not load, or was not tried. */
  attempt: {
    optIn:
      'Not tried: opt-in only (--backend tensorflow-gpu), as it needs CUDA 11.2 and cuDNN 8.1.',
    otherChosen: 'Not tried: {choice} was chosen.',
    cpuFailed: 'The JavaScript CPU backend failed to start.',
    nativeInitFailed: '{packageName} loaded, but its TensorFlow backend failed to initialize.',
    noCudaGpu:
      '{packageName} loaded, but TensorFlow found no usable CUDA GPU (it needs CUDA 11.2 and cuDNN 8.1 and a supported NVIDIA driver), so it runs on the CPU.',
    notInstalled:
      '{packageName} is not installed (an optional dependency: its install downloads libtensorflow, which needs internet access).',
    notBuilt:
      '{packageName} is installed but not built: its install step (run by the first `npm start`) downloads libtensorflow, which needs internet access.',
    /** `detail` is the loader's first line, as it wrote it. */
    noCuda: '{packageName} 4.22 needs CUDA 11.2 and cuDNN 8.1, which were not found: {detail}',
    loadFailed: '{packageName} failed to load: {detail}',
    wasmMissing: 'The WebAssembly binaries of {packageName} were not found: {detail}',
    wasmInitFailed: 'The WebAssembly backend failed to initialize.',
    gpuNotStarted:
      'Not started: the GPU engine (Chromium) runs only when asked for (--backend webgpu or webgl, or the Backend field).',
    besideGpu:
      'Loaded in the Node engine, which explores and evaluates; training runs on {gpuBackend}.'
  }
}
