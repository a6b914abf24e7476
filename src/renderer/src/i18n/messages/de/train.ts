import type en from '../en/train'
import type { Catalogue } from '../catalogue'

const train: Catalogue<typeof en> = {}

export default train
