// Writes every refused access to the audit log before the problem is answered: no or a forged or
// expired session, a missing CSRF token, a role the route does not allow, and a signed-in user naming
// an object that is not theirs (answered 404 so ids cannot be probed, but audited as what it is).
import type { ErrorRequestHandler } from 'express';
import type { Database } from '../../services/database.ts';
import { recordAudit } from '../../services/audit.ts';
import { Problem } from './problem.ts';

const ACCESS_CODES = new Set(['unauthenticated', 'forbidden', 'csrf-token-missing']);

export function auditRefusals(db: Database): ErrorRequestHandler {
  return (error, req, _res, next) => {
    const refused = error instanceof Problem && (ACCESS_CODES.has(error.code) || (error.code === 'not-found' && req.user !== undefined));
    if (!refused) return next(error);
    recordAudit(db, { actor: req.user?.id, action: 'access.refused', target: `${req.method} ${req.originalUrl}`.slice(0, 500), source: req.ip, outcome: 'refused', detail: { code: error.code } }).then(
      () => next(error),
      () => next(error),
    );
  };
}
