/** Texts of the Regularize tab. */
export default {
  plan: {
    switches: 'Dropout, L2 weight decay and data augmentation, each one switch at a time.',
    earlyStopping: 'Early stopping on the test loss.',
    gap: 'The train/test gap before and after, side by side.'
  }
}
