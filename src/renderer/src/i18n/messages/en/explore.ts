/** Texts of the Explore area. */
export default {}
