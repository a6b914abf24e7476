import type en from '../en/gpu'
import type { Catalogue } from '../catalogue'

const gpu: Catalogue<typeof en> = {
  adapter: '{vendor} {architecture}',
  softwareAdapter: '{vendor} {architecture}, Software (auf der CPU nachgebildet, keine echte GPU)',
  backendOnAdapter: '{backend} auf {adapter}'
}

export default gpu
