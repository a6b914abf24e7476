/** Texts of the Runs area. */
export default {}
