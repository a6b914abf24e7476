/** Texts of the Train area. */
export default {}
