import type en from '../en/runs'
import type { Catalogue } from '../catalogue'

const runs: Catalogue<typeof en> = {
  damaged: {
    title: 'Beschädigte Läufe',
    intro:
      'In diesen Lauf-Ordnern liegt eine run.json, die das Lab nicht lesen kann. Die anderen Läufe sind davon nicht betroffen.',
    reason: 'Ihre run.json: {reason}',
    delete: 'Beschädigten Lauf {id} löschen'
  }
}

export default runs
