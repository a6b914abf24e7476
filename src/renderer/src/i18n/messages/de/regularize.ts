import type en from '../en/regularize'
import type { Catalogue } from '../catalogue'

const regularize: Catalogue<typeof en> = {
  plan: {
    switches: 'Dropout, L2-Weight-Decay und Data Augmentation – jeweils einzeln zuschaltbar.',
    earlyStopping: 'Early Stopping anhand des Test-Loss.',
    gap: 'Die Lücke zwischen Training und Test vorher und nachher, nebeneinander.'
  }
}

export default regularize
