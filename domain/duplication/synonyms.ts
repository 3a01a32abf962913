// The casework vocabulary the duplication detectors read labels with. Edit freely: a term may be a
// phrase ("emergency travel document"); every term is matched by its stems, so list the plain form.

/** Words with no meaning of their own in a step label. */
export const stopWords: readonly string[] = [
  'a', 'an', 'the', 'of', 'for', 'to', 'and', 'or', 'with', 'on', 'in', 'at', 'by', 'from', 'into', 'onto', 'is', 'are', 'be', 'if',
  'any', 'all', 'as', 'via', 'per', 'this', 'that', 'their', 'his', 'her', 'its', 'whether', 'about', 'details', 'detail',
  'information', 'info', 'data', 'new', 'e', 'g', 'eg', 'etc', 'make', 'do', 'carry', 'out', 'undertake', 'perform', 'point', 'stage',
];

/** An action (verb) family: the first action word in a label says what the step does. */
export interface SynonymGroup {
  canonical: string;
  terms: readonly string[];
}

export const actionGroups: readonly SynonymGroup[] = [
  { canonical: 'verify', terms: ['check', 'verify', 'verification', 'confirm', 'confirmation', 'assess', 'assessment', 'review', 'validate', 'validation', 'screen', 'vet', 'examine', 'establish'] },
  { canonical: 'record', terms: ['record', 'update', 'enter', 'log', 'capture', 'register', 'note down'] },
  { canonical: 'notify', terms: ['notify', 'notification', 'alert', 'inform', 'tell', 'email', 'advise'] },
  { canonical: 'request', terms: ['request', 'ask', 'apply', 'application'] },
  { canonical: 'obtain', terms: ['obtain', 'get', 'gather', 'collect', 'acquire', 'retrieve'] },
  { canonical: 'arrange', terms: ['arrange', 'schedule', 'plan', 'organise', 'organize', 'set up'] },
  { canonical: 'allocate', terms: ['allocate', 'allocation', 'assign', 'appoint'] },
  { canonical: 'book', terms: ['book', 'booking', 'reserve', 'purchase', 'buy'] },
  { canonical: 'cancel', terms: ['cancel', 'cancellation', 'withdraw'] },
  { canonical: 'lodge', terms: ['lodge', 'submit', 'file'] },
  { canonical: 'decide', terms: ['decide', 'determine'] },
  { canonical: 'approve', terms: ['approve', 'authorise', 'authorize', 'sign off'] },
  { canonical: 'refuse', terms: ['refuse', 'reject', 'decline'] },
  { canonical: 'prepare', terms: ['prepare', 'draft', 'write'] },
  { canonical: 'send', terms: ['send', 'dispatch', 'forward'] },
  { canonical: 'receive', terms: ['receive'] },
  { canonical: 'issue', terms: ['issue'] },
  { canonical: 'serve', terms: ['serve'] },
  { canonical: 'refer', terms: ['refer'] },
  { canonical: 'chase', terms: ['chase', 'follow up'] },
  { canonical: 'escalate', terms: ['escalate'] },
  { canonical: 'create', terms: ['create', 'open'] },
  { canonical: 'close', terms: ['close'] },
  { canonical: 'complete', terms: ['complete', 'fill', 'fill in'] },
  { canonical: 'identify', terms: ['identify'] },
  { canonical: 'refund', terms: ['refund'] },
  { canonical: 'detain', terms: ['detain'] },
  { canonical: 'release', terms: ['release'] },
  { canonical: 'remove', terms: ['remove', 'deport'] },
  { canonical: 'accept', terms: ['accept'] },
  { canonical: 'consider', terms: ['consider'] },
  { canonical: 'search', terms: ['search', 'trace', 'locate'] },
  { canonical: 'agree', terms: ['agree'] },
  { canonical: 'upload', terms: ['upload', 'attach', 'scan'] },
  { canonical: 'print', terms: ['print'] },
  { canonical: 'contact', terms: ['contact', 'call', 'phone'] },
  { canonical: 'set', terms: ['set'] },
];

/** Things steps act on: synonyms and abbreviations that name the same case fact or artefact. */
export const termGroups: readonly SynonymGroup[] = [
  { canonical: 'nationality', terms: ['nationality', 'citizenship', 'national status'] },
  { canonical: 'travel-document', terms: ['travel document', 'emergency travel document', 'etd', 'passport', 'travel doc', 'laissez passer'] },
  { canonical: 'risk', terms: ['risk', 'threat', 'danger'] },
  { canonical: 'ticket', terms: ['ticket', 'flight', 'flight ticket', 'airline ticket', 'seat'] },
  { canonical: 'escort', terms: ['escort', 'escorting', 'escorted', 'custody officer'] },
  { canonical: 'referral', terms: ['referral', 'referral form'] },
  { canonical: 'interview', terms: ['interview', 'meeting', 'meet'] },
  { canonical: 'identity', terms: ['identity', 'id', 'identification'] },
  { canonical: 'offender', terms: ['offender', 'fno', 'foreign national offender', 'foreign national'] },
  { canonical: 'case-record', terms: ['case record', 'cid', 'case information database', 'case file'] },
  { canonical: 'address', terms: ['address', 'residence'] },
  { canonical: 'medical', terms: ['medical', 'health', 'healthcare'] },
  { canonical: 'contractor', terms: ['contractor', 'supplier', 'provider'] },
  { canonical: 'erf', terms: ['erf', 'escorting request form', 'electronic request form'] },
  { canonical: 'number', terms: ['number', 'no', 'num', 'nr'] },
  { canonical: 'reference', terms: ['reference', 'ref'] },
  { canonical: 'birth', terms: ['birth', 'dob'] },
  { canonical: 'surname', terms: ['surname', 'family name', 'last name'] },
  { canonical: 'forename', terms: ['forename', 'given name', 'first name'] },
];

/** Field names too general to call a repeat a duplicated capture (a note on every step is normal). */
export const genericFields: readonly string[] = ['note', 'comment', 'outcome', 'decision', 'reason', 'date', 'approve', 'verify', 'status', 'remark'];
