/**
 * The registry of signals: facts about a message that rules can name, found by code other than a text pattern. One line
 * each; the text detectors are in ../detectors/index.ts, and ../registry.ts joins both.
 */
import { customerListName } from "./customer-list-name";
import { emailList } from "./email-list";
import { unscanned } from "./unscanned";
import { visibleExternalRecipients } from "./visible-external-recipients";

export const signals = [emailList, customerListName, visibleExternalRecipients, unscanned] as const;
