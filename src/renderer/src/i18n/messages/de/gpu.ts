import type en from '../en/gpu'
import type { Catalogue } from '../catalogue'

const gpu: Catalogue<typeof en> = {
  adapter: '{vendor} {architecture}',
  softwareAdapter: '{vendor} {architecture}, Software (auf der CPU nachgebildet, keine echte GPU)',
  backendOnAdapter: '{backend} auf {adapter}',
  autoPick: 'Auto ({kind}): {backend}, {ms} ms pro Schritt, der schnellste von {count} gemessenen',
  autoNotMeasured: 'Auto: misst die Backends, wenn der erste Lauf startet'
}

export default gpu
