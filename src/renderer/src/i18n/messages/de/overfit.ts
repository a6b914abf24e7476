import type en from '../en/overfit'
import type { Catalogue } from '../catalogue'

const overfit: Catalogue<typeof en> = {
  plan: {
    initialLoss:
      'Den Loss direkt nach der Initialisierung prüfen: Bei 10 Klassen sollte er bei ln(10) = 2,303 beginnen.',
    oneBatch:
      'Einen einzelnen Batch bis zum Loss null auswendig lernen – der Beweis, dass Modell und Trainingsloop überhaupt lernen können.',
    wholeSet:
      'Danach den ganzen Trainingsdatensatz overfitten und zusehen, wie die Lücke zwischen Training und Test aufgeht.'
  }
}

export default overfit
