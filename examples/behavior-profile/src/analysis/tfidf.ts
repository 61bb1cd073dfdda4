// TF-IDF over the sessions' terms: a dense, L2-normalised vector per session over the terms
// that occur in at least `minDocuments` sessions.

export class TfIdf {
  readonly vocabulary: string[];
  readonly idf: Float64Array;
  private readonly index: Map<string, number>;

  constructor(documents: string[][], minDocuments: number) {
    const df = new Map<string, number>();
    for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
    this.vocabulary = [...df.entries()]
      .filter(([, count]) => count >= minDocuments)
      .map(([term]) => term)
      .sort();
    this.index = new Map(this.vocabulary.map((term, i) => [term, i]));
    this.idf = Float64Array.from(this.vocabulary, (term) => Math.log((1 + documents.length) / (1 + df.get(term)!)) + 1);
  }

  get dimensions(): number {
    return this.vocabulary.length;
  }

  /** Sub-linear term frequency (1 + log tf) times idf, normalised to unit length. */
  vector(document: string[]): Float64Array {
    const counts = new Float64Array(this.vocabulary.length);
    for (const term of document) {
      const i = this.index.get(term);
      if (i !== undefined) counts[i]! += 1;
    }
    let norm = 0;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i]! > 0) counts[i] = (1 + Math.log(counts[i]!)) * this.idf[i]!;
      norm += counts[i]! * counts[i]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < counts.length; i++) counts[i]! /= norm;
    return counts;
  }
}
