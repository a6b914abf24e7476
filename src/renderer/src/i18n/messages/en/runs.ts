/** Texts of the Runs area. */
export default {
  damaged: {
    title: 'Damaged runs',
    intro:
      'These run folders hold a run.json the lab cannot read. The other runs are not affected.',
    reason: 'Its run.json {reason}',
    delete: 'Delete damaged run {id}'
  }
}
