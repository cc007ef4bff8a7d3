/**
 * `live` is a row's projectId while the row is not deleted, and absent on a tombstone.
 * IndexedDB leaves a row out of an index when a key part is missing, so list indexes of the
 * form [live+column] hold only the rows a list shows: counting and paging a project's list is
 * then a pure index range, with no JavaScript filter walking every row. Derived, never synced.
 */
export function withListKey<Row extends Record<string, unknown>>(row: Row): Row {
  if (row.deleted) {
    if (!('live' in row)) return row;
    const { live: _dropped, ...rest } = row;
    return rest as Row;
  }
  return row.live === row.projectId ? row : { ...row, live: row.projectId };
}
