// The engine's boundary: what the Temporal shell feeds in (events) and what it must carry out
// (commands). Everything here is plain JSON so it crosses workflow history and queries unchanged.
import type { FormField } from '../process/ir.ts';

export type CaseData = Record<string, unknown>;

export interface EngineInput {
  caseId: string;
  data: CaseData;
  /** The start event to begin at; defaults to the main process's none start event. */
  startEventId?: string;
}

/** Why a timer exists: the shell treats them all alike, the engine reacts differently. */
export type TimerPurpose = 'boundary' | 'intermediate' | 'event-gateway' | 'sla' | 'handoff' | 'watchdog' | 'event-sub-process';

export type EngineCommand =
  | {
      type: 'openUserTask';
      taskId: string;
      nodeId: string;
      name: string;
      team: string;
      role?: string;
      assignee?: string;
      form: FormField[];
      /** ISO instant the step is due (its SLA), if it has one. */
      dueAt?: string;
      /** Set when reaching this task moves the case to another team. */
      handoff?: { fromTeam: string; toTeam: string; acceptBy?: string };
      /** Set when the task is one instance of a multi-instance step (from 1, of `count`, `completed` done when it opened). */
      instance?: { index: number; count: number; completed: number; bodyId: string };
    }
  | { type: 'closeUserTask'; taskId: string; reason: 'cancelled' }
  | {
      type: 'scheduleActivity';
      taskId: string;
      nodeId: string;
      handler: string;
      input: CaseData;
      retry?: { maximumAttempts?: number; initialInterval?: string; backoffCoefficient?: number; maximumInterval?: string; nonRetryableErrors: string[] };
    }
  | { type: 'cancelActivity'; taskId: string }
  | { type: 'startTimer'; timerId: string; nodeId: string; purpose: TimerPurpose; fireAt: string }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'subscribeMessage'; subscriptionId: string; nodeId: string; messageName: string; correlationKey?: string }
  | { type: 'unsubscribeMessage'; subscriptionId: string }
  | { type: 'subscribeSignal'; subscriptionId: string; nodeId: string; signalName: string }
  | { type: 'unsubscribeSignal'; subscriptionId: string }
  /** A signal throw event: every case waiting for `signalName` is to be signalled (this one too), once. */
  | { type: 'broadcastSignal'; broadcastId: string; nodeId: string; signalName: string; data: CaseData }
  | { type: 'startChildCase'; childId: string; nodeId: string; calledElement: string; input: CaseData }
  | { type: 'cancelChildCase'; childId: string }
  | { type: 'emit'; event: CaseEvent }
  | { type: 'complete'; data: CaseData }
  | { type: 'fail'; reason: string; nodeId?: string };

/** Lifecycle facts the engine reports; the shell writes them to the event log. */
export type CaseEvent =
  | { kind: 'element-entered'; nodeId: string; instanceId: string }
  | { kind: 'element-completed'; nodeId: string; instanceId: string }
  | { kind: 'element-cancelled'; nodeId: string; instanceId: string }
  | { kind: 'ownership-changed'; nodeId: string; fromTeam?: string; toTeam: string }
  | { kind: 'sla-breached'; nodeId: string; taskId: string; team: string }
  | { kind: 'handoff-overdue'; nodeId: string; taskId: string; team: string }
  /** A firing of a non-interrupting cycle timer on a step (R3/P1D): a reminder to the step's team. */
  | { kind: 'reminder-due'; nodeId: string; hostNodeId: string; timerId: string; team?: string; taskId?: string; firing: number; remaining: number | null }
  | { kind: 'escalation-raised'; nodeId: string; escalationCode?: string; caught: boolean }
  | { kind: 'error-raised'; nodeId: string; errorCode?: string; caught: boolean }
  | { kind: 'message-correlated'; nodeId: string; messageName: string }
  | { kind: 'timer-fired'; nodeId: string; timerId: string }
  /** A broadcast signal fired a wait of the case (one event per wait it fired). */
  | { kind: 'signal-received'; nodeId: string; signalName: string; broadcastId: string }
  | { kind: 'signal-thrown'; nodeId: string; signalName: string; broadcastId: string }
  /** An event sub-process began: `interrupting` when it cancelled the rest of its scope's work. */
  | { kind: 'event-sub-process-triggered'; nodeId: string; startEventId: string; interrupting: boolean }
  /** A business rule task's DMN decision: which rules matched (`index` from 1) and what it gave, stored in `resultVariable`. */
  | {
      kind: 'decision-evaluated';
      nodeId: string;
      decisionId: string;
      decisionName?: string;
      resultVariable: string;
      matchedRules: Array<{ ruleId: string; index: number }>;
      output: unknown;
      /** Required decisions evaluated first (decision requirements), in order. */
      required: Array<{ decisionId: string; decisionName?: string; matchedRules: Array<{ ruleId: string; index: number }>; output: unknown }>;
    }
  /** A caseworker's action on a task: `team` is the team holding the task after it. */
  | { kind: 'task-claimed' | 'task-returned' | 'handoff-accepted'; nodeId: string; taskId: string; team: string; actor: string }
  | { kind: 'task-reassigned'; nodeId: string; taskId: string; team: string; actor: string; toUser?: string; toTeam?: string }
  | { kind: 'task-completed'; nodeId: string; taskId: string; team: string; actor: string; data: CaseData };

export type EngineEvent =
  | { type: 'userTaskCompleted'; taskId: string; data: CaseData; actor: string }
  /** Claiming a handed-over task also accepts the handoff: the receiving team has picked it up. */
  | { type: 'taskClaimed'; taskId: string; actor: string }
  /** Back to the team's queue, claimed by nobody. */
  | { type: 'taskReturned'; taskId: string; actor: string }
  /** A lead gives the task to `toUser` (claimed by them) and/or `toTeam`; without `toUser` nobody holds it. */
  | { type: 'taskReassigned'; taskId: string; actor: string; toUser?: string; toTeam?: string }
  | { type: 'handoffAccepted'; taskId: string; actor: string }
  | { type: 'activityCompleted'; taskId: string; output: CaseData }
  /** A business error from a service handler: becomes a BPMN error for boundary events. */
  | { type: 'activityFailed'; taskId: string; errorCode: string; message?: string }
  | { type: 'timerFired'; timerId: string }
  | { type: 'messageReceived'; subscriptionId: string; messageName: string; data: CaseData }
  /** A broadcast signal; `broadcastId` is the same on every delivery of one broadcast, so a repeat is ignored. */
  | { type: 'signalReceived'; broadcastId: string; signalName: string; data?: CaseData }
  | { type: 'childCaseCompleted'; childId: string; data: CaseData }
  /** `errorCode`: the uncaught BPMN error that ended the called case, for a boundary naming it. */
  | { type: 'childCaseFailed'; childId: string; reason: string; errorCode?: string }
  | { type: 'cancel'; reason: string };

export interface StepResult<State> {
  state: State;
  commands: EngineCommand[];
  /** Set when the event did not apply (stale task, fired timer…): the state is then unchanged and no command issued. */
  rejected?: string;
}
