/** Texts of the Runs area. */
export default {
  actions: {
    exportSafetensors: 'Export weights for PyTorch (.safetensors)'
  }
}
