// Token simulation (bpmn-js-token-simulation, one of the modeller's modules): walks tokens through
// the diagram before it is deployed. This reports whether simulation mode is on and switches it;
// the module's own keyboard binding (T on the canvas) does the same.
import { useEffect, useState } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import type { EventBus } from '../bpmn/services.ts';

// The module's event and service names (lib/util/EventHelper.js, lib/features/toggle-mode).
const TOGGLE_MODE_EVENT = 'tokenSimulation.toggleMode';
interface ToggleMode {
  toggleMode(active?: boolean): void;
}

export function useTokenSimulation(modeler: Modeler | undefined): { active: boolean; toggle(): void } {
  const [active, setActive] = useState(false);

  useEffect(() => {
    if (!modeler) return;
    const eventBus = modeler.get<EventBus>('eventBus');
    const onToggle = (event: Record<string, unknown>) => setActive(event.active === true);
    eventBus.on(TOGGLE_MODE_EVENT, onToggle);
    return () => eventBus.off(TOGGLE_MODE_EVENT, onToggle);
  }, [modeler]);

  return { active, toggle: () => modeler?.get<ToggleMode>('toggleMode').toggleMode() };
}
