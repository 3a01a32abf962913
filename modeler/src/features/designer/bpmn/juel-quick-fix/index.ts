// bpmn-js module: the "Rewrite as FEEL" quick-fix for Camunda 7 JUEL conditions.
import JuelQuickFix from './juel-quick-fix.ts';

export default {
  __init__: ['juelQuickFix'],
  juelQuickFix: ['type', JuelQuickFix],
};
