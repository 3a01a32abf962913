// bpmn-js module: the casework: properties service the properties panel edits through.
import CaseworkProperties from './casework-properties.ts';

export default {
  __init__: [] as string[],
  caseworkProperties: ['type', CaseworkProperties],
};
