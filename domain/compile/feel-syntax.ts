// Checks that a FEEL expression parses (feelin's parser, never its interpreter): Casemap stores
// FEEL as text and the engine evaluates it later over case data.
import { parseExpression } from 'feelin';

/** Longest FEEL expression accepted; longer text is rejected without parsing. */
const MAX_FEEL_LENGTH = 10_000;

/** Removes the leading `=` Camunda 8 writes before FEEL. */
export const stripFeelMarker = (text: string): string => text.replace(/^\s*=/, '').trim();

export const isFeelMarked = (text: string): boolean => /^\s*=/.test(text);

/** A Camunda 7 JUEL expression such as `${amount > 1000}` or `#{approved}`. */
export const isJuel = (text: string): boolean => /^\s*[$#]\{[\s\S]*\}\s*$/.test(text);

/** True when `expression` (without the leading `=`) is syntactically valid FEEL. */
export function isValidFeel(expression: string): boolean {
  if (expression.trim() === '' || expression.length > MAX_FEEL_LENGTH) return false;
  try {
    let valid = true;
    parseExpression(expression, {}, undefined).iterate({
      enter: (node) => {
        if (node.type.isError) valid = false;
        return valid;
      },
    });
    return valid;
  } catch {
    return false;
  }
}
