// A compact Porter (1980) suffix stripper, so "assessing", "assessment" and "assessed" meet on
// one stem. Written here because domain/ may not depend on anything outside it.

const consonant = '[^aeiou]';
const vowel = '[aeiouy]';
const consonants = `${consonant}[^aeiouy]*`;
const vowels = `${vowel}[aeiou]*`;

const measureAtLeast1 = new RegExp(`^(${consonants})?${vowels}${consonants}`);
const measureExactly1 = new RegExp(`^(${consonants})?${vowels}${consonants}(${vowels})?$`);
const measureAtLeast2 = new RegExp(`^(${consonants})?${vowels}${consonants}${vowels}${consonants}`);
const hasVowel = new RegExp(`^(${consonants})?${vowel}`);
const endsCvc = new RegExp(`^${consonants}${vowel}[^aeiouwxy]$`);

const step2: Record<string, string> = {
  ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al', entli: 'ent', eli: 'e', ousli: 'ous',
  ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al', iveness: 'ive', fulness: 'ful', ousness: 'ous', aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log',
};
const step3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };

const step2Pattern = new RegExp(`^(.+?)(${Object.keys(step2).join('|')})$`);
const step3Pattern = new RegExp(`^(.+?)(${Object.keys(step3).join('|')})$`);
const step4Pattern = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;

/** The Porter stem of one lower-case word; words shorter than three letters are returned as they are. */
export function stem(input: string): string {
  if (input.length < 3 || !/^[a-z]+$/.test(input)) return input;
  const startsWithY = input.startsWith('y');
  let word = startsWithY ? `Y${input.slice(1)}` : input;
  let match: RegExpExecArray | null;

  // Step 1a: plurals.
  if ((match = /^(.+?)(ss|i)es$/.exec(word))) word = `${match[1]}${match[2]}`;
  else if ((match = /^(.+?)([^s])s$/.exec(word))) word = `${match[1]}${match[2]}`;

  // Step 1b: -eed, -ed, -ing.
  if ((match = /^(.+?)eed$/.exec(word))) {
    if (measureAtLeast1.test(match[1]!)) word = word.slice(0, -1);
  } else if ((match = /^(.+?)(ed|ing)$/.exec(word)) && hasVowel.test(match[1]!)) {
    word = match[1]!;
    if (/(at|bl|iz)$/.test(word)) word += 'e';
    else if (/([^aeiouylsz])\1$/.test(word)) word = word.slice(0, -1);
    else if (endsCvc.test(word)) word += 'e';
  }

  // Step 1c: y → i after a vowel-bearing stem.
  if ((match = /^(.+?)y$/.exec(word)) && hasVowel.test(match[1]!)) word = `${match[1]}i`;

  // Steps 2 and 3: double and single suffixes mapped to shorter ones.
  if ((match = step2Pattern.exec(word)) && measureAtLeast1.test(match[1]!)) word = match[1]! + step2[match[2]!];
  if ((match = step3Pattern.exec(word)) && measureAtLeast1.test(match[1]!)) word = match[1]! + step3[match[2]!];

  // Step 4: remove a suffix when the stem keeps at least two syllable measures.
  if ((match = step4Pattern.exec(word))) {
    if (measureAtLeast2.test(match[1]!)) word = match[1]!;
  } else if ((match = /^(.+?)(s|t)(ion)$/.exec(word))) {
    const candidate = `${match[1]}${match[2]}`;
    if (measureAtLeast2.test(candidate)) word = candidate;
  }

  // Step 5: a final -e and a double -ll.
  if ((match = /^(.+?)e$/.exec(word))) {
    const candidate = match[1]!;
    if (measureAtLeast2.test(candidate) || (measureExactly1.test(candidate) && !endsCvc.test(candidate))) word = candidate;
  }
  if (/ll$/.test(word) && measureAtLeast2.test(word)) word = word.slice(0, -1);

  return startsWithY ? `y${word.slice(1)}` : word;
}
