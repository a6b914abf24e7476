/**
 * The shape of every image and label the lab handles: MNIST's 28x28 grey
 * bytes and ten classes. Datasets are checked against these on import.
 */
export const imageSide = 28
export const imagePixels = imageSide * imageSide
export const classCount = 10
/** Raw pixels are bytes: 0 (no ink) to 255 (full ink). */
export const maxPixelValue = 255
