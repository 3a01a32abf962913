// The counts of the three-way comparison after a reliability run: Temporal (workflows, histories,
// live caseView) against the projection (cases and tasks tables) and the event log, each way round.
export interface ThreeWayFigures {
  /** Distinct workflow ids the namespace lists, of any type, and their runs (continue-as-new included). */
  workflowsListed: number;
  workflowRuns: number;
  caseWorkflows: number;
  caseRows: number;
  startsAcknowledged: number;
  workflowsWithoutCaseRow: number;
  /** Case rows visibility did not list; each is then looked up directly (caseRowsWithoutWorkflow). */
  caseRowsNotListedAsWorkflows: number;
  caseRowsWithoutWorkflow: number;
  /** Case workflows whose id no Idempotency-Key of the starter maps to: a start that ran twice. */
  workflowsNotFromAStartKey: number;
  acknowledgedStartsNotListed: number;
  caseStatusAgreements: number;
  caseStatusDisagreements: number;
  taskRows: number;
  openTaskRows: number;
  openTasksInTemporal: number;
  openTaskRowsNotOpenInTemporal: number;
  openTasksInTemporalWithoutOpenRow: number;
  completedTaskRows: number;
  completionsInHistory: number;
  completedRowsWithoutCompletionInHistory: number;
  completionsInHistoryWithoutCompletedRow: number;
  eventsMissingFromLog: number;
  eventsExtraInLog: number;
}

export function emptyThreeWay(): ThreeWayFigures {
  return {
    workflowsListed: 0,
    workflowRuns: 0,
    caseWorkflows: 0,
    caseRows: 0,
    startsAcknowledged: 0,
    workflowsWithoutCaseRow: 0,
    caseRowsNotListedAsWorkflows: 0,
    caseRowsWithoutWorkflow: 0,
    workflowsNotFromAStartKey: 0,
    acknowledgedStartsNotListed: 0,
    caseStatusAgreements: 0,
    caseStatusDisagreements: 0,
    taskRows: 0,
    openTaskRows: 0,
    openTasksInTemporal: 0,
    openTaskRowsNotOpenInTemporal: 0,
    openTasksInTemporalWithoutOpenRow: 0,
    completedTaskRows: 0,
    completionsInHistory: 0,
    completedRowsWithoutCompletionInHistory: 0,
    completionsInHistoryWithoutCompletedRow: 0,
    eventsMissingFromLog: 0,
    eventsExtraInLog: 0,
  };
}

/** The comparison as lines for a terminal or a log file. */
export function threeWayLines(f: ThreeWayFigures): string[] {
  return [
    `workflows listed      ${f.workflowsListed} (${f.workflowRuns} runs), ${f.caseWorkflows} case workflows; ${f.caseRows} case rows; ${f.startsAcknowledged} starts acknowledged`,
    `cases, either way     ${f.workflowsWithoutCaseRow} workflows without a case row, ${f.caseRowsWithoutWorkflow} case rows without a workflow (${f.caseRowsNotListedAsWorkflows} not listed by visibility)`,
    `starts                ${f.workflowsNotFromAStartKey} workflows no start key accounts for, ${f.acknowledgedStartsNotListed} acknowledged starts not listed`,
    `case status           ${f.caseStatusAgreements} agree, ${f.caseStatusDisagreements} differ (workflow vs case row)`,
    `open tasks            ${f.openTaskRows} open rows, ${f.openTasksInTemporal} open in Temporal; ${f.openTaskRowsNotOpenInTemporal} rows Temporal has not open, ${f.openTasksInTemporalWithoutOpenRow} Temporal tasks without an open row (of ${f.taskRows} task rows)`,
    `completed tasks       ${f.completedTaskRows} completed rows, ${f.completionsInHistory} completed in history; ${f.completedRowsWithoutCompletionInHistory} rows without, ${f.completionsInHistoryWithoutCompletedRow} history completions without a row`,
    `event log vs history  ${f.eventsMissingFromLog} missing, ${f.eventsExtraInLog} extra`,
  ];
}
