/** Texts of the Evaluate area. */
export default {}
