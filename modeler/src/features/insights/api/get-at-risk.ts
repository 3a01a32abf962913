// GET /api/insights/at-risk: open cases that will miss a deadline (team leads see their teams' only).
import { z } from 'zod';
import { AtRiskItem } from '../../../../../domain/insights/report.ts';
import { apiGet, query } from '../../../shared/api/http.ts';
import { useResource } from '../../../shared/hooks/use-resource.ts';

const AtRiskList = z.object({ items: z.array(AtRiskItem) });

export function useAtRisk(definitionId: string, team: string | undefined) {
  return useResource(() => apiGet(`/api/insights/at-risk${query({ definitionId, team })}`, AtRiskList), [definitionId, team]);
}
