// Keeps text that a spreadsheet would run as a formula (CSV injection, e.g. `=cmd|' /C calc'!A0`)
// plain text: the one neutraliser every CSV export of Casemap uses.

/** The characters that start a formula in Excel, LibreOffice and Google Sheets (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` with a leading apostrophe when it would start a formula; spreadsheets show it as text and hide the apostrophe. */
export function spreadsheetSafeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
