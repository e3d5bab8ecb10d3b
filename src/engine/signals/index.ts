/**
 * The registry of signals: facts about a message that rules can name, found by code other than a text pattern. One line
 * each; the text detectors are in ../detectors/index.ts, and ../registry.ts joins both.
 */
import { customerEmail } from "./customer-email";
import { customerListName } from "./customer-list-name";
import { customerNumber } from "./customer-number";
import { emailList } from "./email-list";
import { firstTimeRecipient } from "./first-time-recipient";
import { linkedFile } from "./linked-file";
import { lookalikeDomain } from "./lookalike-domain";
import { mixedOrganizations } from "./mixed-organizations";
import { unscanned } from "./unscanned";
import { visibleExternalRecipients } from "./visible-external-recipients";

export const signals = [emailList, customerListName, customerEmail, customerNumber, linkedFile, visibleExternalRecipients, lookalikeDomain, mixedOrganizations, firstTimeRecipient, unscanned] as const;
