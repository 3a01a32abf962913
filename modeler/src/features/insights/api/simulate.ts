// POST /api/insights/simulate: the process run forward from its history, baseline and scenarios.
// It changes nothing on the server, so it is cached as a query keyed by what was asked.
import { SimulationAnswer, type SimulationRequest } from '../../../../../domain/contract/simulation.ts';
import { apiPost } from '../../../shared/api/http.ts';
import { resourceKeys } from '../../../shared/api/query-client.ts';
import { useApiQuery } from '../../../shared/hooks/use-api-query.ts';

export { SimulationAnswer, type SimulationRequest };

/** The simulation last asked for (nothing until the user asks). */
export function useSimulation(request: SimulationRequest | undefined) {
  return useApiQuery([...resourceKeys.insights, 'simulate', request], () => apiPost('/api/insights/simulate', request, SimulationAnswer), { enabled: request !== undefined });
}
