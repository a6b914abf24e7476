/** Texts of the Report area. */
export default {}
