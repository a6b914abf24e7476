import type en from '../en/runs'
import type { Catalogue } from '../catalogue'

const runs: Catalogue<typeof en> = {}

export default runs
