import { DIAGNOSTIC_CODES, Diagnostic } from '../domain/compile/diagnostics.ts';
console.log(DIAGNOSTIC_CODES);
console.log(Diagnostic.parse({ code: 'too-large', severity: 'error', message: 'x', limit: 3 }));
