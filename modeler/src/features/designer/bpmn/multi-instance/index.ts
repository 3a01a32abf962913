// bpmn-js module: the service the properties panel edits a multi-instance step's collection and completion condition through.
import MultiInstance from './multi-instance.ts';

export default {
  __init__: [] as string[],
  multiInstance: ['type', MultiInstance],
};
