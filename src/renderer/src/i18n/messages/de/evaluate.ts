import type en from '../en/evaluate'
import type { Catalogue } from '../catalogue'

const evaluate: Catalogue<typeof en> = {}

export default evaluate
