/** Entries a memo keeps before it starts again: bounds its memory on a corpus of any size. */
export const MEMO_LIMIT = 50_000;

/**
 * Answers of a pure function by its argument, for the ones the finders ask again and again with the same few
 * inputs (a role, a meeting's name, a person's name). Past MEMO_LIMIT entries it starts again.
 */
export class Memo<K, V> {
  private readonly answers = new Map<K, V>();

  get(key: K, compute: (key: K) => V): V {
    let v = this.answers.get(key);
    if (v === undefined) {
      v = compute(key);
      if (this.answers.size > MEMO_LIMIT) this.answers.clear();
      this.answers.set(key, v);
    }
    return v;
  }
}
