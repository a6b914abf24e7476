import type en from '../en/report'
import type { Catalogue } from '../catalogue'

const report: Catalogue<typeof en> = {}

export default report
