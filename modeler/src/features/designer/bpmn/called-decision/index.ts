// bpmn-js module: the service the properties panel edits a business rule task's called decision through.
import CalledDecision from './called-decision.ts';

export default {
  __init__: [] as string[],
  calledDecision: ['type', CalledDecision],
};
