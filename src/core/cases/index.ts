// The case-study library: searching, sharing, submitting and moderating, and its two digest sections.
import type { Feature } from '../feature.js';
import {
  approveCaseAction,
  caseApproveCommand,
  caseChangesCommand,
  caseCommand,
  caseEditCommand,
  caseFormHandler,
  caseRejectCommand,
  casesCommand,
  casesMineCommand,
  casesPendingCommand,
  caseSubmitCommand,
  changesCaseAction,
  rejectCaseAction,
  reviewFormHandler,
  shareCaseAction,
} from './case-commands.js';
import { newCasesSection, whatCouldHelpSection } from './digest-cases.js';

export const casesFeature: Feature = {
  name: 'cases',
  commands: [
    casesCommand,
    caseCommand,
    caseSubmitCommand,
    caseEditCommand,
    casesMineCommand,
    casesPendingCommand,
    caseApproveCommand,
    caseChangesCommand,
    caseRejectCommand,
  ],
  actions: [shareCaseAction, approveCaseAction, changesCaseAction, rejectCaseAction],
  forms: [caseFormHandler, reviewFormHandler],
  // "What could help" comes first after the figures; new case studies close the digest.
  digestSections: [
    { order: 10, build: whatCouldHelpSection },
    { order: 30, build: newCasesSection },
  ],
};
