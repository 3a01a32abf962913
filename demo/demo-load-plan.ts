// What the demo caseworkers of the FNO sample library decide, without I/O: which cases stall, how
// long each step waits and takes (in simulated hours), what they key into each form, and when the
// outside world answers (appeals, embassies, late cancellations). Every choice is drawn from a
// generator seeded by the case or task id, so a restarted demo load makes the same choices again.
import type { FormField } from '../domain/process/ir.ts';
import { mulberry32 } from '../domain/insights/synthetic-log.ts';

/** Marks demo cases in their start data, so they can be told apart (and counted) after a restart. */
export const DEMO_MARKER = 'casemap-demo-load';

/**
 * Most cases run to the end; some are left open on purpose with their ERS date close, so the
 * at-risk list and the SLA-breach overlay have something to show; a few are withdrawn part-way
 * by the message "Case withdrawn", which cancels whatever is open.
 */
export type DemoScenario = 'runs-to-the-end' | 'stalls-before-decision' | 'stalls-at-removal-directions' | 'withdrawn';

export function scenarioFor(index: number): DemoScenario {
  if (index % 5 === 2) return 'stalls-before-decision';
  if (index % 11 === 7) return 'stalls-at-removal-directions';
  if (index % 10 === 8) return 'withdrawn';
  return 'runs-to-the-end';
}

/** The step a stalled case waits at, unclaimed, for good. */
export const stallsAt: Record<DemoScenario, string | undefined> = {
  'runs-to-the-end': undefined,
  'stalls-before-decision': 'Task_decide',
  'stalls-at-removal-directions': 'Task_directions',
  withdrawn: undefined,
};

/** A generator of numbers in [0, 1) seeded by text: FNV-1a of the seed feeds mulberry32. */
export function seededRandom(seed: string): () => number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return mulberry32(hash);
}

