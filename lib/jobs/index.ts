// Every job of the platform, registered on import. A module that defines a job (defineJob) is imported here,
// so that lib/workers.ts starts the complete set.
import './builtin';
import '@/lib/notifications/jobs';
import '@/lib/services/campaign-jobs';

export { definedJobs, defineJob, type JobContext, type JobDefinition, runJobIfDue } from './registry';
export { startJobRunner } from './runner';
