import type en from '../en/backend'
import type { Catalogue } from '../catalogue'

const backend: Catalogue<typeof en> = {
  errors: {
    autoTimedNone:
      'Backend „auto“ konnte kein Backend messen ({backends}). Wählen Sie stattdessen ein Backend mit Namen.'
  },
  auto: {
    pick: 'Auto ({kind}): {backend}, {ms} ms pro Schritt, der schnellste von {count} gemessenen',
    notMeasured: 'Auto: misst die Backends, wenn der erste Lauf startet',
    reason: {
      notMeasured: 'Nicht gemessen.',
      unavailable: 'Nicht verfügbar: {why}',
      fastest: 'Am schnellsten: {ms} ms pro Schritt, von {measured} gemessenen.',
      fastestSoftware:
        'Am schnellsten: {ms} ms pro Schritt auf einem Software-Adapter, von {measured} gemessenen.',
      onlyOne: 'Das einzige, das lief: {ms} ms pro Schritt.',
      onlyOneSoftware: 'Das einzige, das lief: {ms} ms pro Schritt auf einem Software-Adapter.',
      softwareNotAllowed:
        'Software-Adapter, eine auf der CPU nachgebildete GPU ({ms} ms pro Schritt): auto wählt so einen nur, wenn Software erlaubt ist.',
      slower: 'Langsamer: {ms} ms pro Schritt, das {ratio}-Fache der {winnerMs} ms von {winner}.',
      slowerSoftware:
        'Langsamer: {ms} ms pro Schritt auf einem Software-Adapter, das {ratio}-Fache der {winnerMs} ms von {winner}.',
      optIn:
        'Von auto nie versucht: nur auf ausdrücklichen Wunsch (--backend tensorflow-gpu), da es CUDA 11.2 und cuDNN 8.1 braucht.'
    },
    unavailable: {
      noEngine: 'Keine Engine, mit der sich messen ließe.',
      noAnswer: 'Keine Antwort innerhalb von {seconds} s.',
      otherGpuBackend: 'Diese GPU-Engine läuft mit {running}, nicht mit {asked}.',
      didNotLoad: '{backend} ließ sich nicht laden.'
    }
  },
  attempt: {
    optIn:
      'Nicht versucht: nur auf ausdrücklichen Wunsch (--backend tensorflow-gpu), da es CUDA 11.2 und cuDNN 8.1 braucht.',
    otherChosen: 'Nicht versucht: {choice} wurde gewählt.',
    cpuFailed: 'Das JavaScript-CPU-Backend ließ sich nicht starten.',
    nativeInitFailed:
      '{packageName} wurde geladen, aber sein TensorFlow-Backend ließ sich nicht initialisieren.',
    noCudaGpu:
      '{packageName} wurde geladen, aber TensorFlow fand keine nutzbare CUDA-GPU (es braucht CUDA 11.2, cuDNN 8.1 und einen unterstützten NVIDIA-Treiber), daher läuft es auf der CPU.',
    notInstalled:
      '{packageName} ist nicht installiert (eine optionale Abhängigkeit: Bei seiner Installation wird libtensorflow heruntergeladen, wofür Internetzugang nötig ist).',
    notBuilt:
      '{packageName} ist installiert, aber nicht gebaut: Sein Installationsschritt (beim ersten `npm start`) lädt libtensorflow herunter, wofür Internetzugang nötig ist.',
    noCuda:
      '{packageName} 4.22 braucht CUDA 11.2 und cuDNN 8.1, die nicht gefunden wurden: {detail}',
    loadFailed: '{packageName} ließ sich nicht laden: {detail}',
    wasmMissing: 'Die WebAssembly-Binärdateien von {packageName} wurden nicht gefunden: {detail}',
    wasmInitFailed: 'Das WebAssembly-Backend ließ sich nicht initialisieren.',
    gpuNotStarted:
      'Nicht gestartet: Die GPU-Engine (Chromium) läuft nur, wenn Sie sie anfordern (--backend webgpu oder webgl, oder das Feld „Backend“).',
    besideGpu:
      'In der Node-Engine geladen, die erkundet und auswertet; das Training läuft auf {gpuBackend}.'
  }
}

export default backend
