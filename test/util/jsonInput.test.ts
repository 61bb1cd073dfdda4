import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { JsonInput } from '../../src/util/jsonInput.js';

const errorOf = (text: string): string => {
  try {
    JsonInput.parse(text, 'in.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('JSON inputs', () => {
  it.each([
    ['at the top', '{"a": 1, "b": 2, "a": 3}', /^in\.json:1:18: key "a" appears twice in one object$/],
    ['in a nested object', '{"list": [{"id": 1},\n {"id": 2, "x": {}, "id": 3}]}', /^in\.json:2:21: key "id" appears twice in one object$/],
    ['spelled with an escape', '{"ab": 1, "a\\u0062": 2}', /^in\.json:1:11: key "ab" appears twice in one object$/],
    ['beside a string that starts with a colon', '{"a" : 1, "s": ":x", "a" : 2}', /^in\.json:1:22: key "a" appears twice in one object$/],
    ['beside a colon spelled as an escape', '{"a": 1, "a": 2, "b": "\\u003a"}', /^in\.json:1:10: key "a" appears twice in one object$/],
    ['whose lost value held colons', '{"t": "x:y", "t": "z"}', /^in\.json:1:14: key "t" appears twice in one object$/],
  ])('refuses a key repeated %s, where JSON.parse would keep the last', (_name, text, expected) => {
    expect(errorOf(text)).toMatch(expected);
  });

  it.each([
    ['spaced keys', '{"a" : 1, "b" :2}'],
    ['string values that start with a colon or hold quotes', '{"a": ":", "b": "\\":", "c": [":", {"a": ":"}]}'],
    ['the same key in sibling objects', '[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]'],
    ['a key named like a prototype member', '{"__proto__": 1, "constructor": 2}'],
    ['colons in keys and values, and escapes', '{"a:b": "c:d", "e": "\\u003a:", "f": {"g::": ["::"]}}'],
  ])('reads %s as JSON.parse does', (_name, text) => {
    expect(JsonInput.parse(text, 'in.json').value).toEqual(JSON.parse(text));
  });

  it.each([
    ['malformed', '{"a": 1,,}', /^in\.json:1:9: malformed or truncated JSON \(.+\)$/],
    ['cut short', '{"a": [1,\n 2', /^in\.json:2:3: malformed or truncated JSON \(.+\)$/],
    ['empty', ' \n', /^in\.json: empty file$/],
  ])('names file:line:column of %s JSON', (_name, text, expected) => {
    expect(errorOf(text)).toMatch(expected);
  });
});
