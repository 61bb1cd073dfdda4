// Tokenizing event texts: lower case, words of letters, stop words out, a light suffix stemmer
// (so "runner", "running" and "runs" meet at "run").

const STOP_WORDS = new Set(
  ('a an and are as at be best by for from how in is it new of on or the this to top vs week why with your ' +
    'guide tips ideas review').split(' '),
);

const SUFFIXES: [string, string][] = [
  ['ational', 'ate'], ['ization', 'ize'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
  ['ements', ''], ['ement', ''], ['ments', ''], ['ment', ''], ['ings', ''], ['ing', ''], ['ness', ''],
  ['ers', ''], ['er', ''], ['ies', 'y'], ['ied', 'y'], ['ed', ''], ['ly', ''], ['es', ''], ['ss', 'ss'], ['s', ''],
];

export class Tokenizer {
  private readonly cache = new Map<string, string>();

  constructor(private readonly minLength = 3) {}

  /** Stems of the text's words, stop words removed. */
  tokens(text: string): string[] {
    const out: string[] = [];
    for (const word of text.toLowerCase().split(/[^a-z]+/)) {
      if (word.length < this.minLength || STOP_WORDS.has(word)) continue;
      let stem = this.cache.get(word);
      if (stem === undefined) {
        stem = Tokenizer.stem(word);
        this.cache.set(word, stem);
      }
      out.push(stem);
    }
    return out;
  }

  /** Strips the first matching suffix that leaves a stem of 3 letters or more; undoubles "nn" etc. */
  static stem(word: string): string {
    for (const [suffix, replacement] of SUFFIXES) {
      if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
        let stem = word.slice(0, word.length - suffix.length) + replacement;
        const last = stem.length - 1;
        if (replacement === '' && stem[last] === stem[last - 1] && !'lsz'.includes(stem[last]!)) stem = stem.slice(0, last);
        return stem;
      }
    }
    return word;
  }
}
