import { describe, expect, it } from 'vitest';
import { fieldKey, labelSimilarity, labelTerms, words } from './labels.ts';
import { stem } from './porter-stemmer.ts';

describe('the Porter stemmer', () => {
  it.each([
    ['assessing', 'assess'],
    ['assessment', 'assess'],
    ['checked', 'check'],
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['relational', 'relat'],
    ['hopeful', 'hope'],
    ['generalization', 'gener'],
    ['escorting', 'escort'],
    ['bookings', 'book'],
    ['id', 'id'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('label normalisation', () => {
  it('splits field names written in camel case', () => {
    expect(words('travelDocumentNumber')).toEqual(['travel', 'document', 'number']);
  });

  it('drops punctuation and stop words and maps synonyms to one term', () => {
    expect(labelTerms('Check the nationality details!').signature).toBe(labelTerms('Confirm citizenship').signature);
    expect(labelTerms('Apply for an emergency travel document (ETD)').signature).toBe('request:travel-document');
  });

  it('gives field names that mean the same one key', () => {
    expect(fieldKey('passportNumber')).toBe(fieldKey('etd_number'));
    expect(fieldKey('nationality')).toBe(fieldKey('Citizenship'));
  });
});

describe('label similarity', () => {
  const similarity = (a: string, b: string): number => labelSimilarity(labelTerms(a), labelTerms(b));

  it.each([
    ['Check nationality', 'Verify citizenship', 1],
    ['Book flight', 'Book ticket', 1],
    ['Interview offender', 'Meeting with FNO', 1],
    ['Assess risk', 'Review threat', 1],
  ])('treats "%s" and "%s" as the same step', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected);
  });

  it.each([
    ['Book flight', 'Cancel flight'],
    ['Check asylum claim', 'Lodge asylum claim'],
    ['Record flight booking', 'Book flight'],
    ['Check nationality', 'Check escort allocation'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(0.5);
  });
});
