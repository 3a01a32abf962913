// bpmn-js module: live executability checks with badges on the canvas.
import CaseworkLint from './casework-lint.ts';

export default {
  __init__: ['caseworkLint'],
  caseworkLint: ['type', CaseworkLint],
};
