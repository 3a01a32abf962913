// A stated ground truth for the FNO returns sample (processes/fno-returns-casework.bpmn): how many
// people each team has, how long each step takes them, how long the outside world takes (appeals,
// embassies, the removals logistics), and the mix of outcomes. The simulation bench makes a history
// from it, as no real casework log can ship in the repository, then fits and checks against it.
import type { CaseData } from '../../domain/engine/contract.ts';
import type { CaseProfile, SimulationModel } from '../../domain/simulation/simulation-model.ts';
import { mulberry32 } from '../../domain/insights/synthetic-log.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const spread = (median: number, unit = HOUR) => [0.5, 0.7, 0.85, 1, 1, 1.2, 1.5, 2, 2.5].map((k) => k * median * unit);

/** Hours of a person's work per step (median); spread −50 % to +150 %. */
const workHours: Record<string, number> = {
  Task_refer: 1.5,
  Task_prison_identity: 1,
  Task_referral_risk: 1,
  Task_create_case: 1,
  Task_decide: 5,
  Task_barrier_check: 1.5,
  Task_claim_decision: 8,
  Task_review_appeal: 2,
  Task_redoc_identity: 1.5,
  Task_etd_application: 2,
  Task_chase_embassy: 0.5,
  Task_directions: 1,
};

/** Calendar days the outside world takes (median). */
const waitDays: Record<string, number> = {
  Catch_appeal_lodged: 9, // about one in three runs past the 14-day appeal window
  Catch_appeal_determined: 90,
  Catch_document_issued: 21, // about one in four runs past the 28-day chase point
  Call_removals_logistics: 20,
};

const pickWeighted = <T>(random: () => number, options: [T, number][]): T => {
  let roll = random() * options.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of options) if ((roll -= weight) < 0) return value;
  return options.at(-1)![0];
};

function profile(random: () => number, startedAt: number): CaseProfile {
  const date = (days: number) => new Date(startedAt + days * DAY).toISOString().slice(0, 10);
  const ersInDays = 150 + Math.floor(random() * 250);
  const refer: CaseData = {
    prisonNumber: 'A1234BC',
    surname: 'Doe',
    givenNames: 'Sam',
    dateOfBirth: '1990-01-01',
    nationality: 'Exampleland',
    sentenceLengthMonths: 24,
    conditionalReleaseDate: date(ersInDays + 120),
    ersEligibilityDate: date(ersInDays),
  };
  const identityEvidence = pickWeighted(random, [['valid-passport', 40], ['expired-passport', 25], ['national-identity-card', 15], ['none', 20]]);
  const identity: CaseData = { nationality: 'Exampleland', identityEvidence, nationalityConfirmed: identityEvidence !== 'none' };
  const barriers = pickWeighted<string>(random, [['none', 55], ['asylum-claim', 30], ['human-rights-claim', 15]]);
  const completions: Record<string, CaseData[]> = {
    Task_refer: [refer],
    Task_prison_identity: [identity],
    Task_referral_risk: [{ violenceRisk: 'low', selfHarmRisk: false, disruptionHistory: false }],
    Task_create_case: [{ caseReference: 'FNO/1', caseOwner: 'tom', sentenceLengthMonths: 24, conditionalReleaseDate: refer.conditionalReleaseDate, ersEligibilityDate: refer.ersEligibilityDate }],
    Task_decide: [{ deportationDecision: random() < 0.85 ? 'deport' : 'do-not-deport', decisionReasons: 'Sentence over 12 months' }],
    Task_barrier_check: [{ barrierType: barriers }, { barrierType: 'none' }],
    Task_claim_decision: [{ claimOutcome: pickWeighted(random, [['granted', 15], ['refused-with-right-of-appeal', 55], ['certified', 30]]) }],
    Task_review_appeal: [{ appealOutcome: random() < 0.7 ? 'dismissed' : 'allowed' }],
    Task_redoc_identity: [identity],
    Task_etd_application: [{ embassy: 'Exampleland', etdApplicationReference: 'ETD-1' }],
    Task_chase_embassy: [{ chaseNotes: 'Chased' }],
    Task_directions: [{ removalDate: date(ersInDays - 5), destinationCountry: 'Exampleland' }],
    Call_removals_logistics: [{ removalOutcome: random() < 0.8 ? 'removed' : 'failed' }],
  };
  return { startedAt, startData: {}, completions };
}

/** About six referrals a working day, 09:00–16:00, with teams staffed to keep up (70–85 % busy). */
export function fnoGroundTruth(seed: number, from: number): SimulationModel {
  const random = mulberry32(seed);
  return {
    arrivalsPerHour: { working: Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 16 ? 6 / 7 : 0)), other: Array(24).fill(0) },
    workTime: Object.fromEntries(Object.entries(workHours).map(([node, hours]) => [node, spread(hours)])),
    elementTime: Object.fromEntries(Object.entries(waitDays).map(([node, days]) => [node, spread(days, DAY)])),
    profiles: Array.from({ length: 400 }, () => profile(random, from)),
    teamPeople: { 'prison-casework': 4, 'fno-returns': 7, 'barrier-clearance': 5, redocumentation: 3 },
    period: { from, to: from, cases: 0 },
  };
}
