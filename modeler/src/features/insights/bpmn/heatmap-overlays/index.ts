// bpmn-js module: heat per step on the Insights diagram (frequency, waiting, processing, SLA breaches).
import HeatmapOverlays from './heatmap-overlays.ts';

export default {
  __init__: ['heatmapOverlays'],
  heatmapOverlays: ['type', HeatmapOverlays],
};
