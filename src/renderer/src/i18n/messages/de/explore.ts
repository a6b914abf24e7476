import type en from '../en/explore'
import type { Catalogue } from '../catalogue'

const explore: Catalogue<typeof en> = {}

export default explore