/** Picks a value by weight. */
export function pick<T extends string>(random: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** A log-normal draw around `median` (spread 0.6): most work near the median, a long tail of slow cases. */
function around(random: () => number, median: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(0.6 * normal);
}

/**
 * Median hours a step waits in its team's queue and is then worked on. The decision, the claim
 * decision and the wait for a case owner are the slow queues the 2023 inspection describes.
 */
const pace: Record<string, { waiting: number; processing: number }> = {
  Task_refer: { waiting: 20, processing: 3 },
  Task_prison_identity: { waiting: 30, processing: 2 },
  Task_referral_risk: { waiting: 16, processing: 2 },
  Task_create_case: { waiting: 60, processing: 3 },
  Task_decide: { waiting: 150, processing: 10 },
  Task_barrier_check: { waiting: 40, processing: 2 },
  Task_claim_decision: { waiting: 300, processing: 12 },
  Task_review_appeal: { waiting: 30, processing: 3 },
  Task_redoc_identity: { waiting: 48, processing: 2 },
  Task_etd_application: { waiting: 72, processing: 4 },
  Task_chase_embassy: { waiting: 10, processing: 1 },
  Task_directions: { waiting: 60, processing: 4 },
  Task_erf: { waiting: 24, processing: 3 },
  Task_assess_risk: { waiting: 30, processing: 4 },
  Task_record_booking: { waiting: 24, processing: 2 },
  Task_allocate_escorts: { waiting: 48, processing: 2 },
  Task_72_hour_check: { waiting: 6, processing: 2 },
  Task_departure: { waiting: 1, processing: 6 },
  Task_update_record: { waiting: 30, processing: 1 },
};

export interface StepTiming {
  waitingHours: number;
  processingHours: number;
}

export function stepTiming(nodeId: string, taskKey: string): StepTiming {
  const random = seededRandom(`timing:${taskKey}`);
  const median = pace[nodeId] ?? { waiting: 24, processing: 2 };
  return { waitingHours: around(random, median.waiting), processingHours: around(random, median.processing) };
}

/** The messages other systems send to FNO and removal cases, and how long after the case starts waiting. */
export const demoMessages = ['Appeal lodged', 'Appeal determined', 'Travel document issued', 'Removal cancelled', 'Case withdrawn'] as const;
export type DemoMessage = (typeof demoMessages)[number];

const replyHours: Record<DemoMessage, number> = { 'Appeal lodged': 120, 'Appeal determined': 600, 'Travel document issued': 300, 'Removal cancelled': 4, 'Case withdrawn': 150 };

/**
 * Hours until the message arrives for a case waiting for it, or null when it never comes. Most
 * removals go ahead: a late cancellation (e.g. a judicial review) comes for about one in twelve.
 * Only the cases planned to be withdrawn are, so the others run as their scenario says.
 */
export function messageDelayHours(message: DemoMessage, caseId: string, scenario: DemoScenario = 'runs-to-the-end'): number | null {
  const random = seededRandom(`message:${message}:${caseId}`);
  if (message === 'Removal cancelled' && random() >= 0.08) return null;
  if (message === 'Case withdrawn' && scenario !== 'withdrawn') return null;
  return around(random, replyHours[message]);
}

/** Failed removals and their reasons, as the 2015 response lists them; in-control ones marked. */
const failureReasons = {
  'disruptive-behaviour': 24,
  'further-submissions-or-asylum-claim': 22,
  'medical-unfit-to-fly': 12,
  'documentation-problem': 10,
  'late-judicial-review': 9,
  'flight-cancelled-or-delayed': 8,
  'no-escort-available': 6,
  'carrier-refused-to-carry': 5,
  absconded: 2,
  other: 2,
};
const inHomeOfficeControl = new Set(['documentation-problem', 'no-escort-available', 'other']);

const surnames = ['Okafor', 'Hoxha', 'Nowak', 'Ahmed', 'Popescu', 'Silva', 'Mensah', 'Khan', 'Ivanov', 'Garcia'];
const givenNames = ['Daniel', 'Arben', 'Piotr', 'Yusuf', 'Andrei', 'Joao', 'Kwame', 'Imran', 'Sergei', 'Luis'];
const dependantNames = ['Amara', 'Leon', 'Sofia', 'Adam', 'Maya', 'Noah'];
const countries = ['Nigeria', 'Albania', 'Poland', 'Pakistan', 'Romania', 'Brazil', 'Ghana', 'India', 'Lithuania', 'Jamaica'];

export interface FormContext {
  /** The step being completed. */
  nodeId: string;
  /** The case's data so far (already keyed values are keyed again, as the inspection found). */
  caseData: Record<string, unknown>;
  scenario: DemoScenario;
  /** Seeds this task's choices: the task's row id. */
  taskKey: string;
  /** The parent case id, which the case reference is made from. */
  rootCaseId: string;
  now: Date;
  hourMs: number;
  /** A late cancellation message was planned for this removal case. */
  removalCancelled: boolean;
}

/** The case owner's record of the removal repeats what the escort recorded. */
const RECORD_UPDATE = 'Task_update_record';

const day = 86_400_000;
const dateAfter = (now: Date, days: number) => new Date(now.getTime() + Math.round(days) * day).toISOString().slice(0, 10);

/** Values chosen for a field by its meaning in the sample library; undefined leaves it to its type. */
function chosen(field: FormField, ctx: FormContext, random: () => number): unknown {
  const { caseData, now } = ctx;
  const between = (low: number, high: number) => low + random() * (high - low);
  switch (field.name) {
    case 'ersEligibilityDate':
      if (typeof caseData.ersEligibilityDate === 'string') return caseData.ersEligibilityDate;
      if (ctx.scenario === 'stalls-before-decision') return dateAfter(now, between(30, 70));
      if (ctx.scenario === 'stalls-at-removal-directions') return dateAfter(now, between(4, 9));
      return dateAfter(now, between(150, 500));
    case 'conditionalReleaseDate':
      return caseData.conditionalReleaseDate ?? dateAfter(now, between(200, 700));
    case 'caseReference':
      return `FNO-${Math.floor(seededRandom(ctx.rootCaseId)() * 900_000 + 100_000)}`;
    case 'deportationDecision':
      return pick(random, { deport: 92, 'do-not-deport': 8 });
    case 'barrierType':
      return caseData.appealOutcome === 'dismissed'
        ? pick(random, { none: 80, 'further-submissions': 20 })
        : pick(random, { none: 65, 'asylum-claim': 20, 'human-rights-claim': 10, 'further-submissions': 5 });
    case 'claimOutcome':
      return pick(random, { 'refused-with-right-of-appeal': 45, 'refused-and-certified': 35, granted: 10, withdrawn: 10 });
    case 'appealOutcome':
      return pick(random, { dismissed: 80, allowed: 20 });
    case 'identityEvidence':
      return caseData.identityEvidence ?? pick(random, { 'valid-passport': 35, 'expired-passport': 25, 'national-identity-card': 15, 'birth-certificate': 10, none: 15 });
    case 'violenceRisk':
      return pick(random, { low: 60, medium: 30, high: 10 });
    case 'disruptionHistory':
      return random() < 0.15;
    case 'selfHarmRisk':
    case 'pendingLegalChallenge':
      return random() < 0.1;
    case 'fitToFly':
      return random() < 0.97;
    case 'removalOutcome':
      // The escort records what happened; the case owner keys the same outcome again.
      // The case owner's record only follows a failure or cancellation, so it is never "removed".
      if (ctx.nodeId === RECORD_UPDATE) return caseData.removalOutcome === 'cancelled' ? 'cancelled' : 'failed';
      return pick(random, { removed: 80, failed: 20 });
    case 'departureDateTime':
      // Departure 96 simulated hours after booking, so the 72-hour point comes a simulated day later.
      return new Date(now.getTime() + 96 * ctx.hourMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    case 'requestedRemovalDate':
      return dateAfter(now, 21);
    case 'removalDate':
      return dateAfter(now, 28);
    case 'nationality':
    case 'destinationCountry':
      return caseData.nationality ?? countries[Math.floor(random() * countries.length)];
    case 'embassy':
      return `High Commission of ${String(caseData.nationality ?? 'the receiving country')}`;
    case 'surname':
      return caseData.surname ?? surnames[Math.floor(random() * surnames.length)];
    case 'givenNames':
      return caseData.givenNames ?? givenNames[Math.floor(random() * givenNames.length)];
    case 'dateOfBirth':
      return caseData.dateOfBirth ?? dateAfter(new Date(Date.UTC(1970, 0, 1)), between(0, 11_000));
    case 'prisonNumber':
      return caseData.prisonNumber ?? `A${Math.floor(between(1000, 9999))}BC`;
    case 'sentenceLengthMonths':
      return caseData.sentenceLengthMonths ?? Math.round(between(12, 72));
    case 'escortsRequired':
    case 'escortsAllocated':
      return caseData.violenceRisk === 'high' ? 3 : 2;
    case 'ticketRefundable':
      return caseData.pendingLegalChallenge === true || caseData.disruptionHistory === true || caseData.violenceRisk === 'high';
    case 'ticketCost':
      return Math.round(between(300, 1500));
    case 'dependantNames': {
      // About half the offenders have family in the UK: one check per name.
      const count = Number(pick(random, { 0: 50, 1: 25, 2: 17, 3: 8 }));
      return dependantNames.slice(0, count).map((name) => `${name} ${String(caseData.surname ?? '')}`.trim()).join(', ');
    }
    case 'nationalityConfirmed':
    case 'removalDirectionsServed':
    case 'escortsConfirmed':
      return true;
    default:
      return undefined;
  }
}

/** A value any field of this type accepts. */
function filler(field: FormField, ctx: FormContext, random: () => number): unknown {
  switch (field.type) {
    case 'number':
      return Math.round(1 + random() * 9);
    case 'boolean':
      return random() < 0.5;
    case 'date':
      return dateAfter(ctx.now, 0);
    case 'enum':
      return field.options[Math.floor(random() * field.options.length)];
    case 'text':
      return `Noted by the demo caseworker (${field.label || field.name}).`;
    default:
      return `${field.name.slice(0, 3).toUpperCase()}-${Math.floor(random() * 90_000 + 10_000)}`;
  }
}

/** The form data a demo caseworker submits to complete a step. */
export function formDataFor(form: readonly FormField[], ctx: FormContext): Record<string, unknown> {
  const random = seededRandom(`form:${ctx.taskKey}`);
  const data: Record<string, unknown> = {};
  for (const field of form) {
    const value = chosen(field, ctx, random) ?? filler(field, ctx, random);
    if (field.type === 'enum' && !field.options.includes(String(value))) continue;
    data[field.name] = value;
  }
  const outcome = data.removalOutcome;
  if (form.some((field) => field.name === 'failureReason')) {
    if (outcome === 'removed') delete data.failureReason;
    else data.failureReason = ctx.nodeId === RECORD_UPDATE && typeof ctx.caseData.failureReason === 'string' ? ctx.caseData.failureReason : pick(random, failureReasons);
  }
  if (form.some((field) => field.name === 'failureInHomeOfficeControl')) data.failureInHomeOfficeControl = inHomeOfficeControl.has(String(data.failureReason));
  // A late cancellation is recorded as such, with its usual reason.
  if (ctx.nodeId === RECORD_UPDATE && ctx.removalCancelled) {
    data.removalOutcome = 'cancelled';
    data.failureReason = 'late-judicial-review';
    data.failureInHomeOfficeControl = false;
  }
  return data;
}
