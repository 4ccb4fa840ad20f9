// Following the pages of a Describe* listing until its total is reached (or a page comes back short).

export interface Page<T> { rows: T[]; total: number }

/** All rows of a listing; `fetchPage(i)` asks for page i (0-based) of `pageSize` rows. */
export async function collectPages<T>(pageSize: number, fetchPage: (index: number) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let index = 0; ; index++) {
    const { rows, total } = await fetchPage(index);
    all.push(...rows);
    if (rows.length < pageSize || all.length >= total) return all;
  }
}
